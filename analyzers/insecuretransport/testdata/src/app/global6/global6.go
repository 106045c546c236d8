// Package global6 replaces go-micro's default transport with a TLS one
// before building a v6 service, which builds a server of its own then, on
// the transport the global holds.
package global6

import (
	"crypto/tls"

	"go-micro.dev/v6"
	"go-micro.dev/v6/transport"
)

var cfg = &tls.Config{MinVersion: tls.VersionTLS12}

func main() {
	transport.DefaultTransport = transport.NewHTTPTransport(transport.TLSConfig(cfg)) // ok
	micro.NewService("a")                                                             // ok
}
