// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package web

import "crypto/tls"

type Options struct {
	Name      string
	Address   string
	Secure    bool
	TLSConfig *tls.Config
}

type Option func(*Options)

type Service interface {
	Init(opts ...Option) error
	Run() error
}

type service struct{}

func (s *service) Init(opts ...Option) error { return nil }

func (s *service) Run() error { return nil }

func NewService(opts ...Option) Service { return &service{} }

func Name(n string) Option { return func(o *Options) { o.Name = n } }

func Address(a string) Option { return func(o *Options) { o.Address = a } }

func Secure(b bool) Option { return func(o *Options) { o.Secure = b } }

func TLSConfig(t *tls.Config) Option { return func(o *Options) { o.TLSConfig = t } }
