// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package nats

import (
	"crypto/tls"

	"go-micro.dev/v6/transport"

	natsp "github.com/nats-io/nats.go"
)

var _ *tls.Config

func NewTransport(opts ...transport.Option) transport.Transport { return nil }

func Options(nopts natsp.Options) transport.Option { return func(o *transport.Options) {} }
