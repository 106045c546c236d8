package v4

import (
	"context"
	"errors"
	"log"
	"os"

	"go-micro.dev/v4"
	"go-micro.dev/v4/metadata"
	"go-micro.dev/v4/server"
)

// A setting read as the tag of a switch is a setting as it is in an if
// condition: the operator chose to let a call without a credential in.

type authConfig struct{ AuthMode string }

var authMode = os.Getenv("AUTH_MODE")

func modeSwitch(cfg authConfig) server.HandlerWrapper { // want modeSwitch:"makesauthwrapper"
	return func(next server.HandlerFunc) server.HandlerFunc {
		return func(ctx context.Context, req server.Request, rsp interface{}) error {
			tok, _ := metadata.Get(ctx, "Authorization")
			if tok == "" {
				switch cfg.AuthMode {
				case "off", "dev":
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
}

func modeVarSwitch(next server.HandlerFunc) server.HandlerFunc { // want modeVarSwitch:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if tok == "" {
			switch authMode {
			case "off":
				return next(ctx, req, rsp)
			default:
				return errors.New("no token")
			}
		}
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

// Twins: a switch on a header the caller sets, and a switch on a setting
// that reaches the handler whatever its value.

func modeHeaderSwitch(next server.HandlerFunc) server.HandlerFunc { // want modeHeaderSwitch:"failsopen"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		mode, _ := metadata.Get(ctx, "X-Auth-Mode")
		switch mode {
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

func modeLogSwitch(next server.HandlerFunc) server.HandlerFunc { // want modeLogSwitch:"failsopen"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if tok == "" {
			switch authMode {
			case "off":
				log.Println("anonymous call")
			}
			return next(ctx, req, rsp)
		}
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

func settingSwitches() {
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(modeSwitch(authConfig{AuthMode: os.Getenv("AUTH_MODE")}))).Server(), new(Orders))
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(modeVarSwitch)).Server(), new(Orders))
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(modeHeaderSwitch)).Server(), new(Orders)) // want `wrapper modeHeaderSwitch calls the handler without checking a credential when the caller sets X-Auth-Mode`
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(modeLogSwitch)).Server(), new(Orders))    // want `wrapper modeLogSwitch calls the handler without checking a credential when the credential is missing`
}
