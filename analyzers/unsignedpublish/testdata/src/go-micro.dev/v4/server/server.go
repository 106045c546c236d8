// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package server

import (
	"context"

	"go-micro.dev/v4/broker"
)

type Request interface {
	Service() string
	Endpoint() string
}

type Message interface {
	Topic() string
	Header() map[string]string
	Body() []byte
}

type HandlerFunc func(ctx context.Context, req Request, rsp interface{}) error

type SubscriberFunc func(ctx context.Context, msg Message) error

type HandlerWrapper func(HandlerFunc) HandlerFunc

type SubscriberWrapper func(SubscriberFunc) SubscriberFunc

type Handler interface{ Name() string }

type Subscriber interface{ Topic() string }

type HandlerOptions struct{}

type HandlerOption func(*HandlerOptions)

type SubscriberOptions struct{}

type SubscriberOption func(*SubscriberOptions)

type Options struct {
	Broker       broker.Broker
	Name         string
	HdlrWrappers []HandlerWrapper
	SubWrappers  []SubscriberWrapper
}

type Option func(*Options)

// Broker sets the broker the server publishes and subscribes through.
func Broker(b broker.Broker) Option { return func(o *Options) { o.Broker = b } }

type Server interface {
	Init(...Option) error
	Options() Options
	Handle(Handler) error
	NewHandler(interface{}, ...HandlerOption) Handler
	NewSubscriber(string, interface{}, ...SubscriberOption) Subscriber
	Subscribe(Subscriber) error
	Start() error
	String() string
}

type rpcServer struct{ opts Options }

func (s *rpcServer) Init(...Option) error                                              { return nil }
func (s *rpcServer) Options() Options                                                  { return s.opts }
func (s *rpcServer) Handle(Handler) error                                              { return nil }
func (s *rpcServer) NewHandler(interface{}, ...HandlerOption) Handler                  { return nil }
func (s *rpcServer) NewSubscriber(string, interface{}, ...SubscriberOption) Subscriber { return nil }
func (s *rpcServer) Subscribe(Subscriber) error                                        { return nil }
func (s *rpcServer) Start() error                                                      { return nil }
func (s *rpcServer) String() string                                                    { return "rpc" }

func Name(n string) Option { return func(o *Options) { o.Name = n } }

func WrapHandler(w HandlerWrapper) Option {
	return func(o *Options) { o.HdlrWrappers = append(o.HdlrWrappers, w) }
}

func WrapSubscriber(w SubscriberWrapper) Option {
	return func(o *Options) { o.SubWrappers = append(o.SubWrappers, w) }
}

func newRpcServer(opts ...Option) Server { return &rpcServer{} }

var NewServer func(...Option) Server = newRpcServer

func NewRPCServer(opts ...Option) Server { return &rpcServer{} }

var DefaultServer Server = newRpcServer()

func Init(opt ...Option) { DefaultServer.Init(opt...) }

func NewHandler(h interface{}, opts ...HandlerOption) Handler {
	return DefaultServer.NewHandler(h, opts...)
}

func Handle(h Handler) error { return DefaultServer.Handle(h) }

func NewSubscriber(topic string, h interface{}, opts ...SubscriberOption) Subscriber { return nil }

func Subscribe(s Subscriber) error { return nil }
