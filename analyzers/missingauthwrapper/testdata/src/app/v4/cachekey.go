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

// A cache of verified tokens must be keyed by the credential the check
// was given: storing the X-Api-Key the caller also sent, after checking
// its Authorization token, lets that key in unchecked next time.

var otherKeyCache sync.Map

func cachedOtherKey(next server.HandlerFunc) server.HandlerFunc { // want cachedOtherKey:"failsopen"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		key, _ := metadata.Get(ctx, "X-Api-Key")
		if _, ok := otherKeyCache.Load(key); ok {
			return next(ctx, req, rsp)
		}
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		otherKeyCache.Store(key, true)
		return next(ctx, req, rsp)
	}
}

// Twin: the cache keyed by the token, the check given the token cut from
// its scheme.

var sameKeyCache sync.Map

func cachedSameKey(next server.HandlerFunc) server.HandlerFunc { // want cachedSameKey:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if _, ok := sameKeyCache.Load(tok); ok {
			return next(ctx, req, rsp)
		}
		bare := strings.TrimPrefix(tok, "Bearer ")
		if _, err := verifier.Inspect(bare); err != nil {
			return errors.New("invalid token")
		}
		sameKeyCache.Store(tok, true)
		return next(ctx, req, rsp)
	}
}

func cacheKeys() {
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(cachedOtherKey)).Server(), new(Orders)) // want `wrapper cachedOtherKey calls the handler without checking a credential when the caller's credential is found in a cache`
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(cachedSameKey)).Server(), new(Orders))
}
