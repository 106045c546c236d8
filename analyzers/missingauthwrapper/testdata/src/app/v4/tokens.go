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

var apiKeys = map[string]string{}

func keyLookup(next server.HandlerFunc) server.HandlerFunc { // want keyLookup:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		md, _ := metadata.FromContext(ctx)
		if _, ok := apiKeys[md["X-Api-Key"]]; !ok {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}

var (
	revoked  = map[string]bool{}
	requests = map[string]int{}
)

// None of these rejects a forged token: a blocklist, a rate limiter,
// sentinels, a value the client also sends, the scheme cut off by slicing.

func blocklist(next server.HandlerFunc) server.HandlerFunc {
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		md, _ := metadata.FromContext(ctx)
		tok := md["Authorization"]
		requests[tok]++
		if revoked[tok] {
			return errors.New("revoked")
		}
		return next(ctx, req, rsp)
	}
}

func sentinels(next server.HandlerFunc) server.HandlerFunc {
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if tok == "" || tok == "undefined" || tok == "null" {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}

func echoed(next server.HandlerFunc) server.HandlerFunc {
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		md, _ := metadata.FromContext(ctx)
		if tok := md["Authorization"]; tok != md["X-Request-Token"] {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}

func schemeSlice(next server.HandlerFunc) server.HandlerFunc {
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		auth, _ := metadata.Get(ctx, "Authorization")
		if len(auth) < 4 || auth[:4] != "Key " {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}

// Positive forms of a lookup in a set of valid keys.

func keyAllows(next server.HandlerFunc) server.HandlerFunc { // want keyAllows:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		md, _ := metadata.FromContext(ctx)
		if validKeys[md["X-Api-Key"]] {
			return next(ctx, req, rsp)
		}
		return errors.New("unauthorized")
	}
}

func keyCommaOK(next server.HandlerFunc) server.HandlerFunc { // want keyCommaOK:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		md, _ := metadata.FromContext(ctx)
		if _, ok := apiKeys[md["X-Api-Key"]]; ok {
			return next(ctx, req, rsp)
		}
		return errors.New("unauthorized")
	}
}

func keyVar(next server.HandlerFunc) server.HandlerFunc { // want keyVar:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		md, _ := metadata.FromContext(ctx)
		valid := validKeys[md["X-Api-Key"]]
		if !valid {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}

func keyFalse(next server.HandlerFunc) server.HandlerFunc { // want keyFalse:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		md, _ := metadata.FromContext(ctx)
		if validKeys[md["X-Api-Key"]] == false {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}

func schemeParts(next server.HandlerFunc) server.HandlerFunc {
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		auth, _ := metadata.Get(ctx, "Authorization")
		if len(auth) < 4 || auth[0:4] != "Key " || strings.SplitN(auth, " ", 2)[0] != "Key" || auth == "Bearer null" {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}
