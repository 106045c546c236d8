// Package authmw holds wrappers for other packages: they are judged here and
// reach the services through facts.
package authmw

import (
	"context"
	"errors"
	"log"
	"strings"

	"app/keycheckvia"

	"go-micro.dev/v4/auth"
	"go-micro.dev/v4/metadata"
	"go-micro.dev/v4/server"
)

// Config builds a middleware whose method is the wrapper.
type Config struct{ Provider auth.Auth }

// Middleware is returned by Config.Middleware.
type Middleware struct{ a auth.Auth }

func (c *Config) Middleware() *Middleware { return &Middleware{c.Provider} }

// Wrapper inspects the bearer token.
func (m *Middleware) Wrapper(next server.HandlerFunc) server.HandlerFunc { // want Wrapper:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if _, err := m.a.Inspect(strings.TrimPrefix(tok, "Bearer ")); err != nil {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}

// checkToken is a verifier: it inspects and reports failure.
func checkToken(a auth.Auth, ctx context.Context) error { // want checkToken:"verifier"
	tok, _ := metadata.Get(ctx, "Authorization")
	_, err := a.Inspect(tok)
	return err
}

// New returns a wrapper that calls a verifier.
func New(a auth.Auth) server.HandlerWrapper { // want New:"makesauthwrapper"
	return func(next server.HandlerFunc) server.HandlerFunc {
		return func(ctx context.Context, req server.Request, rsp interface{}) error {
			if err := checkToken(a, ctx); err != nil {
				return err
			}
			return next(ctx, req, rsp)
		}
	}
}

// Logging only logs.
func Logging() server.HandlerWrapper {
	return func(next server.HandlerFunc) server.HandlerFunc {
		return func(ctx context.Context, req server.Request, rsp interface{}) error {
			log.Println(req.Endpoint())
			err := next(ctx, req, rsp)
			log.Println(err)
			return err
		}
	}
}

// InspectOnly looks at the token but lets every request through.
func InspectOnly(a auth.Auth) server.HandlerWrapper {
	return func(next server.HandlerFunc) server.HandlerFunc {
		return func(ctx context.Context, req server.Request, rsp interface{}) error {
			tok, _ := metadata.Get(ctx, "Authorization")
			if acc, err := a.Inspect(tok); err == nil {
				log.Println(acc.ID)
			}
			return next(ctx, req, rsp)
		}
	}
}

// APIKey compares the Authorization metadata with the configured key.
var APIKey server.HandlerWrapper = func(next server.HandlerFunc) server.HandlerFunc { // want APIKey:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		md, _ := metadata.FromContext(ctx)
		if md["Authorization"] != "Bearer "+key {
			return errors.New("forbidden")
		}
		return next(ctx, req, rsp)
	}
}

var key = strings.Repeat("k", 3)

// ViaHelper checks the key through a helper of a package that imports
// no go-micro package.
func ViaHelper(next server.HandlerFunc) server.HandlerFunc { // want ViaHelper:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if err := keycheckvia.Bearer(tok); err != nil {
			return err
		}
		return next(ctx, req, rsp)
	}
}

// LabelOnly calls the helper package but checks nothing.
func LabelOnly(next server.HandlerFunc) server.HandlerFunc {
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		log.Print(keycheckvia.Label())
		return next(ctx, req, rsp)
	}
}

// Optional inspects the token only when the caller sends one.
func Optional(a auth.Auth) server.HandlerWrapper { // want Optional:"failsopen"
	return func(next server.HandlerFunc) server.HandlerFunc {
		return func(ctx context.Context, req server.Request, rsp interface{}) error {
			tok, ok := metadata.Get(ctx, "Authorization")
			if !ok {
				return next(ctx, req, rsp)
			}
			if _, err := a.Inspect(tok); err != nil {
				return errors.New("unauthorized")
			}
			return next(ctx, req, rsp)
		}
	}
}
