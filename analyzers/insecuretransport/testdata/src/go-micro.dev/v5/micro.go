// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package micro

import (
	"go-micro.dev/v5/client"
	"go-micro.dev/v5/server"
	"go-micro.dev/v5/service"
)

type Option = service.Option

type Options = service.Options

var Broker = service.Broker
var Client = service.Client
var Name = service.Name
var Version = service.Version
var Registry = service.Registry
var Server = service.Server
var Transport = service.Transport

type Service interface {
	Init(...Option)
	Options() Options
	Server() server.Server
	Client() client.Client
	Run() error
}

func New(name string) Service { return service.New(service.Name(name)) }

func NewService(opts ...Option) Service { return service.New(opts...) }
