package v4

import (
	"context"
	"errors"

	"go-micro.dev/v4"
	"go-micro.dev/v4/metadata"
	"go-micro.dev/v4/server"
)

// An endpoint compared with a value the caller sends is no list of public
// endpoints: the caller names the endpoint it calls and skips the check.

func openSkipNamed(next server.HandlerFunc) server.HandlerFunc { // want openSkipNamed:"failsopen"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		skip, _ := metadata.Get(ctx, "X-Skip-Auth-For")
		if req.Endpoint() == skip {
			return next(ctx, req, rsp)
		}
		tok, _ := metadata.Get(ctx, "Authorization")
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

func openSkipSwitch(next server.HandlerFunc) server.HandlerFunc { // want openSkipSwitch:"failsopen"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		md, _ := metadata.FromContext(ctx)
		switch req.Method() {
		case md["X-Public-Method"]:
			return next(ctx, req, rsp)
		}
		if _, err := verifier.Inspect(md["Authorization"]); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

// Twin: compared with a value the server holds.

var publicEndpoint = "Health.Check"

func skipNamedConst(next server.HandlerFunc) server.HandlerFunc { // want skipNamedConst:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		if req.Endpoint() == publicEndpoint {
			return next(ctx, req, rsp)
		}
		tok, _ := metadata.Get(ctx, "Authorization")
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

func skipCaller() {
	a := micro.NewService(micro.Name("x"), micro.WrapHandler(openSkipNamed))
	micro.RegisterHandler(a.Server(), new(Orders)) // want `wrapper openSkipNamed calls the handler without checking a credential when the caller sets X-Skip-Auth-For`
	b := micro.NewService(micro.Name("x"), micro.WrapHandler(openSkipSwitch))
	micro.RegisterHandler(b.Server(), new(Orders)) // want `wrapper openSkipSwitch calls the handler without checking a credential when the caller sets X-Public-Method`
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(skipNamedConst)).Server(), new(Orders))
}
