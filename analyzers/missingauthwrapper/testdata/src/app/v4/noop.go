package v4

import (
	"context"
	"errors"

	"go-micro.dev/v4"
	"go-micro.dev/v4/auth"
	"go-micro.dev/v4/metadata"
	"go-micro.dev/v4/server"
)

// go-micro's auth.NewAuth() and auth.DefaultAuth are the no-op auth, whose
// Inspect accepts any token: a wrapper inspecting with a variable of this
// package that holds nothing else checks nothing.

var noopAuth = auth.NewAuth()

var defaultCopy = auth.DefaultAuth

func inspectNoop(next server.HandlerFunc) server.HandlerFunc { // want inspectNoop:"noopauth"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if _, err := noopAuth.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

func inspectDefaultCopy(next server.HandlerFunc) server.HandlerFunc { // want inspectDefaultCopy:"noopauth"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if _, err := defaultCopy.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

func localNoop() server.HandlerWrapper { // want localNoop:"noopauth"
	a := auth.NewAuth()
	return func(next server.HandlerFunc) server.HandlerFunc {
		return func(ctx context.Context, req server.Request, rsp interface{}) error {
			tok, _ := metadata.Get(ctx, "Authorization")
			if _, err := a.Inspect(tok); err != nil {
				return errors.New("invalid token")
			}
			return next(ctx, req, rsp)
		}
	}
}

// Twins: a variable another package may set (exported), one this package
// also gives another provider, and auth.DefaultAuth read when the request
// comes, which the program may have replaced by then.

var SharedAuth = auth.NewAuth()

var configured = auth.NewAuth()

func configure(a auth.Auth) { configured = a }

func inspectShared(next server.HandlerFunc) server.HandlerFunc { // want inspectShared:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if _, err := SharedAuth.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

func inspectConfigured(next server.HandlerFunc) server.HandlerFunc { // want inspectConfigured:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if _, err := configured.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

func inspectDefault(next server.HandlerFunc) server.HandlerFunc { // want inspectDefault:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if _, err := auth.DefaultAuth.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

func localGiven(a auth.Auth) server.HandlerWrapper { // want localGiven:"makesauthwrapper"
	p := a
	return func(next server.HandlerFunc) server.HandlerFunc {
		return func(ctx context.Context, req server.Request, rsp interface{}) error {
			tok, _ := metadata.Get(ctx, "Authorization")
			if _, err := p.Inspect(tok); err != nil {
				return errors.New("invalid token")
			}
			return next(ctx, req, rsp)
		}
	}
}

func noopProviders() {
	n := micro.NewService(micro.Name("orders"), micro.WrapHandler(inspectNoop))
	micro.RegisterHandler(n.Server(), new(Orders)) // want `handler Orders registered on service orders whose handler wrapper inspectNoop inspects the token with go-micro's no-op auth, which accepts any token`
	d := micro.NewService(micro.Name("orders"), micro.WrapHandler(inspectDefaultCopy))
	micro.RegisterHandler(d.Server(), new(Orders)) // want `wrapper inspectDefaultCopy inspects the token with go-micro's no-op auth`
	l := micro.NewService(micro.Name("orders"), micro.WrapHandler(localNoop()))
	micro.RegisterHandler(l.Server(), new(Orders)) // want `wrapper localNoop inspects the token with go-micro's no-op auth`

	micro.RegisterHandler(micro.NewService(micro.WrapHandler(inspectShared)).Server(), new(Orders))
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(inspectConfigured)).Server(), new(Orders))
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(inspectDefault)).Server(), new(Orders))
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(localGiven(provider))).Server(), new(Orders))
}
