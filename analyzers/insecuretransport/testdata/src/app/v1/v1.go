package v1

import (
	"crypto/tls"

	"github.com/micro/go-micro"
	apiserver "github.com/micro/go-micro/api/server"
	apihttp "github.com/micro/go-micro/api/server/http"
	"github.com/micro/go-micro/broker"
	natsb "github.com/micro/go-micro/broker/nats"
	grpcc "github.com/micro/go-micro/client/grpc"
	"github.com/micro/go-micro/registry"
	"github.com/micro/go-micro/registry/etcd"
	"github.com/micro/go-micro/registry/mdns"
	"github.com/micro/go-micro/server"
	grpcs "github.com/micro/go-micro/server/grpc"
	sgrpc "github.com/micro/go-micro/service/grpc"
	"github.com/micro/go-micro/transport"
	grpct "github.com/micro/go-micro/transport/grpc"
	"github.com/micro/go-micro/transport/quic"
	natsp "github.com/nats-io/nats.go"
)

var cfg = &tls.Config{MinVersion: tls.VersionTLS12}

func tlsTransport() transport.Transport { return transport.NewTransport(transport.TLSConfig(cfg)) }

func services() {
	micro.NewService(micro.Name("a"))                                  // want `^service uses the default plaintext transport: pass micro.Transport\(t\) with a transport built with transport.TLSConfig\(cfg\)$`
	micro.NewService(micro.Name("b"), micro.Transport(tlsTransport())) // ok
	micro.NewFunction(micro.Name("f"))                                 // want `^service uses the default plaintext transport`
	micro.NewFunction(micro.Transport(tlsTransport()))                 // ok
	sgrpc.NewService(micro.Name("g"))                                  // want `^grpc service built without TLS: pass grpc.WithTLS\(cfg\)$`
	sgrpc.NewService(micro.Name("h"), sgrpc.WithTLS(cfg))              // ok
}

func transports() {
	transport.NewTransport()                                                 // want `^transport built without TLS`
	transport.NewTransport(transport.Secure(true))                           // want `^transport uses Secure\(true\) without TLSConfig: it serves a self-signed certificate and clients skip certificate verification; pass transport.TLSConfig\(cfg\)$`
	transport.NewTransport(transport.Secure(true), transport.TLSConfig(cfg)) // ok
	grpct.NewTransport(transport.Secure(true))                               // want `^grpc transport uses Secure\(true\) without TLSConfig: it serves a self-signed certificate and clients skip`
	grpct.NewTransport(transport.TLSConfig(cfg))                             // ok
	quic.NewTransport()                                                      // want `^quic transport built without TLSConfig: clients skip certificate verification; pass transport.TLSConfig\(cfg\)$`
	quic.NewTransport(transport.TLSConfig(cfg))                              // ok
}

func servers() {
	server.NewServer()                                                                 // want `^server built without TLS: it uses the default plaintext transport; pass server.Transport\(t\) with a transport built with transport.TLSConfig\(cfg\)$`
	server.NewServer(server.Transport(tlsTransport()))                                 // ok
	grpcs.NewServer()                                                                  // want `^grpc server built without TLS: pass grpc.AuthTLS\(cfg\)$`
	grpcs.NewServer(grpcs.AuthTLS(cfg))                                                // ok
	micro.NewService(micro.Server(grpcs.NewServer()), micro.Transport(tlsTransport())) // want `^service runs a grpc server without TLS, which listens without the transport: pass grpc.AuthTLS\(cfg\) to the server$`
	grpcc.NewClient()                                                                  // want `^grpc client built without TLS: it always dials in plaintext; pass grpc.AuthTLS\(cfg\)$`
	grpcc.NewClient(grpcc.AuthTLS(cfg))                                                // ok
}

func others() {
	broker.NewBroker()                                                          // want `^broker built without TLS`
	natsb.NewBroker(natsb.Options(natsp.Options{Url: natsp.DefaultURL}))        // want `^nats broker built without TLS`
	natsb.NewBroker(natsb.Options(natsp.Options{Secure: true, TLSConfig: cfg})) // ok
	registry.NewRegistry()                                                      // want `^mdns registry is unauthenticated`
	mdns.NewRegistry()                                                          // want `^mdns registry is unauthenticated`
	etcd.NewRegistry(registry.Secure(true))                                     // want `^etcd registry uses Secure\(true\) without TLSConfig: the client skips certificate verification; pass registry.TLSConfig\(cfg\)$`
	etcd.NewRegistry(registry.Secure(true), registry.TLSConfig(cfg))            // ok
	apihttp.NewServer(":8080")                                                  // want `^api server built without TLS`
	s := apihttp.NewServer(":8081")                                             // ok: Init adds TLS
	s.Init(apiserver.EnableTLS(true), apiserver.TLSConfig(cfg))
}
