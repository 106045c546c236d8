package v4

import (
	"context"
	"errors"

	"go-micro.dev/v4"
	"go-micro.dev/v4/metadata"
	"go-micro.dev/v4/server"
)

// A kill switch (if checksOff { return next(...) }) is the operator's
// choice, but the path production takes, with the switch closed, must
// still check the credential: a caller bypass after the switch is
// reported.

func killSwitchThenMissing(next server.HandlerFunc) server.HandlerFunc { // want killSwitchThenMissing:"failsopen"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		switch authMode {
		case "off":
			return next(ctx, req, rsp)
		}
		tok, _ := metadata.Get(ctx, "Authorization")
		if tok == "" {
			return next(ctx, req, rsp)
		}
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

func killIfThenMissing(next server.HandlerFunc) server.HandlerFunc { // want killIfThenMissing:"failsopen"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		if devMode {
			return next(ctx, req, rsp)
		}
		tok, _ := metadata.Get(ctx, "Authorization")
		if tok == "" {
			return next(ctx, req, rsp)
		}
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

// strict falls through to the kill switch's case after looking only at
// whether a token is there.
func killFallthrough(next server.HandlerFunc) server.HandlerFunc { // want killFallthrough:"failsopen"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		switch authMode {
		case "strict":
			if tok == "" {
				return errors.New("no token")
			}
			fallthrough
		case "off":
			return next(ctx, req, rsp)
		}
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

// Twins: the kill switch alone, and a kill switch followed by a bypass
// that another setting must open.

func killSwitchOnly(next server.HandlerFunc) server.HandlerFunc { // want killSwitchOnly:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		switch authMode {
		case "off":
			return next(ctx, req, rsp)
		}
		tok, _ := metadata.Get(ctx, "Authorization")
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

func killThenDevSkip(next server.HandlerFunc) server.HandlerFunc { // want killThenDevSkip:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		if checksOff {
			return next(ctx, req, rsp)
		}
		tok, _ := metadata.Get(ctx, "Authorization")
		if devMode && tok == "" {
			return next(ctx, req, rsp)
		}
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

func killSwitches() {
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(killSwitchThenMissing)).Server(), new(Orders)) // want `wrapper killSwitchThenMissing calls the handler without checking a credential when the credential is missing`
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(killIfThenMissing)).Server(), new(Orders))     // want `wrapper killIfThenMissing calls the handler without checking a credential when the credential is missing`
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(killFallthrough)).Server(), new(Orders))       // want `wrapper killFallthrough calls the handler without checking a credential when the credential is missing`
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(killSwitchOnly)).Server(), new(Orders))
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(killThenDevSkip)).Server(), new(Orders))
}
