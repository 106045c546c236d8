package v4

import (
	"context"
	"errors"

	"go-micro.dev/v4"
	"go-micro.dev/v4/metadata"
	"go-micro.dev/v4/server"
)

// req.Method() and req.Service() are the Micro-Method and Micro-Service
// headers as the caller sent them; the router dispatches on
// req.Endpoint() alone. A skip on them lets any call through that says
// it is Health.Check.

func skipOnMethod(next server.HandlerFunc) server.HandlerFunc { // want skipOnMethod:"failsopen"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		if req.Method() == "Health.Check" {
			return next(ctx, req, rsp)
		}
		tok, _ := metadata.Get(ctx, "Authorization")
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

func skipOnService(next server.HandlerFunc) server.HandlerFunc { // want skipOnService:"failsopen"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		if req.Service() == "go.micro.gateway" {
			return next(ctx, req, rsp)
		}
		tok, _ := metadata.Get(ctx, "Authorization")
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

func isPublicMethod(req server.Request) bool { return publicEndpoints[req.Method()] }

func skipOnMethodHelper(next server.HandlerFunc) server.HandlerFunc { // want skipOnMethodHelper:"failsopen"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		if isPublicMethod(req) {
			return next(ctx, req, rsp)
		}
		tok, _ := metadata.Get(ctx, "Authorization")
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

// Twin: the same skip on the endpoint the router dispatches on.

func skipOnEndpoint(next server.HandlerFunc) server.HandlerFunc { // want skipOnEndpoint:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		if req.Endpoint() == "Health.Check" {
			return next(ctx, req, rsp)
		}
		tok, _ := metadata.Get(ctx, "Authorization")
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

func methodSkips() {
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(skipOnMethod)).Server(), new(Orders))       // want `wrapper skipOnMethod calls the handler without checking a credential when the caller sets Micro-Method`
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(skipOnService)).Server(), new(Orders))      // want `wrapper skipOnService calls the handler without checking a credential when the caller sets Micro-Service`
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(skipOnMethodHelper)).Server(), new(Orders)) // want `wrapper skipOnMethodHelper calls the handler without checking a credential when the caller sets Micro-Method`
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(skipOnEndpoint)).Server(), new(Orders))
}
