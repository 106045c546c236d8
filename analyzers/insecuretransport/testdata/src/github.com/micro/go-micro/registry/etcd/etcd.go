// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package etcd

import (
	"crypto/tls"

	"github.com/micro/go-micro/registry"
)

var _ *tls.Config

func NewRegistry(opts ...registry.Option) registry.Registry { return nil }

func Auth(username, password string) registry.Option { return func(o *registry.Options) {} }
