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

// The request given to the auth service's client may be built before
// the call, in a variable: it carries the credential as the literal in
// the call would.

func requestVar(next server.HandlerFunc) server.HandlerFunc { // want requestVar:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		in := &authpb.ValidateRequest{Token: strings.TrimPrefix(tok, "Bearer ")}
		res, err := authSvc.Validate(ctx, in)
		if err != nil || !res.Valid {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

func requestFieldSet(next server.HandlerFunc) server.HandlerFunc { // want requestFieldSet:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		in := new(authpb.ValidateRequest)
		in.Token = tok
		res, err := authSvc.Validate(ctx, in)
		if err != nil || !res.Valid {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

// Twins: a request carrying something else, and one given the token only
// after the call.

func requestOther(next server.HandlerFunc) server.HandlerFunc {
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		in := &authpb.ValidateRequest{Token: req.Service()}
		res, err := authSvc.Validate(ctx, in)
		if err != nil || !res.Valid {
			return errors.New("unauthorized")
		}
		in.Token = tok
		return next(ctx, req, rsp)
	}
}

func requestVars() {
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(requestVar)).Server(), new(Orders))
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(requestFieldSet)).Server(), new(Orders))
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(requestOther)).Server(), new(Orders)) // want `wrappers \(requestOther\) do not authenticate`
}
