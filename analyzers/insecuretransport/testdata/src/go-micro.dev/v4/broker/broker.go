// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package broker

import "crypto/tls"

type Options struct {
	Addrs     []string
	Secure    bool
	TLSConfig *tls.Config
}

type Option func(*Options)

type Broker interface {
	Init(...Option) error
	String() string
}

type httpBroker struct{ opts Options }

func (h *httpBroker) Init(opts ...Option) error { return nil }

func (h *httpBroker) String() string { return "http" }

func Addrs(addrs ...string) Option { return func(o *Options) { o.Addrs = addrs } }

func Secure(b bool) Option { return func(o *Options) { o.Secure = b } }

func TLSConfig(t *tls.Config) Option { return func(o *Options) { o.TLSConfig = t } }

func Init(opts ...Option) error { return DefaultBroker.Init(opts...) }

func NewBroker(opts ...Option) Broker { return &httpBroker{} }

var DefaultBroker = NewBroker()

func NewMemoryBroker(opts ...Option) Broker { return &httpBroker{} }
