// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package grpc

import (
	"crypto/tls"

	"go-micro.dev/v4/transport"
)

var _ *tls.Config

func NewTransport(opts ...transport.Option) transport.Transport { return nil }
