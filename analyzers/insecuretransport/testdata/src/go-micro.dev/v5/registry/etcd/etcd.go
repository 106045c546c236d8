// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package etcd

import (
	"crypto/tls"

	"go-micro.dev/v5/registry"
)

var _ *tls.Config

func NewEtcdRegistry(opts ...registry.Option) registry.Registry { return nil }

func Auth(username, password string) registry.Option { return func(o *registry.Options) {} }
