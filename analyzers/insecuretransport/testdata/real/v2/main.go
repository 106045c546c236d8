// Package realv2 type-checks against github.com/micro/go-micro/v2 v2.9.1,
// whose services run the grpc server by default.
package realv2

import (
	"crypto/tls"

	"github.com/micro/go-micro/v2"
	"github.com/micro/go-micro/v2/server"
	"github.com/micro/go-micro/v2/transport"
)

func plaintext(cfg *tls.Config) {
	t := transport.NewTransport(transport.TLSConfig(cfg))
	micro.NewService(micro.Name("plain"), micro.Transport(t)) // want `^service runs the default grpc server, which listens in plaintext`
	transport.NewTransport(transport.Secure(true))            // want `clients skip certificate verification`
}

func withTLS(cfg *tls.Config) {
	svc := micro.NewService(micro.Name("tls")) // ok: its grpc server gets the config
	svc.Server().Init(server.TLSConfig(cfg))
}
