// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package client

import (
	"context"

	"go-micro.dev/v5/broker"
)

type Message interface {
	Topic() string
	Payload() interface{}
}

type Request interface{ Service() string }

type PublishOptions struct{}

type PublishOption func(*PublishOptions)

type MessageOptions struct{}

type MessageOption func(*MessageOptions)

type CallOptions struct{}

type CallOption func(*CallOptions)

type Options struct {
	Broker       broker.Broker
	Wrappers     []Wrapper
	CallWrappers []CallWrapper
}

type Option func(*Options)

// Broker sets the broker the client publishes and subscribes through.
func Broker(b broker.Broker) Option { return func(o *Options) { o.Broker = b } }

type Client interface {
	Init(...Option) error
	Options() Options
	NewMessage(topic string, msg interface{}, opts ...MessageOption) Message
	NewRequest(service, endpoint string, req interface{}) Request
	Call(ctx context.Context, req Request, rsp interface{}, opts ...CallOption) error
	Publish(ctx context.Context, msg Message, opts ...PublishOption) error
	String() string
}

type Wrapper func(Client) Client

type CallFunc func(ctx context.Context, req Request, rsp interface{}, opts CallOptions) error

type CallWrapper func(CallFunc) CallFunc

func Wrap(w Wrapper) Option { return func(o *Options) { o.Wrappers = append(o.Wrappers, w) } }

func WrapCall(cw ...CallWrapper) Option { return func(o *Options) {} }

type rpcClient struct{ opts Options }

func (r *rpcClient) Init(...Option) error { return nil }
func (r *rpcClient) Options() Options     { return r.opts }
func (r *rpcClient) NewMessage(topic string, msg interface{}, opts ...MessageOption) Message {
	return nil
}
func (r *rpcClient) NewRequest(service, endpoint string, req interface{}) Request { return nil }
func (r *rpcClient) Call(ctx context.Context, req Request, rsp interface{}, opts ...CallOption) error {
	return nil
}
func (r *rpcClient) Publish(ctx context.Context, msg Message, opts ...PublishOption) error {
	return nil
}
func (r *rpcClient) String() string { return "rpc" }

func newRpcClient(opts ...Option) Client { return &rpcClient{} }

var NewClient func(...Option) Client = newRpcClient

var DefaultClient Client = newRpcClient()

func Publish(ctx context.Context, msg Message, opts ...PublishOption) error {
	return DefaultClient.Publish(ctx, msg, opts...)
}

func NewMessage(topic string, payload interface{}, opts ...MessageOption) Message { return nil }
