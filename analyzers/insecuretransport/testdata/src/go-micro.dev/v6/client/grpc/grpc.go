// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package grpc

import (
	"crypto/tls"

	"go-micro.dev/v6/client"
)

var _ *tls.Config

func NewClient(opts ...client.Option) client.Client { return nil }

func AuthTLS(t *tls.Config) client.Option { return func(o *client.Options) {} }
