// Package global4 replaces go-micro's default transport with a TLS one, so
// services built on the default are not plaintext.
package global4

import (
	"crypto/tls"

	"go-micro.dev/v4"
	"go-micro.dev/v4/broker"
	"go-micro.dev/v4/transport"
)

var cfg = &tls.Config{MinVersion: tls.VersionTLS12}

func init() {
	transport.DefaultTransport = transport.NewHTTPTransport(transport.TLSConfig(cfg)) // ok
	broker.Init(broker.TLSConfig(cfg))                                                // ok
}

func main() {
	micro.NewService(micro.Name("a")) // ok: the default transport has TLS
}
