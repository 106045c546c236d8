// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package grpc

import (
	"crypto/tls"

	"github.com/micro/go-micro/v2/service"
)

func NewService(opts ...service.Option) service.Service { return nil }

func WithTLS(t *tls.Config) service.Option { return func(o *service.Options) {} }
