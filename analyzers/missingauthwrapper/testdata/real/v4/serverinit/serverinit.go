// Package serverinit wraps server.DefaultServer with server.Init, which a
// v4 service runs unless micro.Server gives it another.
package serverinit

import (
	"context"
	"errors"

	"go-micro.dev/v4"
	"go-micro.dev/v4/auth"
	"go-micro.dev/v4/metadata"
	"go-micro.dev/v4/server"
)

type Orders struct{}

func (*Orders) Call(ctx context.Context, in, out *string) error { return nil }

func (*Orders) Place(ctx context.Context, in *string, out *string) error { return nil }

func authWrapper(next server.HandlerFunc) server.HandlerFunc { // want authWrapper:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if _, err := auth.DefaultAuth.Inspect(tok); err != nil {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}

func main() {
	server.Init(server.WrapHandler(authWrapper))
	svc := micro.NewService(micro.Name("shop.orders"))
	micro.RegisterHandler(svc.Server(), new(Orders))
	own := micro.NewService(micro.Name("shop.own"), micro.Server(server.NewServer()))
	micro.RegisterHandler(own.Server(), new(Orders)) // want `handler Orders registered on service shop.own with no authentication wrapper`
}
