// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package nats

import (
	"crypto/tls"

	"go-micro.dev/v6/registry"
)

var _ *tls.Config

func NewNatsRegistry(opts ...registry.Option) registry.Registry { return nil }
