package v5

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

var rules auth.Rules

func authWrapper(next server.HandlerFunc) server.HandlerFunc { // want authWrapper:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		md, _ := metadata.FromContext(ctx)
		if err := rules.Verify(&auth.Account{ID: md["Micro-From-Id"]}, &auth.Resource{Endpoint: req.Endpoint()}); err != nil {
			return errors.New("forbidden")
		}
		return next(ctx, req, rsp)
	}
}

func services() {
	svc := micro.NewService(micro.Name("v5.orders"))
	svc.Handle(new(Orders)) // want `handler Orders registered on service v5.orders with no authentication wrapper`

	ok := micro.NewService(micro.Name("v5.orders"), micro.WrapHandler(authWrapper))
	ok.Handle(new(Orders))
	micro.RegisterHandler(ok.Server(), new(Orders))
}
