package v4

import (
	"context"
	"errors"

	"go-micro.dev/v4"
	"go-micro.dev/v4/metadata"
	"go-micro.dev/v4/server"
)

// What the caller sends, read by ranging over the metadata or kept in a
// struct field, chooses a path as much as a variable does.

func openRangeMetadata(next server.HandlerFunc) server.HandlerFunc { // want openRangeMetadata:"failsopen"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		md, _ := metadata.FromContext(ctx)
		for k, v := range md {
			if k == "X-Internal" && v == "1" {
				return next(ctx, req, rsp)
			}
		}
		if _, err := verifier.Inspect(md["Authorization"]); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

type callCreds struct{ tok string }

func openField(next server.HandlerFunc) server.HandlerFunc { // want openField:"failsopen"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		var c callCreds
		c.tok, _ = metadata.Get(ctx, "Authorization")
		if c.tok == "" {
			return next(ctx, req, rsp)
		}
		if _, err := verifier.Inspect(c.tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

// Twins: the header read in the loop fails the request, and so does an
// empty field.

func closedRangeMetadata(next server.HandlerFunc) server.HandlerFunc { // want closedRangeMetadata:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		md, _ := metadata.FromContext(ctx)
		for k := range md {
			if k == "X-Internal" {
				return errors.New("internal calls use another port")
			}
		}
		if _, err := verifier.Inspect(md["Authorization"]); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

func closedField(next server.HandlerFunc) server.HandlerFunc { // want closedField:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		var c callCreds
		c.tok, _ = metadata.Get(ctx, "Authorization")
		if c.tok == "" {
			return errors.New("no token")
		}
		if _, err := verifier.Inspect(c.tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

func failOpenMore() {
	r := micro.NewService(micro.Name("x"), micro.WrapHandler(openRangeMetadata))
	micro.RegisterHandler(r.Server(), new(Orders)) // want `wrapper openRangeMetadata calls the handler without checking a credential when the caller sets a header`
	f := micro.NewService(micro.Name("x"), micro.WrapHandler(openField))
	micro.RegisterHandler(f.Server(), new(Orders)) // want `wrapper openField calls the handler without checking a credential when the credential is missing`

	micro.RegisterHandler(micro.NewService(micro.WrapHandler(closedRangeMetadata)).Server(), new(Orders))
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(closedField)).Server(), new(Orders))
}
