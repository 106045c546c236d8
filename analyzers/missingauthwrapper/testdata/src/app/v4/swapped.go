package v4

import (
	"context"
	"errors"
	"strings"

	"app/authpb"

	"go-micro.dev/v4"
	"go-micro.dev/v4/metadata"
	"go-micro.dev/v4/server"
)

// A check given a credential variable, or a request field, that the
// wrapper also sets to something other than what the caller sent checks
// the wrapper's choice: the service's own token passes for a caller who
// sent none, or who sets X-Internal.

const ownToken = "svc-orders-internal"

func fallbackToken(next server.HandlerFunc) server.HandlerFunc {
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, ok := metadata.Get(ctx, "Authorization")
		if !ok {
			tok = ownToken
		}
		res, err := authSvc.Validate(ctx, &authpb.ValidateRequest{Token: tok})
		if err != nil || !res.Valid {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}

func fallbackInspect(next server.HandlerFunc) server.HandlerFunc {
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if v, _ := metadata.Get(ctx, "X-Internal"); v == "true" {
			tok = ownToken
		}
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}

func swappedField(next server.HandlerFunc) server.HandlerFunc {
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		in := &authpb.ValidateRequest{Token: tok}
		if v, _ := metadata.Get(ctx, "X-Internal"); v == "true" {
			in.Token = ownToken
		}
		res, err := authSvc.Validate(ctx, in)
		if err != nil || !res.Valid {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}

// Twins: the variable and the field are given text cut from the
// credential only.

func trimmedToken(next server.HandlerFunc) server.HandlerFunc { // want trimmedToken:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, ok := metadata.Get(ctx, "Authorization")
		if !ok {
			return errors.New("unauthorized")
		}
		tok = strings.TrimPrefix(tok, "Bearer ")
		res, err := authSvc.Validate(ctx, &authpb.ValidateRequest{Token: tok})
		if err != nil || !res.Valid {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}

func trimmedInspect(next server.HandlerFunc) server.HandlerFunc { // want trimmedInspect:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		tok = strings.TrimPrefix(tok, "Bearer ")
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}

func trimmedField(next server.HandlerFunc) server.HandlerFunc { // want trimmedField:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		in := new(authpb.ValidateRequest)
		in.Token = tok
		in.Token = strings.TrimPrefix(in.Token, "Bearer ")
		res, err := authSvc.Validate(ctx, in)
		if err != nil || !res.Valid {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}

func swappedTokens() {
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(fallbackToken)).Server(), new(Orders))   // want `wrappers \(fallbackToken\) do not authenticate`
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(fallbackInspect)).Server(), new(Orders)) // want `wrappers \(fallbackInspect\) do not authenticate`
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(swappedField)).Server(), new(Orders))    // want `wrappers \(swappedField\) do not authenticate`
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(trimmedToken)).Server(), new(Orders))
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(trimmedInspect)).Server(), new(Orders))
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(trimmedField)).Server(), new(Orders))
}
