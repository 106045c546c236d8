package v4

import (
	"context"
	"errors"

	"go-micro.dev/v4"
	"go-micro.dev/v4/metadata"
	"go-micro.dev/v4/server"
)

// A function of this package that reads the metadata reports what the
// caller sends: a path it chooses is the caller's.

func internal(ctx context.Context) bool {
	v, _ := metadata.Get(ctx, "X-Internal")
	return v == "1"
}

func hasToken(ctx context.Context) bool {
	_, ok := metadata.Get(ctx, "Authorization")
	return ok
}

func openViaCallerHelper(next server.HandlerFunc) server.HandlerFunc { // want openViaCallerHelper:"failsopen"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		if internal(ctx) {
			return next(ctx, req, rsp)
		}
		tok, _ := metadata.Get(ctx, "Authorization")
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

func openViaPresenceHelper(next server.HandlerFunc) server.HandlerFunc { // want openViaPresenceHelper:"failsopen"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		if !hasToken(ctx) {
			return next(ctx, req, rsp)
		}
		tok, _ := metadata.Get(ctx, "Authorization")
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

// Twins: the helper's answer fails the request, and a helper given the
// context that reads no metadata chooses nothing for the caller.

type traceKey struct{}

func traced(ctx context.Context) bool { return ctx.Value(traceKey{}) != nil }

func closedViaCallerHelper(next server.HandlerFunc) server.HandlerFunc { // want closedViaCallerHelper:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		if internal(ctx) {
			return errors.New("internal calls use another port")
		}
		tok, _ := metadata.Get(ctx, "Authorization")
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

func skipTraced(next server.HandlerFunc) server.HandlerFunc { // want skipTraced:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		if traced(ctx) {
			return next(ctx, req, rsp)
		}
		tok, _ := metadata.Get(ctx, "Authorization")
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

func callerHelpers() {
	a := micro.NewService(micro.Name("x"), micro.WrapHandler(openViaCallerHelper))
	micro.RegisterHandler(a.Server(), new(Orders)) // want `wrapper openViaCallerHelper calls the handler without checking a credential when the caller sets X-Internal`
	b := micro.NewService(micro.Name("x"), micro.WrapHandler(openViaPresenceHelper))
	micro.RegisterHandler(b.Server(), new(Orders)) // want `wrapper openViaPresenceHelper calls the handler without checking a credential when the credential is missing`
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(closedViaCallerHelper)).Server(), new(Orders))
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(skipTraced)).Server(), new(Orders))
}
