// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package service

import (
	"github.com/micro/go-micro/v2/broker"
	"github.com/micro/go-micro/v2/client"
	"github.com/micro/go-micro/v2/registry"
	"github.com/micro/go-micro/v2/server"
	"github.com/micro/go-micro/v2/transport"
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
	Server() server.Server
	Client() client.Client
	Run() error
}
