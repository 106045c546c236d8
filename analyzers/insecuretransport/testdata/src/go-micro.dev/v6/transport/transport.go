// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package transport

import "crypto/tls"

type Options struct {
	Addrs     []string
	Secure    bool
	TLSConfig *tls.Config
}

type Option func(*Options)

type DialOptions struct{ InsecureSkipVerify bool }

type DialOption func(*DialOptions)

type Client interface{ Close() error }

type Transport interface {
	Init(...Option) error
	Options() Options
	Dial(addr string, opts ...DialOption) (Client, error)
	String() string
}

func Addrs(addrs ...string) Option { return func(o *Options) { o.Addrs = addrs } }

func Secure(b bool) Option { return func(o *Options) { o.Secure = b } }

func TLSConfig(t *tls.Config) Option { return func(o *Options) { o.TLSConfig = t } }

func WithInsecureSkipVerify(b bool) DialOption {
	return func(o *DialOptions) { o.InsecureSkipVerify = b }
}

type httpTransport struct{ opts Options }

func (h *httpTransport) Init(opts ...Option) error {
	for _, o := range opts {
		o(&h.opts)
	}
	return nil
}

func (h *httpTransport) Options() Options { return h.opts }

func (h *httpTransport) Dial(addr string, opts ...DialOption) (Client, error) { return nil, nil }

func (h *httpTransport) String() string { return "http" }

func NewHTTPTransport(opts ...Option) *httpTransport { return &httpTransport{} }

func NewMemoryTransport(opts ...Option) Transport { return &httpTransport{} }

var DefaultTransport Transport = NewHTTPTransport()
