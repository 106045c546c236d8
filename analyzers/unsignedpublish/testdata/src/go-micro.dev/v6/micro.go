// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package micro

import (
	"context"

	"go-micro.dev/v6/client"
	"go-micro.dev/v6/server"
	"go-micro.dev/v6/service"
)

type Option = service.Option

type Service = service.Service

func NewService(name string, opts ...Option) Service { return service.New(opts...) }

var (
	Name           = service.Name
	Server         = service.Server
	Client         = service.Client
	Auth           = service.Auth
	WrapHandler    = service.WrapHandler
	WrapSubscriber = service.WrapSubscriber
	WrapClient     = service.WrapClient
	WrapCall       = service.WrapCall
	Handle         = service.Handle
)

func RegisterHandler(s server.Server, h interface{}, opts ...server.HandlerOption) error {
	return s.Handle(s.NewHandler(h, opts...))
}

func RegisterSubscriber(topic string, s server.Server, h interface{}, opts ...server.SubscriberOption) error {
	return s.Subscribe(s.NewSubscriber(topic, h, opts...))
}

type Event interface {
	Publish(ctx context.Context, msg interface{}, opts ...client.PublishOption) error
}

func NewEvent(topic string, c client.Client) Event { return nil }
