package v4

import (
	"context"
	"errors"
	"sync"

	"go-micro.dev/v4"
	"go-micro.dev/v4/metadata"
	"go-micro.dev/v4/server"
)

// A cache held in a field of the wrapper, which a keyed struct literal
// gives a new empty map, starts empty: a lookup in it after the wrapper
// filled it once a check succeeded is a check.

type fieldCache struct {
	mu   sync.Mutex
	seen map[string]struct{}
}

func newFieldCache() *fieldCache { return &fieldCache{seen: make(map[string]struct{})} }

func (a *fieldCache) Wrap(next server.HandlerFunc) server.HandlerFunc { // want Wrap:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		a.mu.Lock()
		_, ok := a.seen[tok]
		a.mu.Unlock()
		if ok {
			return next(ctx, req, rsp)
		}
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		a.mu.Lock()
		a.seen[tok] = struct{}{}
		a.mu.Unlock()
		return next(ctx, req, rsp)
	}
}

// Twin: a literal that seeds the cache with a token nobody verified.

type seededCache struct {
	mu   sync.Mutex
	seen map[string]bool
}

func (a *seededCache) Check(next server.HandlerFunc) server.HandlerFunc { // want Check:"failsopen"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		a.mu.Lock()
		ok := a.seen[tok]
		a.mu.Unlock()
		if ok {
			return next(ctx, req, rsp)
		}
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		a.mu.Lock()
		a.seen[tok] = true
		a.mu.Unlock()
		return next(ctx, req, rsp)
	}
}

func fieldCaches() {
	fc := newFieldCache()
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(fc.Wrap)).Server(), new(Orders))
	sc := &seededCache{seen: map[string]bool{"ops-token": true}}
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(sc.Check)).Server(), new(Orders)) // want `wrapper sc.Check calls the handler without checking a credential when the caller's credential is found in a cache`
}
