package flags

import (
	"context"
	"errors"

	"app/authpb"

	"go-micro.dev/v4"
	"go-micro.dev/v4/metadata"
	"go-micro.dev/v4/server"
)

type Status struct{}

func (*Status) Call(ctx context.Context, in, out *string) error { return nil }

type Orders struct{}

func (*Orders) Call(ctx context.Context, in, out *string) error { return nil }

type Health struct{}

func (*Health) Call(ctx context.Context, in, out *string) error { return nil }

// Gate is trusted through -trusted.
func Gate(next server.HandlerFunc) server.HandlerFunc { return next }

func services() {
	svc := micro.NewService(micro.WrapHandler(Gate))
	micro.RegisterHandler(svc.Server(), new(Orders))

	bare := micro.NewService()
	micro.RegisterHandler(bare.Server(), new(Status))
	micro.RegisterHandler(bare.Server(), new(Health)) // want `handler Health registered on a service with no authentication wrapper`
}

var authSvc = authpb.NewAuthService("auth", nil)

// Remote validates the token with the auth service, which -trusted names.
func Remote(next server.HandlerFunc) server.HandlerFunc { // want Remote:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		res, err := authSvc.Validate(ctx, &authpb.ValidateRequest{Token: tok})
		if err != nil || !res.Valid {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}

func remote() {
	svc := micro.NewService(micro.WrapHandler(Remote))
	micro.RegisterHandler(svc.Server(), new(Orders))
}
