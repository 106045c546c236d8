package v4

import (
	"context"
	"errors"
	"os"
	"strings"

	"go-micro.dev/v4/metadata"
	"go-micro.dev/v4/server"
)

var apiToken = os.Getenv("API_TOKEN")

var validKeys = map[string]bool{}

// The token is compared after the scheme is cut off or the case folded:
// each of these wrappers rejects a bad token.

func bearerTrimmed(next server.HandlerFunc) server.HandlerFunc { // want bearerTrimmed:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		md, _ := metadata.FromContext(ctx)
		tok := strings.TrimPrefix(md["Authorization"], "Bearer ")
		if tok != apiToken {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}

func bearerFields(next server.HandlerFunc) server.HandlerFunc { // want bearerFields:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		md, _ := metadata.FromContext(ctx)
		parts := strings.Fields(md["Authorization"])
		if len(parts) != 2 || parts[1] != apiToken {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}

func lowered(next server.HandlerFunc) server.HandlerFunc { // want lowered:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		md, _ := metadata.FromContext(ctx)
		if strings.ToLower(md["Authorization"]) != strings.ToLower("Bearer "+apiToken) {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}

func sliced(next server.HandlerFunc) server.HandlerFunc { // want sliced:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		auth, _ := metadata.Get(ctx, "Authorization")
		if len(auth) < 7 || auth[7:] != apiToken {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}

func keySet(next server.HandlerFunc) server.HandlerFunc { // want keySet:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		md, _ := metadata.FromContext(ctx)
		var key = strings.TrimSpace(md["X-Api-Key"])
		if !validKeys[key] {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}

// These only look at whether a token is there, or at its shape: any
// token passes.

func presenceOnly(next server.HandlerFunc) server.HandlerFunc {
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		md, _ := metadata.FromContext(ctx)
		if len(strings.TrimSpace(md["Authorization"])) == 0 {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}

func schemeOnly(next server.HandlerFunc) server.HandlerFunc {
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		md, _ := metadata.FromContext(ctx)
		if !strings.HasPrefix(md["Authorization"], "Bearer ") {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}

func trimmedEmpty(next server.HandlerFunc) server.HandlerFunc {
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		md, _ := metadata.FromContext(ctx)
		if tok := strings.TrimPrefix(md["Authorization"], "Bearer "); tok == "" {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}

func schemeWord(next server.HandlerFunc) server.HandlerFunc {
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		md, _ := metadata.FromContext(ctx)
		parts := strings.Fields(md["Authorization"])
		if len(parts) != 2 || !strings.EqualFold(parts[0], "bearer") || parts[0] != "Bearer" {
			return errors.New("unauthorized")
		}
		return next(context.WithValue(ctx, tokenKey{}, parts[1]), req, rsp)
	}
}

type tokenKey struct{}
