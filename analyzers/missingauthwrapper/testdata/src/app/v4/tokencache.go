package v4

import (
	"context"
	"errors"
	"log"
	"sync"

	"go-micro.dev/v4"
	"go-micro.dev/v4/auth"
	"go-micro.dev/v4/metadata"
	"go-micro.dev/v4/server"
)

// A cache of verified tokens, keyed by the credential and filled by the
// wrapper only after its check succeeded, lets a token it holds through:
// a sync.Map, a map behind a mutex, one a factory makes for its wrapper.

var verified sync.Map

func syncCached(next server.HandlerFunc) server.HandlerFunc { // want syncCached:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if _, ok := verified.Load(tok); ok {
			return next(ctx, req, rsp)
		}
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		verified.Store(tok, true)
		return next(ctx, req, rsp)
	}
}

var (
	seenMu sync.Mutex
	seen   = map[string]bool{}
)

func mapCached(next server.HandlerFunc) server.HandlerFunc { // want mapCached:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		seenMu.Lock()
		_, ok := seen[tok]
		seenMu.Unlock()
		if ok {
			return next(ctx, req, rsp)
		}
		acc, err := verifier.Inspect(tok)
		if err != nil || acc == nil {
			return errors.New("invalid token")
		}
		seenMu.Lock()
		seen[tok] = true
		seenMu.Unlock()
		return next(ctx, req, rsp)
	}
}

func cachedWith(p auth.Auth) server.HandlerWrapper { // want cachedWith:"makesauthwrapper"
	var good sync.Map
	return func(next server.HandlerFunc) server.HandlerFunc {
		return func(ctx context.Context, req server.Request, rsp interface{}) error {
			tok, _ := metadata.Get(ctx, "Authorization")
			if _, ok := good.Load(tok); !ok {
				if _, err := p.Inspect(tok); err != nil {
					return errors.New("invalid token")
				}
				good.Store(tok, struct{}{})
			}
			return next(ctx, req, rsp)
		}
	}
}

var (
	checkedMu sync.RWMutex
	checked   = make(map[string]bool)
)

func mapNotCached(next server.HandlerFunc) server.HandlerFunc { // want mapNotCached:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		checkedMu.RLock()
		hit := checked[tok]
		checkedMu.RUnlock()
		if hit == false {
			if _, err := verifier.Inspect(tok); err != nil {
				return errors.New("invalid token")
			}
			checkedMu.Lock()
			checked[tok] = true
			checkedMu.Unlock()
		}
		return next(ctx, req, rsp)
	}
}

// Twins: a path that skips the check when the token is not in the cache,
// a cache filled before the check, or whatever its result, one
// keyed by another header the caller sets, one another function fills.

var missed sync.Map

func cachedMissOpen(next server.HandlerFunc) server.HandlerFunc { // want cachedMissOpen:"failsopen"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if _, ok := missed.Load(tok); !ok {
			if tok == "" {
				return next(ctx, req, rsp)
			}
			if _, err := verifier.Inspect(tok); err != nil {
				return errors.New("invalid token")
			}
			missed.Store(tok, true)
		}
		return next(ctx, req, rsp)
	}
}

var early sync.Map

func syncCachedEarly(next server.HandlerFunc) server.HandlerFunc { // want syncCachedEarly:"failsopen"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if _, ok := early.Load(tok); ok {
			return next(ctx, req, rsp)
		}
		acc, err := verifier.Inspect(tok)
		early.Store(tok, acc)
		if err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

var (
	earlyMu  sync.Mutex
	earlyMap = map[string]bool{}
)

func mapCachedEarly(next server.HandlerFunc) server.HandlerFunc { // want mapCachedEarly:"failsopen"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		earlyMu.Lock()
		_, ok := earlyMap[tok]
		earlyMap[tok] = true
		earlyMu.Unlock()
		if ok {
			return next(ctx, req, rsp)
		}
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		return next(ctx, req, rsp)
	}
}

var logged sync.Map

func syncCachedLogged(next server.HandlerFunc) server.HandlerFunc { // want syncCachedLogged:"failsopen"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if tok == "" {
			return errors.New("no token")
		}
		if _, ok := logged.Load(tok); ok {
			return next(ctx, req, rsp)
		}
		if _, err := verifier.Inspect(tok); err != nil {
			log.Println("invalid token", err)
		}
		logged.Store(tok, true)
		return next(ctx, req, rsp)
	}
}

var clients sync.Map

func syncCachedClient(next server.HandlerFunc) server.HandlerFunc { // want syncCachedClient:"failsopen"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		client, _ := metadata.Get(ctx, "X-Client-Id")
		if _, ok := clients.Load(client); ok {
			return next(ctx, req, rsp)
		}
		tok, _ := metadata.Get(ctx, "Authorization")
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		clients.Store(client, true)
		return next(ctx, req, rsp)
	}
}

var warm sync.Map

// Remember fills the cache with a token nobody checked.
func Remember(tok string) { warm.Store(tok, true) }

func syncCachedWarm(next server.HandlerFunc) server.HandlerFunc { // want syncCachedWarm:"failsopen"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if _, ok := warm.Load(tok); ok {
			return next(ctx, req, rsp)
		}
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		warm.Store(tok, true)
		return next(ctx, req, rsp)
	}
}

func tokenCaches() {
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(syncCached)).Server(), new(Orders))
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(mapCached)).Server(), new(Orders))
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(cachedWith(provider))).Server(), new(Orders))
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(mapNotCached)).Server(), new(Orders))
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(cachedMissOpen)).Server(), new(Orders))   // want `wrapper cachedMissOpen calls the handler without checking a credential when the credential is missing`
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(syncCachedEarly)).Server(), new(Orders))  // want `wrapper syncCachedEarly calls the handler without checking a credential when the caller's credential is found in a cache`
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(mapCachedEarly)).Server(), new(Orders))   // want `wrapper mapCachedEarly calls the handler without checking a credential when the caller's credential is found in a cache`
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(syncCachedLogged)).Server(), new(Orders)) // want `wrapper syncCachedLogged calls the handler without checking a credential when the credential is missing`
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(syncCachedClient)).Server(), new(Orders)) // want `wrapper syncCachedClient calls the handler without checking a credential when the caller sets X-Client-Id`
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(syncCachedWarm)).Server(), new(Orders))   // want `wrapper syncCachedWarm calls the handler without checking a credential when the caller's credential is found in a cache`
}
