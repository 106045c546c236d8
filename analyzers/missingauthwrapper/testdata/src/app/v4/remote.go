package v4

import (
	"context"
	"errors"
	"strings"

	"go-micro.dev/v4"
	"go-micro.dev/v4/metadata"
	"go-micro.dev/v4/server"
)

// The rpc server sets the Remote and Local metadata from the connection,
// over what the caller sent: an address allow-list is the operator's, not
// a header the caller sets. Another header that looks like an address is.

func remoteAllowed(next server.HandlerFunc) server.HandlerFunc { // want remoteAllowed:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		if remote, _ := metadata.Get(ctx, "Remote"); strings.HasPrefix(remote, "10.0.") {
			return next(ctx, req, rsp)
		}
		tok, _ := metadata.Get(ctx, "Authorization")
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

func forwardedAllowed(next server.HandlerFunc) server.HandlerFunc { // want forwardedAllowed:"failsopen"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		if fwd, _ := metadata.Get(ctx, "X-Forwarded-For"); strings.HasPrefix(fwd, "10.0.") {
			return next(ctx, req, rsp)
		}
		tok, _ := metadata.Get(ctx, "Authorization")
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

func remoteServices() {
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(remoteAllowed)).Server(), new(Orders))
	f := micro.NewService(micro.WrapHandler(forwardedAllowed))
	micro.RegisterHandler(f.Server(), new(Orders)) // want `wrapper forwardedAllowed calls the handler without checking a credential when the caller sets X-Forwarded-For`
}
