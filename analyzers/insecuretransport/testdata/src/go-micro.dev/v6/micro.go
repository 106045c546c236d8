// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package micro

import (
	"go-micro.dev/v6/client"
	"go-micro.dev/v6/server"
	"go-micro.dev/v6/service"
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

type Service = service.Service

var _ server.Server
var _ client.Client

func NewService(name string, opts ...Option) Service {
	return service.New(append([]Option{service.Name(name)}, opts...)...)
}

// Deprecated: use NewService.
func New(name string, opts ...Option) Service { return NewService(name, opts...) }
