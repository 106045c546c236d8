// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package server

import (
	"crypto/tls"

	"github.com/micro/go-micro/transport"
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

func NewServer(opt ...Option) Server { return &rpcServer{} }

var DefaultServer Server = &rpcServer{}
