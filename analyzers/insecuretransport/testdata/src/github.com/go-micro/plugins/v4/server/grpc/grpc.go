// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package grpc

import (
	"crypto/tls"
	"net"

	"go-micro.dev/v4/server"
	"google.golang.org/grpc"
)

var _ *tls.Config

func NewServer(opts ...server.Option) server.Server { return nil }

func AuthTLS(t *tls.Config) server.Option { return func(o *server.Options) {} }

func Listener(l net.Listener) server.Option { return func(o *server.Options) {} }

func Server(srv *grpc.Server) server.Option { return func(o *server.Options) {} }

func Options(opts ...grpc.ServerOption) server.Option { return func(o *server.Options) {} }
