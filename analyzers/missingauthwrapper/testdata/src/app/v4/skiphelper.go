package v4

import (
	"context"
	"errors"

	"go-micro.dev/v4"
	"go-micro.dev/v4/metadata"
	"go-micro.dev/v4/server"
)

// A function of this package given the request that reads only its
// endpoint, service or method picks public endpoints, as
// publicEndpoints[req.Endpoint()] does inline.

func isPublic(req server.Request) bool { return publicEndpoints[req.Endpoint()] }

func isPublicCall(service, method string) bool {
	return service == "health" || publicEndpoints[method]
}

func skipViaHelper(next server.HandlerFunc) server.HandlerFunc { // want skipViaHelper:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, ok := metadata.Get(ctx, "Authorization")
		if !ok {
			if isPublic(req) {
				return next(ctx, req, rsp)
			}
			return errors.New("missing token")
		}
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

func skipViaHelperArgs(next server.HandlerFunc) server.HandlerFunc { // want skipViaHelperArgs:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, ok := metadata.Get(ctx, "Authorization")
		if !ok && isPublicCall("orders", req.Endpoint()) {
			return next(ctx, req, rsp)
		}
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

// Twins: a helper that reads a header the caller sends, or hands the
// request on to what the rule does not see, does not pick endpoints.

func isTrusted(req server.Request) bool { return req.Header()["X-Trusted"] == "1" }

func isLogged(req server.Request) bool { return logRequest(req) }

func logRequest(req server.Request) bool { return req.Endpoint() != "" }

func openViaHeaderHelper(next server.HandlerFunc) server.HandlerFunc { // want openViaHeaderHelper:"failsopen"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, ok := metadata.Get(ctx, "Authorization")
		if !ok {
			if isTrusted(req) {
				return next(ctx, req, rsp)
			}
			return errors.New("missing token")
		}
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

func openViaOpaqueHelper(next server.HandlerFunc) server.HandlerFunc { // want openViaOpaqueHelper:"failsopen"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, ok := metadata.Get(ctx, "Authorization")
		if !ok && isLogged(req) {
			return next(ctx, req, rsp)
		}
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

func skipHelpers() {
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(skipViaHelper)).Server(), new(Orders))
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(skipViaHelperArgs)).Server(), new(Orders))
	h := micro.NewService(micro.Name("x"), micro.WrapHandler(openViaHeaderHelper))
	micro.RegisterHandler(h.Server(), new(Orders)) // want `wrapper openViaHeaderHelper calls the handler without checking a credential when the credential is missing`
	o := micro.NewService(micro.Name("x"), micro.WrapHandler(openViaOpaqueHelper))
	micro.RegisterHandler(o.Server(), new(Orders)) // want `wrapper openViaOpaqueHelper calls the handler without checking a credential when the credential is missing`
}
