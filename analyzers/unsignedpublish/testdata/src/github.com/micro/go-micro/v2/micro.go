// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package micro

import (
	"context"

	"github.com/micro/go-micro/v2/auth"
	"github.com/micro/go-micro/v2/broker"
	"github.com/micro/go-micro/v2/client"
	"github.com/micro/go-micro/v2/server"
)

type Options struct {
	Name   string
	Server server.Server
	Client client.Client
	Broker broker.Broker
	Auth   auth.Auth
}

type Option func(*Options)

func Name(n string) Option { return func(o *Options) { o.Name = n } }

func Server(s server.Server) Option { return func(o *Options) { o.Server = s } }

func Client(c client.Client) Option { return func(o *Options) { o.Client = c } }

func Broker(b broker.Broker) Option { return func(o *Options) { o.Broker = b } }

func Auth(a auth.Auth) Option { return func(o *Options) { o.Auth = a } }

func WrapHandler(w ...server.HandlerWrapper) Option { return func(o *Options) {} }

func WrapSubscriber(w ...server.SubscriberWrapper) Option { return func(o *Options) {} }

func WrapClient(w ...client.Wrapper) Option { return func(o *Options) {} }

func WrapCall(w ...client.CallWrapper) Option { return func(o *Options) {} }

type Service interface {
	Init(...Option)
	Options() Options
	Server() server.Server
	Client() client.Client
	Run() error
	String() string
}

type service struct{ opts Options }

func (s *service) Init(...Option)        {}
func (s *service) Options() Options      { return s.opts }
func (s *service) Server() server.Server { return s.opts.Server }
func (s *service) Client() client.Client { return s.opts.Client }
func (s *service) Run() error            { return nil }
func (s *service) String() string        { return "micro" }

func NewService(opts ...Option) Service { return &service{} }

func RegisterHandler(s server.Server, h interface{}, opts ...server.HandlerOption) error {
	return s.Handle(s.NewHandler(h, opts...))
}

func RegisterSubscriber(topic string, s server.Server, h interface{}, opts ...server.SubscriberOption) error {
	return s.Subscribe(s.NewSubscriber(topic, h, opts...))
}

type Event interface {
	Publish(ctx context.Context, msg interface{}, opts ...client.PublishOption) error
}

type event struct {
	c     client.Client
	topic string
}

func (e *event) Publish(ctx context.Context, msg interface{}, opts ...client.PublishOption) error {
	return e.c.Publish(ctx, e.c.NewMessage(e.topic, msg), opts...)
}

func NewEvent(topic string, c client.Client) Event { return &event{c, topic} }

type Function interface {
	Service
	Done() error
	Handle(v interface{}) error
	Subscribe(topic string, v interface{}) error
}

func NewFunction(opts ...Option) Function { return nil }
