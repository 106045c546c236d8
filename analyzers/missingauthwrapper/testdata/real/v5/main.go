// Package realv5 type-checks against go-micro.dev/v5 v5.9.0, whose root
// options are variables aliasing go-micro.dev/v5/service.
package realv5

import (
	"context"
	"errors"

	"go-micro.dev/v5"
	"go-micro.dev/v5/auth"
	"go-micro.dev/v5/metadata"
	"go-micro.dev/v5/server"
)

type Orders struct{}

func (*Orders) Call(ctx context.Context, in, out *string) error { return nil }

func (*Orders) Place(ctx context.Context, in *string, out *string) error { return nil }

var provider auth.Auth

func authWrapper(next server.HandlerFunc) server.HandlerFunc { // want authWrapper:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if _, err := provider.Inspect(tok); err != nil {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}

func services() {
	svc := micro.NewService(micro.Name("v5.orders"))
	svc.Handle(new(Orders)) // want `handler Orders registered on service v5.orders with no authentication wrapper`
	safe := micro.NewService(micro.Name("v5.orders"), micro.WrapHandler(authWrapper))
	safe.Handle(new(Orders))
}
