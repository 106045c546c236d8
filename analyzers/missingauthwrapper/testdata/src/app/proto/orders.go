// Package proto has the shape protoc-gen-micro generates, in a file not
// named *.pb.micro.go.
package proto

import (
	"context"

	"go-micro.dev/v4/server"
)

type OrdersHandler interface {
	Place(ctx context.Context, in *string, out *string) error
}

type ordersHandler struct{ OrdersHandler }

func RegisterOrdersHandler(s server.Server, hdlr OrdersHandler, opts ...server.HandlerOption) error { // want RegisterOrdersHandler:"registers"
	return s.Handle(s.NewHandler(&ordersHandler{hdlr}, opts...))
}

type HealthHandler interface {
	Check(ctx context.Context, in *string, out *string) error
}

type healthHandler struct{ HealthHandler }

func RegisterHealthHandler(s server.Server, hdlr HealthHandler, opts ...server.HandlerOption) error { // want RegisterHealthHandler:"registers"
	return s.Handle(s.NewHandler(&healthHandler{hdlr}, opts...))
}
