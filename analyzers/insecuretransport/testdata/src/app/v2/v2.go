package v2

import (
	"crypto/tls"

	"github.com/micro/go-micro/v2"
	"github.com/micro/go-micro/v2/broker"
	"github.com/micro/go-micro/v2/registry"
	regmem "github.com/micro/go-micro/v2/registry/memory"
	"github.com/micro/go-micro/v2/server"
	grpcs "github.com/micro/go-micro/v2/server/grpc"
	"github.com/micro/go-micro/v2/service"
	sgrpc "github.com/micro/go-micro/v2/service/grpc"
	"github.com/micro/go-micro/v2/transport"
	"github.com/micro/go-micro/v2/transport/memory"
	"github.com/micro/go-micro/v2/transport/quic"
)

var cfg = &tls.Config{MinVersion: tls.VersionTLS12}

func tlsTransport() transport.Transport { return transport.NewTransport(transport.TLSConfig(cfg)) }

func services() {
	// v2 runs the grpc server by default, which ignores the transport.
	micro.NewService(micro.Name("a"))                                  // want `^service runs the default grpc server, which listens in plaintext: pass server.TLSConfig\(cfg\) through svc.Server\(\).Init or micro.Server$`
	micro.NewService(micro.Name("b"), micro.Transport(tlsTransport())) // want `^service runs the default grpc server`

	svc := micro.NewService(micro.Name("c")) // ok: its server gets a TLS config
	svc.Server().Init(server.TLSConfig(cfg))

	micro.NewService(micro.Server(grpcs.NewServer(grpcs.AuthTLS(cfg))))                 // ok
	micro.NewService(micro.Server(grpcs.NewServer()))                                   // want `^service runs a grpc server without TLS, which listens without the transport: pass server.TLSConfig\(cfg\) or grpc.AuthTLS\(cfg\) to the server$`
	micro.NewService(micro.Server(server.NewServer()), micro.Transport(tlsTransport())) // ok: an rpc server on a TLS transport

	sgrpc.NewService(service.Name("d"))                     // want `^grpc service built without TLS: pass grpc.WithTLS\(cfg\)$`
	sgrpc.NewService(service.Name("e"), sgrpc.WithTLS(cfg)) // ok
}

func components() {
	transport.NewTransport()                       // want `^transport built without TLS`
	transport.NewTransport(transport.Secure(true)) // want `^transport uses Secure\(true\) without TLSConfig: it serves a self-signed certificate and clients skip`
	memory.NewTransport()                          // ok: in-process
	quic.NewTransport(transport.Secure(true))      // want `^quic transport uses Secure\(true\) without TLSConfig: it serves a self-signed certificate and clients skip`
	broker.NewBroker(broker.TLSConfig(cfg))        // ok
	registry.NewRegistry()                         // want `^mdns registry is unauthenticated`
	regmem.NewRegistry()                           // ok: in-process
	server.NewServer()                             // want `^server built without TLS: it uses a plaintext transport; pass server.TLSConfig\(cfg\)$`
	server.NewServer(server.TLSConfig(cfg))        // ok
}
