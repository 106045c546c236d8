package v4

import (
	"context"
	"errors"

	"app/authpb"

	"go-micro.dev/v4"
	"go-micro.dev/v4/metadata"
	"go-micro.dev/v4/server"
)

// A function value, or an interface called on a variable, that the
// package gives values the rule reads is judged by those values: a no-op
// returning nil checks nothing.

// ValueAuthOptions configure newValueAuth; the default validator is a
// stub nobody replaces.
type ValueAuthOptions struct {
	ValidateToken func(ctx context.Context, tok string) error
}

func defaultValueAuthOptions() ValueAuthOptions {
	return ValueAuthOptions{ValidateToken: func(context.Context, string) error { return nil }}
}

func newValueAuth(o ValueAuthOptions) server.HandlerWrapper {
	return func(next server.HandlerFunc) server.HandlerFunc {
		return func(ctx context.Context, req server.Request, rsp interface{}) error {
			tok, _ := metadata.Get(ctx, "Authorization")
			if err := o.ValidateToken(ctx, tok); err != nil {
				return errors.New("unauthorized")
			}
			return next(ctx, req, rsp)
		}
	}
}

// A factory whose parameter the package gives a no-op.
func verifiedWith(verify func(string) error) server.HandlerWrapper {
	return func(next server.HandlerFunc) server.HandlerFunc {
		return func(ctx context.Context, req server.Request, rsp interface{}) error {
			tok, _ := metadata.Get(ctx, "Authorization")
			if err := verify(tok); err != nil {
				return errors.New("unauthorized")
			}
			return next(ctx, req, rsp)
		}
	}
}

func acceptAnyToken(context.Context, string) error { return nil }

var verifyTokenFn = acceptAnyToken

func varOfNoopFunc(next server.HandlerFunc) server.HandlerFunc {
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if err := verifyTokenFn(ctx, tok); err != nil {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}

// TokenValidator checks a token; its only implementation here accepts
// all.
type TokenValidator interface {
	Validate(ctx context.Context, tok string) error
}

type allowAll struct{}

func (allowAll) Validate(context.Context, string) error { return nil }

var allowingValidator TokenValidator = allowAll{}

func ifaceOfNoop(next server.HandlerFunc) server.HandlerFunc {
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if err := allowingValidator.Validate(ctx, tok); err != nil {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}

// Twins: the same shapes given checks.

var valueAuthClient = authpb.NewAuthService("auth", nil)

// askAuth asks the auth service.
func askAuth(ctx context.Context, tok string) error { // want askAuth:"verifier"
	res, err := valueAuthClient.Validate(ctx, &authpb.ValidateRequest{Token: tok})
	if err != nil || !res.Valid {
		return errors.New("invalid token")
	}
	return nil
}

type CheckedOptions struct {
	ValidateToken func(ctx context.Context, tok string) error
}

func newCheckedAuth(o CheckedOptions) server.HandlerWrapper { // want newCheckedAuth:"makes"
	return func(next server.HandlerFunc) server.HandlerFunc {
		return func(ctx context.Context, req server.Request, rsp interface{}) error {
			tok, _ := metadata.Get(ctx, "Authorization")
			if err := o.ValidateToken(ctx, tok); err != nil {
				return errors.New("unauthorized")
			}
			return next(ctx, req, rsp)
		}
	}
}

func verifiedWithChecked(verify func(context.Context, string) error) server.HandlerWrapper { // want verifiedWithChecked:"makes"
	return func(next server.HandlerFunc) server.HandlerFunc {
		return func(ctx context.Context, req server.Request, rsp interface{}) error {
			tok, _ := metadata.Get(ctx, "Authorization")
			if err := verify(ctx, tok); err != nil {
				return errors.New("unauthorized")
			}
			return next(ctx, req, rsp)
		}
	}
}

var verifyTokenChecked = askAuth

func varOfCheck(next server.HandlerFunc) server.HandlerFunc { // want varOfCheck:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if err := verifyTokenChecked(ctx, tok); err != nil {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}

type remoteValidator struct{}

func (remoteValidator) Validate(ctx context.Context, tok string) error { return askAuth(ctx, tok) } // want Validate:"verifier"

var remoteTokenValidator TokenValidator = remoteValidator{}

func ifaceOfCheck(next server.HandlerFunc) server.HandlerFunc { // want ifaceOfCheck:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if err := remoteTokenValidator.Validate(ctx, tok); err != nil {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}

func opaqueValues() {
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(newValueAuth(defaultValueAuthOptions()))).Server(), new(Orders))         // want `wrappers \(newValueAuth\) do not authenticate`
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(verifiedWith(func(string) error { return nil }))).Server(), new(Orders)) // want `wrappers \(verifiedWith\) do not authenticate`
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(varOfNoopFunc)).Server(), new(Orders))                                   // want `wrappers \(varOfNoopFunc\) do not authenticate`
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(ifaceOfNoop)).Server(), new(Orders))                                     // want `wrappers \(ifaceOfNoop\) do not authenticate`
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(newCheckedAuth(CheckedOptions{ValidateToken: askAuth}))).Server(), new(Orders))
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(verifiedWithChecked(askAuth))).Server(), new(Orders))
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(varOfCheck)).Server(), new(Orders))
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(ifaceOfCheck)).Server(), new(Orders))
}
