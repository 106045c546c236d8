package v4

import (
	"context"
	"errors"
	"os"
	"time"

	"go-micro.dev/v4"
	"go-micro.dev/v4/metadata"
	"go-micro.dev/v4/server"
)

// A path to the handler that a setting guards as well as the missing
// credential is the operator's choice, as in operatorSwitch: with the
// setting off, a missing credential fails the request.

var devMode = os.Getenv("DEV_MODE") == "1"

var verbose = os.Getenv("VERBOSE") != ""

func devSkip(next server.HandlerFunc) server.HandlerFunc { // want devSkip:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
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

func devSkipNested(next server.HandlerFunc) server.HandlerFunc { // want devSkipNested:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, ok := metadata.Get(ctx, "Authorization")
		if !ok {
			if dev := os.Getenv("DEV_MODE") == "1"; dev {
				return next(ctx, req, rsp)
			}
			return errors.New("no token")
		}
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

// Twins: a setting the path reaches the handler whatever its value, and
// conditions that are no setting (the clock, the handler wrapped).

func openVerbose(next server.HandlerFunc) server.HandlerFunc { // want openVerbose:"failsopen"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if tok == "" {
			if verbose {
				println("anonymous call")
			}
			return next(ctx, req, rsp)
		}
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

func openAtNight(next server.HandlerFunc) server.HandlerFunc { // want openAtNight:"failsopen"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if tok == "" && time.Now().Hour() < 6 {
			return next(ctx, req, rsp)
		}
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

func openNextSet(next server.HandlerFunc) server.HandlerFunc { // want openNextSet:"failsopen"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if tok == "" && next != nil {
			return next(ctx, req, rsp)
		}
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

func settingGuarded() {
	s := micro.NewService(micro.Name("x"), micro.WrapHandler(openNextSet))
	micro.RegisterHandler(s.Server(), new(Orders)) // want `wrapper openNextSet calls the handler without checking a credential when the credential is missing`
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(devSkip)).Server(), new(Orders))
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(devSkipNested)).Server(), new(Orders))
	v := micro.NewService(micro.Name("x"), micro.WrapHandler(openVerbose))
	micro.RegisterHandler(v.Server(), new(Orders)) // want `wrapper openVerbose calls the handler without checking a credential when the credential is missing`
	n := micro.NewService(micro.Name("x"), micro.WrapHandler(openAtNight))
	micro.RegisterHandler(n.Server(), new(Orders)) // want `wrapper openAtNight calls the handler without checking a credential when the credential is missing`
}
