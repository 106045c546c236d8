package v4

import (
	"context"
	"errors"

	"go-micro.dev/v4"
	"go-micro.dev/v4/auth"
	"go-micro.dev/v4/metadata"
	"go-micro.dev/v4/server"
)

// A wrapper factory of this package is judged with the provider it is
// given: handed the no-op auth, its Inspect accepts any token.

func wrapWith(a auth.Auth) server.HandlerWrapper { // want wrapWith:"makesauthwrapper"
	return func(next server.HandlerFunc) server.HandlerFunc {
		return func(ctx context.Context, req server.Request, rsp interface{}) error {
			tok, ok := metadata.Get(ctx, "Authorization")
			if !ok {
				return errors.New("no token")
			}
			if _, err := a.Inspect(tok); err != nil {
				return errors.New("invalid token")
			}
			return next(ctx, req, rsp)
		}
	}
}

func newProvider() auth.Auth { return auth.NewAuth() }

var madeNoop = newProvider()

func inspectMadeNoop(next server.HandlerFunc) server.HandlerFunc { // want inspectMadeNoop:"noopauth"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if _, err := madeNoop.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

func noopFactories() {
	s1 := micro.NewService(micro.Name("nb1"), micro.WrapHandler(wrapWith(auth.NewAuth())))
	micro.RegisterHandler(s1.Server(), new(Orders)) // want `wrapper wrapWith inspects the token with go-micro's no-op auth`
	svc := micro.NewService(micro.Name("nb3"))
	svc.Init(micro.WrapHandler(wrapWith(svc.Options().Auth)))
	micro.RegisterHandler(svc.Server(), new(Orders)) // want `wrapper wrapWith inspects the token with go-micro's no-op auth`
	m := micro.NewService(micro.Name("nb4"), micro.WrapHandler(inspectMadeNoop))
	micro.RegisterHandler(m.Server(), new(Orders)) // want `wrapper inspectMadeNoop inspects the token with go-micro's no-op auth`

	// Twins: a provider that verifies, and one from a constructor of
	// this package that does not return the no-op auth.
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(wrapWith(provider))).Server(), new(Orders))
	guarded := micro.NewService(micro.Name("nb5"), micro.Auth(provider))
	guarded.Init(micro.WrapHandler(wrapWith(guarded.Options().Auth)))
	micro.RegisterHandler(guarded.Server(), new(Orders))
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(inspectMadeReal)).Server(), new(Orders))
}

func newRealProvider() auth.Auth { return provider }

var madeReal = newRealProvider()

func inspectMadeReal(next server.HandlerFunc) server.HandlerFunc { // want inspectMadeReal:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if _, err := madeReal.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}
