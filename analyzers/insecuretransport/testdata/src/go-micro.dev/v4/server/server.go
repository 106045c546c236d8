// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package server

import (
	"crypto/tls"

	"go-micro.dev/v4/transport"
)

type Options struct {
	Name      string
	Transport transport.Transport
	TLSConfig *tls.Config
}

type Option func(*Options)

type Server interface {
	Init(...Option) error
	Start() error
	String() string
}

type rpcServer struct{ opts Options }

func (s *rpcServer) Init(opts ...Option) error { return nil }

func (s *rpcServer) Start() error { return nil }

func (s *rpcServer) String() string { return "rpc" }

func Name(n string) Option { return func(o *Options) { o.Name = n } }

func Transport(t transport.Transport) Option { return func(o *Options) { o.Transport = t } }

func Init(opt ...Option) { DefaultServer.Init(opt...) }

// TLSConfig sets the listener's TLS config and the transport's Secure and TLSConfig.
func TLSConfig(t *tls.Config) Option { return func(o *Options) { o.TLSConfig = t } }

func newRpcServer(opts ...Option) Server { return &rpcServer{} }

var NewServer func(...Option) Server = newRpcServer

func NewRPCServer(opts ...Option) Server { return &rpcServer{} }

var DefaultServer Server = &rpcServer{}
