package plugins4

import (
	"crypto/tls"

	natsb "github.com/go-micro/plugins/v4/broker/nats"
	grpcc "github.com/go-micro/plugins/v4/client/grpc"
	"github.com/go-micro/plugins/v4/registry/consul"
	"github.com/go-micro/plugins/v4/registry/etcd"
	grpcs "github.com/go-micro/plugins/v4/server/grpc"
	grpct "github.com/go-micro/plugins/v4/transport/grpc"
	natsp "github.com/nats-io/nats.go"
	"go-micro.dev/v4"
	"go-micro.dev/v4/registry"
	"go-micro.dev/v4/server"
	"go-micro.dev/v4/transport"
)

var cfg = &tls.Config{MinVersion: tls.VersionTLS12}

func transports() {
	grpct.NewTransport()                         // want `^grpc transport built without TLS: pass transport.Secure\(true\) and transport.TLSConfig\(cfg\)$`
	grpct.NewTransport(transport.TLSConfig(cfg)) // ok
	grpct.NewTransport(transport.Secure(true))   // want `^grpc transport uses Secure\(true\) without TLSConfig: it serves a self-signed certificate and clients skip certificate verification; pass transport.TLSConfig\(cfg\)$`
}

func serversAndClients() {
	grpcs.NewServer()                      // want `^grpc server built without TLS: it listens in plaintext; pass server.TLSConfig\(cfg\) or grpc.AuthTLS\(cfg\)$`
	grpcs.NewServer(grpcs.AuthTLS(cfg))    // ok
	grpcs.NewServer(server.TLSConfig(cfg)) // ok
	grpcc.NewClient()                      // want `^grpc client built without TLS: it dials in plaintext unless the address is https://, has port 443 or has no port; pass grpc.AuthTLS\(cfg\)$`
	grpcc.NewClient(grpcc.AuthTLS(cfg))    // ok

	micro.NewService(micro.Server(grpcs.NewServer()))                   // want `^service runs a grpc server without TLS, which listens without the transport: pass server.TLSConfig\(cfg\) or grpc.AuthTLS\(cfg\) to the server$`
	micro.NewService(micro.Server(grpcs.NewServer(grpcs.AuthTLS(cfg)))) // ok

	// A grpc client does not use the service's transport.
	tlsT := grpct.NewTransport(transport.TLSConfig(cfg))
	micro.NewService(
		micro.Server(grpcs.NewServer(grpcs.AuthTLS(cfg))),
		micro.Transport(tlsT),
		micro.Client(grpcc.NewClient()), // want `^grpc client built without TLS`
	)
	micro.NewService(
		micro.Server(grpcs.NewServer(grpcs.AuthTLS(cfg))),
		micro.Client(grpcc.NewClient(grpcc.AuthTLS(cfg))), // ok
	)
	micro.NewService(micro.Server(grpcs.NewServer()), micro.Transport(tlsT)) // want `^service runs a grpc server without TLS, which listens without the transport`
}

func registries() {
	etcd.NewRegistry()                                               // want `^etcd registry built without TLS: pass registry.Secure\(true\) and registry.TLSConfig\(cfg\)$`
	etcd.NewRegistry(registry.Secure(true))                          // want `^etcd registry uses Secure\(true\) without TLSConfig: the client skips certificate verification`
	etcd.NewRegistry(registry.Secure(true), registry.TLSConfig(cfg)) // ok
	consul.NewRegistry()                                             // want `^consul registry built without TLS`
	consul.NewRegistry(registry.TLSConfig(cfg))                      // ok
}

func brokers() {
	natsb.NewBroker()                                                           // want `^nats broker built without TLS`
	natsb.NewBroker(natsb.Options(natsp.Options{Secure: true, TLSConfig: cfg})) // ok
	natsb.NewBroker(natsb.Options(natsp.Options{Secure: true}))                 // ok: nats verifies against the system roots
	natsb.NewBroker(natsb.Options(natsp.Options{Url: natsp.DefaultURL}))        // want `^nats broker built without TLS`
}
