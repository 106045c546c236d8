package v3

import (
	"crypto/tls"

	"github.com/asim/go-micro/v3"
	apihttp "github.com/asim/go-micro/v3/api/server/http"
	"github.com/asim/go-micro/v3/broker"
	"github.com/asim/go-micro/v3/client"
	"github.com/asim/go-micro/v3/registry"
	"github.com/asim/go-micro/v3/server"
	"github.com/asim/go-micro/v3/transport"
	"github.com/asim/go-micro/v3/web"
)

var cfg = &tls.Config{MinVersion: tls.VersionTLS12}

func services() {
	micro.NewService(micro.Name("a")) // want `^service uses the default plaintext transport`
	t := transport.NewHTTPTransport(transport.TLSConfig(cfg))
	micro.NewService(micro.Name("b"), micro.Transport(t)) // ok
	micro.NewFunction(micro.Name("c"))                    // want `^service uses the default plaintext transport`

	svc := micro.NewService(micro.Name("d")) // ok: server.TLSConfig also secures the transport
	svc.Server().Init(server.TLSConfig(cfg))
}

func components() {
	transport.NewHTTPTransport(transport.Secure(true)) // want `^transport uses Secure\(true\) without TLSConfig: it serves a self-signed certificate and clients skip certificate verification`
	transport.NewHTTPTransport()                       // want `^transport built without TLS`
	transport.NewMemoryTransport()                     // ok: in-process
	broker.NewBroker(broker.Secure(true))              // want `^broker uses Secure\(true\) without TLSConfig: it serves a self-signed certificate and publishers skip`
	registry.NewRegistry()                             // want `^mdns registry is unauthenticated`
	registry.NewMemoryRegistry()                       // ok: in-process
	server.NewServer()                                 // want `^server built without TLS`
	server.NewServer(server.TLSConfig(cfg))            // ok
	client.NewClient()                                 // want `^client built without TLS`
	web.NewService()                                   // want `^web service built without TLS`
	web.NewService(web.TLSConfig(cfg))                 // ok
	apihttp.NewServer(":8080")                         // want `^api server built without TLS`
}
