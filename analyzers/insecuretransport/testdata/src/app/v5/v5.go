package v5

import (
	"crypto/tls"

	capi "github.com/hashicorp/consul/api"
	natsp "github.com/nats-io/nats.go"
	"go-micro.dev/v5"
	"go-micro.dev/v5/broker"
	natsb "go-micro.dev/v5/broker/nats"
	"go-micro.dev/v5/broker/rabbitmq"
	"go-micro.dev/v5/client"
	grpcc "go-micro.dev/v5/client/grpc"
	"go-micro.dev/v5/registry"
	"go-micro.dev/v5/registry/consul"
	"go-micro.dev/v5/registry/etcd"
	natsr "go-micro.dev/v5/registry/nats"
	"go-micro.dev/v5/server"
	"go-micro.dev/v5/service"
	"go-micro.dev/v5/transport"
	grpct "go-micro.dev/v5/transport/grpc"
	natst "go-micro.dev/v5/transport/nats"
)

var cfg = &tls.Config{MinVersion: tls.VersionTLS12}

func tlsTransport() transport.Transport {
	return transport.NewHTTPTransport(transport.TLSConfig(cfg))
}

// micro.Transport, micro.Name and friends are variables in v5.
func services() {
	micro.NewService(micro.Name("a"))                                  // want `^service uses the default plaintext transport`
	micro.NewService(micro.Name("b"), micro.Transport(tlsTransport())) // ok
	micro.New("c")                                                     // want `^service uses the default plaintext transport`

	svc := micro.New("d") // ok: Init installs a TLS transport
	svc.Init(micro.Transport(tlsTransport()))

	service.New(service.Name("e"))                                    // want `^service uses the default plaintext transport`
	service.New(service.Name("f"), service.Transport(tlsTransport())) // ok

	var opts []micro.Option
	opts = append(opts, micro.Name("g"), micro.Server(server.NewServer(server.TLSConfig(cfg))))
	micro.NewService(opts...) // ok
}

func components() {
	transport.NewHTTPTransport(transport.Secure(true))               // want `^transport uses Secure\(true\) without TLSConfig: it serves a self-signed certificate that verifying clients reject`
	grpct.NewTransport(transport.Secure(true))                       // want `^grpc transport uses Secure\(true\) without TLSConfig: it serves a self-signed certificate and clients skip certificate verification`
	grpct.NewTransport(transport.TLSConfig(cfg))                     // ok
	natst.NewTransport()                                             // want `^nats transport built without TLS`
	natst.NewTransport(natst.Options(natsp.Options{TLSConfig: cfg})) // ok
	natst.NewTransport(transport.Secure(true))                       // ok: nats verifies against the system roots
	broker.NewHttpBroker()                                           // want `^broker built without TLS`
	broker.NewHttpBroker(broker.TLSConfig(cfg))                      // ok
	broker.NewMemoryBroker()                                         // ok: in-process
	natsb.NewNatsBroker()                                            // want `^nats broker built without TLS`
	natsb.NewNatsBroker(broker.TLSConfig(cfg))                       // ok
	rabbitmq.NewBroker(broker.Secure(true))                          // want `^rabbitmq broker uses Secure\(true\) without TLSConfig: the client skips certificate verification; pass broker.TLSConfig\(cfg\)$`
	rabbitmq.NewBroker(broker.Secure(true), broker.TLSConfig(cfg))   // ok
	registry.NewMDNSRegistry()                                       // want `^mdns registry is unauthenticated`
	etcd.NewEtcdRegistry(registry.Secure(true))                      // want `^etcd registry uses Secure\(true\) without TLSConfig: the client skips certificate verification`
	consul.NewConsulRegistry()                                       // want `^consul registry built without TLS`
	consul.NewConsulRegistry(registry.TLSConfig(cfg))                // ok
	natsr.NewNatsRegistry()                                          // want `^nats registry built without TLS`
	server.NewServer()                                               // want `^server built without TLS`
	client.NewClient(client.Transport(tlsTransport()))               // ok
	grpcc.NewClient()                                                // want `^grpc client built without TLS: it dials in plaintext unless the address is https://, has port 443 or has no port`

	// consul.Config's Scheme is used as given.
	consul.NewConsulRegistry(consul.Config(&capi.Config{Scheme: "https"})) // ok
	consul.NewConsulRegistry(consul.Config(&capi.Config{Scheme: "http"}))  // want `^consul registry built without TLS`

	// An amqps:// address is TLS, and the client skips verification without
	// a TLSConfig; only the first address counts.
	rabbitmq.NewBroker(broker.Addrs("amqps://user:pw@mq.internal:5671"))                             // want `^rabbitmq broker dials amqps:// without TLSConfig: the client skips certificate verification; pass broker.TLSConfig\(cfg\)$`
	rabbitmq.NewBroker(broker.Addrs("amqps://mq.internal:5671"), broker.TLSConfig(cfg))              // ok
	rabbitmq.NewBroker(broker.Addrs("amqp://mq.internal:5672"))                                      // want `^rabbitmq broker built without TLS`
	rabbitmq.NewBroker(broker.Addrs("amqp://mq.internal:5672", "amqps://mq.internal:5671"))          // want `^rabbitmq broker built without TLS`
	rabbitmq.NewBroker(broker.Addrs("amqps://mq.internal:5671"), broker.Addrs("amqp://mq.internal")) // want `^rabbitmq broker built without TLS`
}
