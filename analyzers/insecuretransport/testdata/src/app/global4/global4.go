// Package global4 replaces go-micro's default transport with a TLS one.
// server.DefaultServer was built with go-micro's own transport before this
// package's init ran, so a service that runs it is still plaintext; a
// server built later, or given the global explicitly, gets the TLS one.
package global4

import (
	"crypto/tls"

	"go-micro.dev/v4"
	"go-micro.dev/v4/broker"
	"go-micro.dev/v4/server"
	"go-micro.dev/v4/transport"
)

var cfg = &tls.Config{MinVersion: tls.VersionTLS12}

func init() {
	transport.DefaultTransport = transport.NewHTTPTransport(transport.TLSConfig(cfg)) // ok
	broker.Init(broker.TLSConfig(cfg))                                                // ok
}

func main() {
	micro.NewService(micro.Name("a"))                                     // want `^service runs server.DefaultServer, which go-micro builds with its own plaintext transport before your code runs: assigning transport.DefaultTransport does not reach it`
	micro.NewService(micro.Name("b"), micro.Server(server.DefaultServer)) // want `^service runs server.DefaultServer, which go-micro builds`
	micro.NewService(micro.Name("c"), micro.Transport(transport.DefaultTransport))
	micro.NewService(micro.Name("d"), micro.Server(server.NewServer()))
	svc := micro.NewService(micro.Name("e")) // ok: its server is given the TLS transport
	svc.Server().Init(server.Transport(transport.DefaultTransport))
}
