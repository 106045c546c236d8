// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package grpc

import (
	"crypto/tls"

	"go-micro.dev/v5/server"
)

var _ *tls.Config

func NewServer(opts ...server.Option) server.Server { return nil }

func AuthTLS(t *tls.Config) server.Option { return func(o *server.Options) {} }
