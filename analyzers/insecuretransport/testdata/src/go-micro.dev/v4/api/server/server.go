// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package server

import "crypto/tls"

type Options struct {
	EnableACME bool
	EnableTLS  bool
	TLSConfig  *tls.Config
}

type Option func(*Options)

type Server interface {
	Init(opts ...Option) error
	Start() error
}

func EnableACME(b bool) Option { return func(o *Options) { o.EnableACME = b } }

func EnableTLS(b bool) Option { return func(o *Options) { o.EnableTLS = b } }

func TLSConfig(t *tls.Config) Option { return func(o *Options) { o.TLSConfig = t } }

func EnableCORS(b bool) Option { return func(o *Options) {} }
