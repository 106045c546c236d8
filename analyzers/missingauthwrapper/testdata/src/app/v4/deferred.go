package v4

import (
	"context"
	"errors"

	"go-micro.dev/v4"
	"go-micro.dev/v4/metadata"
	"go-micro.dev/v4/server"
)

// A deferred call of the next handler runs at every return that leaves
// err nil: return nil on a missing credential calls it unchecked.

func openDeferred(next server.HandlerFunc) server.HandlerFunc { // want openDeferred:"failsopen"
	return func(ctx context.Context, req server.Request, rsp interface{}) (err error) {
		tok, ok := metadata.Get(ctx, "Authorization")
		defer func() {
			if err == nil {
				err = next(ctx, req, rsp)
			}
		}()
		if !ok {
			return nil
		}
		if _, e := verifier.Inspect(tok); e != nil {
			return errors.New("invalid token")
		}
		return nil
	}
}

// Twins: the missing credential fails the request, and a return nil
// before the defer is reached does not call the handler.

func closedDeferred(next server.HandlerFunc) server.HandlerFunc { // want closedDeferred:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) (err error) {
		tok, ok := metadata.Get(ctx, "Authorization")
		defer func() {
			if err == nil {
				err = next(ctx, req, rsp)
			}
		}()
		if !ok {
			return errors.New("no token")
		}
		if _, e := verifier.Inspect(tok); e != nil {
			return errors.New("invalid token")
		}
		return nil
	}
}

func closedBeforeDefer(next server.HandlerFunc) server.HandlerFunc { // want closedBeforeDefer:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) (err error) {
		tok, ok := metadata.Get(ctx, "Authorization")
		if !ok {
			return errors.New("no token")
		}
		if _, e := verifier.Inspect(tok); e != nil {
			return errors.New("invalid token")
		}
		defer func() {
			if err == nil {
				err = next(ctx, req, rsp)
			}
		}()
		return nil
	}
}

func deferredNext() {
	d := micro.NewService(micro.Name("x"), micro.WrapHandler(openDeferred))
	micro.RegisterHandler(d.Server(), new(Orders)) // want `wrapper openDeferred calls the handler without checking a credential when the credential is missing`
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(closedDeferred)).Server(), new(Orders))
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(closedBeforeDefer)).Server(), new(Orders))
}
