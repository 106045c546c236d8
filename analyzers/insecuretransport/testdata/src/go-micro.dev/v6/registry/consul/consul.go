// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package consul

import (
	"crypto/tls"

	"go-micro.dev/v6/registry"
)

var _ *tls.Config

func NewConsulRegistry(opts ...registry.Option) registry.Registry { return nil }
