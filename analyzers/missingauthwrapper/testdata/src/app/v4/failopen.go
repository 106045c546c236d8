package v4

import (
	"context"
	"errors"

	"app/authmw"
	"app/authpb"

	"go-micro.dev/v4"
	"go-micro.dev/v4/auth"
	"go-micro.dev/v4/metadata"
	"go-micro.dev/v4/server"
)

// verifier is set where the service starts.
var verifier auth.Auth

var publicEndpoints = map[string]bool{"Health.Check": true}

var checksOff = false

// These wrappers check a credential, but call the handler without
// checking anything when the credential is missing or when a header the
// caller sets says so: any caller gets through.

func openWhenMissing(next server.HandlerFunc) server.HandlerFunc { // want openWhenMissing:"failsopen"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		if tok, ok := metadata.Get(ctx, "Authorization"); ok {
			if _, err := verifier.Inspect(tok); err != nil {
				return errors.New("invalid token")
			}
		}
		return next(ctx, req, rsp)
	}
}

func openWhenEmpty(next server.HandlerFunc) server.HandlerFunc { // want openWhenEmpty:"failsopen"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		hdr, _ := metadata.Get(ctx, "Authorization")
		if hdr == "" {
			return next(ctx, req, rsp)
		}
		if _, err := verifier.Inspect(hdr); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

func openOnHeader(next server.HandlerFunc) server.HandlerFunc { // want openOnHeader:"failsopen"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		if v, _ := metadata.Get(ctx, "X-Internal"); v == "true" {
			return next(ctx, req, rsp)
		}
		tok, _ := metadata.Get(ctx, "Authorization")
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

func openAfterSkipList(next server.HandlerFunc) server.HandlerFunc { // want openAfterSkipList:"failsopen"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		if req.Endpoint() == "Health.Check" {
			return next(ctx, req, rsp)
		}
		tok, _ := metadata.Get(ctx, "Authorization")
		if len(tok) == 0 {
			return next(ctx, req, rsp)
		}
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

func openNoMetadata(next server.HandlerFunc) server.HandlerFunc { // want openNoMetadata:"failsopen"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		md, ok := metadata.FromContext(ctx)
		if !ok {
			return next(ctx, req, rsp)
		}
		if _, err := verifier.Inspect(md["Authorization"]); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

func openOnRequestHeader(next server.HandlerFunc) server.HandlerFunc { // want openOnRequestHeader:"failsopen"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		if req.Header()["X-Internal"] != "" {
			return next(ctx, req, rsp)
		}
		if req.Header()["Authorization"] != expected {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

// Their twins: a skip list of public endpoints, services or methods, a
// missing credential or the header failing the request, and a switch the
// operator sets, not the caller.

func skipHealth(next server.HandlerFunc) server.HandlerFunc { // want skipHealth:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		if req.Endpoint() == "Health.Check" {
			return next(ctx, req, rsp)
		}
		tok, _ := metadata.Get(ctx, "Authorization")
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

func skipPublic(next server.HandlerFunc) server.HandlerFunc { // want skipPublic:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		if publicEndpoints[req.Endpoint()] {
			return next(ctx, req, rsp)
		}
		tok, _ := metadata.Get(ctx, "Authorization")
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

func skipServiceOrMethod(next server.HandlerFunc) server.HandlerFunc { // want skipServiceOrMethod:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if tok == "" && (req.Endpoint() == "Health.Check" || req.Endpoint() == "Health.Ping") {
			return next(ctx, req, rsp)
		}
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

func skipSwitch(next server.HandlerFunc) server.HandlerFunc { // want skipSwitch:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if tok == "" {
			switch req.Endpoint() {
			case "Health.Check", "Debug.Stats":
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

func closedWhenMissing(next server.HandlerFunc) server.HandlerFunc { // want closedWhenMissing:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		if tok, ok := metadata.Get(ctx, "Authorization"); ok {
			if _, err := verifier.Inspect(tok); err != nil {
				return errors.New("invalid token")
			}
		} else {
			return errors.New("no token")
		}
		return next(ctx, req, rsp)
	}
}

func closedOnHeader(next server.HandlerFunc) server.HandlerFunc { // want closedOnHeader:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		if v, _ := metadata.Get(ctx, "X-Internal"); v == "true" {
			return errors.New("internal calls use another port")
		}
		tok, _ := metadata.Get(ctx, "Authorization")
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

func operatorSwitch(next server.HandlerFunc) server.HandlerFunc { // want operatorSwitch:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		if checksOff {
			return next(ctx, req, rsp)
		}
		tok, _ := metadata.Get(ctx, "Authorization")
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

func failOpen() {
	missing := micro.NewService(micro.Name("orders"), micro.WrapHandler(openWhenMissing))
	micro.RegisterHandler(missing.Server(), new(Orders)) // want `handler Orders registered on service orders whose handler wrapper openWhenMissing calls the handler without checking a credential when the credential is missing; make that path fail`
	empty := micro.NewService(micro.Name("orders"), micro.WrapHandler(logWrapper, openWhenEmpty))
	micro.RegisterHandler(empty.Server(), new(Orders)) // want `wrapper openWhenEmpty calls the handler without checking a credential when the credential is missing`
	header := micro.NewService(micro.Name("orders"), micro.WrapHandler(openOnHeader))
	micro.RegisterHandler(header.Server(), new(Orders)) // want `wrapper openOnHeader calls the handler without checking a credential when the caller sets X-Internal`
	skipped := micro.NewService(micro.Name("orders"), micro.WrapHandler(openAfterSkipList))
	micro.RegisterHandler(skipped.Server(), new(Orders)) // want `wrapper openAfterSkipList calls the handler without checking a credential when the credential is missing`
	nomd := micro.NewService(micro.Name("orders"), micro.WrapHandler(openNoMetadata))
	micro.RegisterHandler(nomd.Server(), new(Orders)) // want `wrapper openNoMetadata calls the handler without checking a credential when the credential is missing`
	reqHeader := micro.NewService(micro.Name("orders"), micro.WrapHandler(openOnRequestHeader))
	micro.RegisterHandler(reqHeader.Server(), new(Orders)) // want `wrapper openOnRequestHeader calls the handler without checking a credential when the caller sets X-Internal`

	micro.RegisterHandler(micro.NewService(micro.WrapHandler(skipHealth)).Server(), new(Orders))
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(skipPublic)).Server(), new(Orders))
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(skipServiceOrMethod)).Server(), new(Orders))
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(skipSwitch)).Server(), new(Orders))
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(closedWhenMissing)).Server(), new(Orders))
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(closedOnHeader)).Server(), new(Orders))
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(operatorSwitch)).Server(), new(Orders))
}

func failOpenElsewhere() {
	svc := micro.NewService(micro.Name("orders"), micro.WrapHandler(authmw.Optional(verifier)))
	micro.RegisterHandler(svc.Server(), new(Orders)) // want `whose handler wrapper authmw.Optional calls the handler without checking a credential when the credential is missing`
	guarded := micro.NewService(micro.Name("orders"), micro.WrapHandler(authmw.New(verifier)))
	micro.RegisterHandler(guarded.Server(), new(Orders))
}

var authSvc = authpb.NewAuthService("auth", nil)

// remoteValidate asks an auth service, through its generated client,
// whether the token is valid: a check the rule cannot see into, given the
// token, whose answer fails the request.
func remoteValidate(next server.HandlerFunc) server.HandlerFunc { // want remoteValidate:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		res, err := authSvc.Validate(ctx, &authpb.ValidateRequest{Token: tok})
		if err != nil || !res.Valid {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}

func remoteCheck() {
	svc := micro.NewService(micro.Name("orders"), micro.WrapHandler(remoteValidate))
	micro.RegisterHandler(svc.Server(), new(Orders))
}
