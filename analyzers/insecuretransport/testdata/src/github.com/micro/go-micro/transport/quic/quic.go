// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package quic

import (
	"crypto/tls"

	"github.com/micro/go-micro/transport"
)

var _ *tls.Config

func NewTransport(opts ...transport.Option) transport.Transport { return nil }
