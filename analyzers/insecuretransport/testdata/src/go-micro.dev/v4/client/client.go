// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package client

import "go-micro.dev/v4/transport"

type Options struct {
	Transport transport.Transport
}

type Option func(*Options)

type Client interface {
	Init(...Option) error
	String() string
}

type rpcClient struct{ opts Options }

func (r *rpcClient) Init(opts ...Option) error { return nil }

func (r *rpcClient) String() string { return "rpc" }

func Transport(t transport.Transport) Option { return func(o *Options) { o.Transport = t } }

func newRpcClient(opt ...Option) Client { return &rpcClient{} }

var NewClient func(...Option) Client = newRpcClient

var DefaultClient Client = newRpcClient()
