package v6

import (
	"crypto/tls"

	"go-micro.dev/v6"
	"go-micro.dev/v6/broker"
	"go-micro.dev/v6/broker/rabbitmq"
	"go-micro.dev/v6/registry"
	"go-micro.dev/v6/registry/etcd"
	"go-micro.dev/v6/server"
	"go-micro.dev/v6/transport"
	grpct "go-micro.dev/v6/transport/grpc"
)

var cfg = &tls.Config{MinVersion: tls.VersionTLS12}

func tlsTransport() transport.Transport {
	return transport.NewHTTPTransport(transport.TLSConfig(cfg))
}

// In v6 NewService takes the name first; options start at the second
// argument.
func services() {
	micro.NewService("a")                                                 // want `^service uses the default plaintext transport`
	micro.NewService("b", micro.Transport(tlsTransport()))                // ok
	micro.New("c", micro.Version("1"))                                    // want `^service uses the default plaintext transport`
	micro.New("d", micro.Server(server.NewServer(server.TLSConfig(cfg)))) // ok

	svc := micro.NewService("e") // ok: Init installs a TLS transport
	svc.Init(micro.Transport(tlsTransport()))

	other := micro.NewService("f") // ok: its server gets a TLS config
	other.Server().Init(server.TLSConfig(cfg))
}

// v6 clients verify when Secure(true) comes without a TLSConfig.
func components() {
	grpct.NewTransport(transport.Secure(true))   // want `^grpc transport uses Secure\(true\) without TLSConfig: it serves a self-signed certificate that verifying clients reject`
	grpct.NewTransport(transport.TLSConfig(cfg)) // ok
	broker.NewHttpBroker(broker.Secure(true))    // want `^broker uses Secure\(true\) without TLSConfig: it serves a self-signed certificate that verifying clients reject`
	etcd.NewEtcdRegistry(registry.Secure(true))  // ok: v6 verifies against the system roots
	etcd.NewEtcdRegistry()                       // want `^etcd registry built without TLS`
	registry.NewMDNSRegistry()                   // want `^mdns registry is unauthenticated`
}

// v6's rabbitmq client verifies against the system roots.
func amqps() {
	rabbitmq.NewBroker(broker.Addrs("amqps://mq.internal:5671")) // ok
	rabbitmq.NewBroker(broker.Addrs("amqp://mq.internal:5672"))  // want `^rabbitmq broker built without TLS`
}
