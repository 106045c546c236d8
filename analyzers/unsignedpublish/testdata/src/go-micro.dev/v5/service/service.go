// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package service

import (
	"go-micro.dev/v5/auth"
	"go-micro.dev/v5/broker"
	"go-micro.dev/v5/client"
	"go-micro.dev/v5/server"
)

type Options struct {
	Name   string
	Server server.Server
	Client client.Client
	Broker broker.Broker
	Auth   auth.Auth
}

type Option func(*Options)

type Service interface {
	Init(...Option)
	Server() server.Server
	Client() client.Client
	Handle(v interface{}) error
	Run() error
}

type service struct{ opts Options }

func (s *service) Init(...Option)             {}
func (s *service) Server() server.Server      { return s.opts.Server }
func (s *service) Client() client.Client      { return s.opts.Client }
func (s *service) Handle(v interface{}) error { return nil }
func (s *service) Run() error                 { return nil }

func New(opts ...Option) Service { return &service{} }

func Name(n string) Option { return func(o *Options) { o.Name = n } }

func Server(s server.Server) Option { return func(o *Options) { o.Server = s } }

func Client(c client.Client) Option { return func(o *Options) { o.Client = c } }

// Broker hands b to the client and server the service holds (v5.12
// service/options.go:80-88, v5.30 :86-93).
func Broker(b broker.Broker) Option { return func(o *Options) { o.Broker = b } }

func Auth(a auth.Auth) Option { return func(o *Options) { o.Auth = a } }

func WrapHandler(w ...server.HandlerWrapper) Option { return func(o *Options) {} }

func WrapSubscriber(w ...server.SubscriberWrapper) Option { return func(o *Options) {} }

func WrapClient(w ...client.Wrapper) Option { return func(o *Options) {} }

func WrapCall(w ...client.CallWrapper) Option { return func(o *Options) {} }

func Handle(v interface{}) Option { return func(o *Options) {} }
