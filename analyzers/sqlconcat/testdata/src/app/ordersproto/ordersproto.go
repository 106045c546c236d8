// Package ordersproto is what protoc-gen-micro writes for a service with
// one method: its handler interface, and the function that registers it.
package ordersproto

import (
	"context"

	"app/orders"
	"go-micro.dev/v4/server"
)

type OrdersHandler interface {
	One(ctx context.Context, req *orders.Request, rsp *orders.Response) error
}

func RegisterOrdersHandler(s server.Server, hdlr OrdersHandler, opts ...server.HandlerOption) error {
	return nil
}
