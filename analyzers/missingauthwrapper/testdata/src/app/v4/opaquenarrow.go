package v4

import (
	"context"
	"errors"

	"app/authpb"
	"app/session"

	"go-micro.dev/v4"
	"go-micro.dev/v4/metadata"
	"go-micro.dev/v4/server"
)

// Only the name of the function called counts, not its package's, and a
// word saying it does something else with the token (decode, record,
// rate limit) outweighs one saying it checks.

// Auditor records logins to an audit service.
type Auditor interface {
	RecordLogin(ctx context.Context, tok, endpoint string) error
}

// Quota limits the calls of an API key.
type Quota interface {
	CheckRateLimit(key string) error
}

var (
	loginAuditor Auditor
	keyQuota     Quota
)

func sessionTouched(next server.HandlerFunc) server.HandlerFunc {
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if err := session.Touch(tok); err != nil {
			return errors.New("busy")
		}
		return next(ctx, req, rsp)
	}
}

func claimsDecoded(next server.HandlerFunc) server.HandlerFunc {
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		c, err := session.DecodeClaims(tok)
		if err != nil {
			return errors.New("bad token")
		}
		ctx = metadata.Set(ctx, "X-User", c.Sub)
		return next(ctx, req, rsp)
	}
}

func loginRecorded(next server.HandlerFunc) server.HandlerFunc {
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if err := loginAuditor.RecordLogin(ctx, tok, req.Endpoint()); err != nil {
			return errors.New("audit unavailable")
		}
		return next(ctx, req, rsp)
	}
}

func rateChecked(next server.HandlerFunc) server.HandlerFunc {
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		key, _ := metadata.Get(ctx, "X-Api-Key")
		if err := keyQuota.CheckRateLimit(key); err != nil {
			return errors.New("slow down")
		}
		return next(ctx, req, rsp)
	}
}

// A generated client's health probe or e-mail check given the token
// checks no credential, whatever its first word says.
func healthChecked(next server.HandlerFunc) server.HandlerFunc {
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if _, err := authSvc.CheckHealth(ctx, &authpb.ValidateRequest{Token: tok}); err != nil {
			return errors.New("auth service down")
		}
		return next(ctx, req, rsp)
	}
}

func emailValidated(next server.HandlerFunc) server.HandlerFunc {
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if _, err := authSvc.ValidateEmail(ctx, &authpb.ValidateRequest{Token: tok}); err != nil {
			return errors.New("bad e-mail")
		}
		return next(ctx, req, rsp)
	}
}

// Twin: a function of the same package whose own name says it checks.
func claimsVerified(next server.HandlerFunc) server.HandlerFunc { // want claimsVerified:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		c, err := session.VerifyClaims(tok)
		if err != nil {
			return errors.New("bad token")
		}
		ctx = metadata.Set(ctx, "X-User", c.Sub)
		return next(ctx, req, rsp)
	}
}

func opaqueNarrow() {
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(sessionTouched)).Server(), new(Orders)) // want `wrappers \(sessionTouched\) do not authenticate`
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(claimsDecoded)).Server(), new(Orders))  // want `wrappers \(claimsDecoded\) do not authenticate`
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(loginRecorded)).Server(), new(Orders))  // want `wrappers \(loginRecorded\) do not authenticate`
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(rateChecked)).Server(), new(Orders))    // want `wrappers \(rateChecked\) do not authenticate`
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(claimsVerified)).Server(), new(Orders))
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(healthChecked)).Server(), new(Orders))  // want `wrappers \(healthChecked\) do not authenticate`
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(emailValidated)).Server(), new(Orders)) // want `wrappers \(emailValidated\) do not authenticate`
}
