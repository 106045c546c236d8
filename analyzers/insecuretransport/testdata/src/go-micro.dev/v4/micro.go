// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package micro

import (
	"go-micro.dev/v4/broker"
	"go-micro.dev/v4/client"
	"go-micro.dev/v4/registry"
	"go-micro.dev/v4/server"
	"go-micro.dev/v4/transport"
)

type Options struct {
	Name      string
	Transport transport.Transport
	Server    server.Server
	Client    client.Client
	Broker    broker.Broker
	Registry  registry.Registry
}

type Option func(*Options)

func Name(n string) Option { return func(o *Options) { o.Name = n } }

func Version(v string) Option { return func(o *Options) {} }

func Transport(t transport.Transport) Option { return func(o *Options) { o.Transport = t } }

func Server(s server.Server) Option { return func(o *Options) { o.Server = s } }

func Client(c client.Client) Option { return func(o *Options) { o.Client = c } }

func Broker(b broker.Broker) Option { return func(o *Options) { o.Broker = b } }

func Registry(r registry.Registry) Option { return func(o *Options) { o.Registry = r } }

type Service interface {
	Init(...Option)
	Options() Options
	Server() server.Server
	Client() client.Client
	Run() error
}

type service struct{ opts Options }

func (s *service) Init(opts ...Option) {}

func (s *service) Options() Options { return s.opts }

func (s *service) Server() server.Server { return s.opts.Server }

func (s *service) Client() client.Client { return s.opts.Client }

func (s *service) Run() error { return nil }

func NewService(opts ...Option) Service { return &service{} }
