// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package grpc

import (
	"crypto/tls"

	"github.com/micro/go-micro"
)

func NewService(opts ...micro.Option) micro.Service { return micro.NewService(opts...) }

func WithTLS(t *tls.Config) micro.Option { return func(o *micro.Options) {} }
