// Package realv4 type-checks against go-micro.dev/v4 v4.10.2 itself, where
// transport.NewHTTPTransport returns the unexported *httpTransport and
// server.NewServer is a package variable.
package realv4

import (
	"crypto/tls"

	"go-micro.dev/v4"
	"go-micro.dev/v4/registry"
	"go-micro.dev/v4/server"
	"go-micro.dev/v4/transport"
)

func plaintext() {
	micro.NewService(micro.Name("plain"))              // want `^service uses the default plaintext transport`
	transport.NewHTTPTransport(transport.Secure(true)) // want `self-signed certificate that verifying clients reject`
	server.NewServer(server.Name("srv"))               // want `^server built without TLS`
	registry.NewRegistry()                             // want `^mdns registry is unauthenticated`
	_ = &tls.Config{InsecureSkipVerify: true}          // want `InsecureSkipVerify`
}

func withTLS(cfg *tls.Config) {
	t := transport.NewHTTPTransport() // ok: Init adds the config
	t.Init(transport.TLSConfig(cfg))
	if c, err := t.Dial("peer:1", transport.WithInsecureSkipVerify(true)); err == nil { // want `transport dial skips certificate verification`
		c.Close()
	}

	opts := []micro.Option{micro.Name("tls")}
	opts = append(opts, micro.Transport(t))
	micro.NewService(opts...) // ok

	svc := micro.NewService(micro.Name("srv")) // ok
	svc.Server().Init(server.TLSConfig(cfg))

	server.NewServer(server.TLSConfig(cfg)) // ok
}
