package v4

import (
	"context"
	"errors"
	"strings"
	"sync"

	"go-micro.dev/v4"
	"go-micro.dev/v4/metadata"
	"go-micro.dev/v4/server"
)

// A bypass taken for a credential of some form, or found in a cache
// keyed by part of it, is not one taken when the credential is missing:
// the message says which.

func openOnPrefix(next server.HandlerFunc) server.HandlerFunc { // want openOnPrefix:"failsopen"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if strings.HasPrefix(tok, "svc_") {
			return next(ctx, req, rsp)
		}
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

var truncatedCache sync.Map

func openOnTruncatedKey(next server.HandlerFunc) server.HandlerFunc { // want openOnTruncatedKey:"failsopen"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if len(tok) < 16 {
			return errors.New("missing token")
		}
		key := tok[:16]
		if _, ok := truncatedCache.Load(key); ok {
			return next(ctx, req, rsp)
		}
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		truncatedCache.Store(key, true)
		return next(ctx, req, rsp)
	}
}

func openForms() {
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(openOnPrefix)).Server(), new(Orders))       // want `wrapper openOnPrefix calls the handler without checking a credential when the caller's credential has a form the wrapper lets through unchecked`
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(openOnTruncatedKey)).Server(), new(Orders)) // want `wrapper openOnTruncatedKey calls the handler without checking a credential when the caller's credential is found in a cache`
}
