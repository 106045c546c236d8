// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package consul

import (
	"crypto/tls"

	capi "github.com/hashicorp/consul/api"
	"go-micro.dev/v5/registry"
)

var _ *tls.Config

func NewConsulRegistry(opts ...registry.Option) registry.Registry { return nil }

func Config(c *capi.Config) registry.Option { return func(o *registry.Options) {} }
