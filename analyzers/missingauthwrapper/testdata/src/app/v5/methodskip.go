package v5

import (
	"context"
	"errors"

	"go-micro.dev/v5"
	"go-micro.dev/v5/auth"
	"go-micro.dev/v5/metadata"
	"go-micro.dev/v5/server"
)

// v5 dispatches on req.Endpoint() as v4 does (v5.30.0
// server/rpc_router.go:425, rpc_codec.go:106-113): req.Method() is the
// Micro-Method header the caller sent.

var provider auth.Auth

func skipOnMethod(next server.HandlerFunc) server.HandlerFunc { // want skipOnMethod:"failsopen"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		if req.Method() == "Health.Check" {
			return next(ctx, req, rsp)
		}
		tok, _ := metadata.Get(ctx, "Authorization")
		if _, err := provider.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

func skipOnEndpoint(next server.HandlerFunc) server.HandlerFunc { // want skipOnEndpoint:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		if req.Endpoint() == "Health.Check" {
			return next(ctx, req, rsp)
		}
		tok, _ := metadata.Get(ctx, "Authorization")
		if _, err := provider.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

func methodSkips() {
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(skipOnMethod)).Server(), new(Orders)) // want `wrapper skipOnMethod calls the handler without checking a credential when the caller sets Micro-Method`
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(skipOnEndpoint)).Server(), new(Orders))
}
