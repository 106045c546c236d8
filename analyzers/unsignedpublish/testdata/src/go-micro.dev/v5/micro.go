// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package micro

import (
	"context"

	"go-micro.dev/v5/client"
	"go-micro.dev/v5/server"
	"go-micro.dev/v5/service"
)

type Option = service.Option

type Service interface {
	Init(...Option)
	Server() server.Server
	Client() client.Client
	Handle(v interface{}) error
	Run() error
}

func NewService(opts ...Option) Service { return nil }

var (
	Name           = service.Name
	Server         = service.Server
	Client         = service.Client
	Broker         = service.Broker
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
