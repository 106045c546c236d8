package v4

import (
	"context"
	"errors"

	"app/audit"
	"app/ratelimit"

	"go-micro.dev/v4"
	"go-micro.dev/v4/metadata"
	"go-micro.dev/v4/server"
)

// A call the rule cannot see into counts as a check only when its name
// says it checks: a rate limiter or an audit log is given the credential
// and fails the request, and authenticates nobody.

var (
	limiter  ratelimit.Limiter
	keyAuth  ratelimit.Authenticator
	recorder audit.Recorder
)

func limitedByKey(next server.HandlerFunc) server.HandlerFunc {
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		key, _ := metadata.Get(ctx, "X-Api-Key")
		if err := ratelimit.Allow(key); err != nil {
			return errors.New("slow down")
		}
		return next(ctx, req, rsp)
	}
}

func limitedByIface(next server.HandlerFunc) server.HandlerFunc {
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if !limiter.Allow(tok) {
			return errors.New("slow down")
		}
		return next(ctx, req, rsp)
	}
}

func auditedIface(next server.HandlerFunc) server.HandlerFunc {
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		key, _ := metadata.Get(ctx, "X-Api-Key")
		if err := recorder.Record(ctx, key, req.Endpoint()); err != nil {
			return errors.New("audit failed")
		}
		return next(ctx, req, rsp)
	}
}

// touchAudit hands the token to the audit log only.
func touchAudit(ctx context.Context, tok string) error {
	return recorder.Record(ctx, tok, "orders")
}

func auditedFunc(next server.HandlerFunc) server.HandlerFunc {
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if err := audit.Write(tok, req.Endpoint()); err != nil {
			return err
		}
		if err := touchAudit(ctx, tok); err != nil {
			return err
		}
		return next(ctx, req, rsp)
	}
}

// Twins: the same shapes with calls named for a check.

func keyAuthIface(next server.HandlerFunc) server.HandlerFunc { // want keyAuthIface:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if !keyAuth.AuthenticateKey(tok) {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}

func sessionFunc(next server.HandlerFunc) server.HandlerFunc { // want sessionFunc:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if err := audit.VerifySession(tok); err != nil {
			return err
		}
		return next(ctx, req, rsp)
	}
}

func opaqueNames() {
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(limitedByKey)).Server(), new(Orders))   // want `wrappers \(limitedByKey\) do not authenticate`
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(limitedByIface)).Server(), new(Orders)) // want `wrappers \(limitedByIface\) do not authenticate`
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(auditedIface)).Server(), new(Orders))   // want `wrappers \(auditedIface\) do not authenticate`
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(auditedFunc)).Server(), new(Orders))    // want `wrappers \(auditedFunc\) do not authenticate`
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(keyAuthIface)).Server(), new(Orders))
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(sessionFunc)).Server(), new(Orders))
}
