// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package http

import "github.com/micro/go-micro/v2/api/server"

type httpServer struct{}

func (h *httpServer) Init(opts ...server.Option) error { return nil }

func (h *httpServer) Start() error { return nil }

func NewServer(address string, opts ...server.Option) server.Server { return &httpServer{} }
