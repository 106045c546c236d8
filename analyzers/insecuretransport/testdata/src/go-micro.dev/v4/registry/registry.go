// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package registry

import "crypto/tls"

type Options struct {
	Addrs     []string
	Secure    bool
	TLSConfig *tls.Config
}

type Option func(*Options)

type Registry interface {
	Init(...Option) error
	String() string
}

type mdnsRegistry struct{ opts Options }

func (m *mdnsRegistry) Init(opts ...Option) error { return nil }

func (m *mdnsRegistry) String() string { return "mdns" }

func Addrs(addrs ...string) Option { return func(o *Options) { o.Addrs = addrs } }

func Secure(b bool) Option { return func(o *Options) { o.Secure = b } }

func TLSConfig(t *tls.Config) Option { return func(o *Options) { o.TLSConfig = t } }

func NewRegistry(opts ...Option) Registry { return &mdnsRegistry{} }

var DefaultRegistry = NewRegistry()

func NewMemoryRegistry(opts ...Option) Registry { return &mdnsRegistry{} }
