package v4

import (
	"context"
	"encoding/json"
	"errors"
	"log"
	"sync"

	"app/authpb"

	"go-micro.dev/v4"
	"go-micro.dev/v4/metadata"
	"go-micro.dev/v4/server"
)

// The if deciding on a check must read what the check returned, not a
// variable given something else since: err reused for json.Marshal, the
// ok of a cache lookup reused for a header.

func errReused(next server.HandlerFunc) server.HandlerFunc {
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		res, err := authSvc.Validate(ctx, &authpb.ValidateRequest{Token: tok})
		if err != nil || !res.Valid {
			log.Println("would reject: invalid token")
		}
		b, err := json.Marshal(rsp)
		if err != nil {
			return errors.New("bad body")
		}
		log.Printf("body %s", b)
		return next(ctx, req, rsp)
	}
}

var okReusedCache sync.Map

func okReused(next server.HandlerFunc) server.HandlerFunc { // want okReused:"failsopen"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		_, ok := okReusedCache.Load(tok)
		if ok {
			return next(ctx, req, rsp)
		}
		var internal string
		internal, ok = metadata.Get(ctx, "X-Internal")
		if ok && internal == "true" {
			return next(ctx, req, rsp)
		}
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		okReusedCache.Store(tok, true)
		return next(ctx, req, rsp)
	}
}

// Twins: the check's error read first, and the header in its own
// variable (still reported: it opens on X-Internal, not on a cache hit).

func errReadFirst(next server.HandlerFunc) server.HandlerFunc { // want errReadFirst:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		res, err := authSvc.Validate(ctx, &authpb.ValidateRequest{Token: tok})
		if err != nil || !res.Valid {
			return errors.New("invalid token")
		}
		b, err := json.Marshal(rsp)
		if err != nil {
			return errors.New("bad body")
		}
		log.Printf("body %s", b)
		return next(ctx, req, rsp)
	}
}

var okFreshCache sync.Map

func okFresh(next server.HandlerFunc) server.HandlerFunc { // want okFresh:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		_, ok := okFreshCache.Load(tok)
		if ok {
			return next(ctx, req, rsp)
		}
		internal, _ := metadata.Get(ctx, "X-Internal")
		if internal == "true" {
			return errors.New("internal calls use another port")
		}
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		okFreshCache.Store(tok, true)
		return next(ctx, req, rsp)
	}
}

var okDeclaredCache sync.Map

func okDeclared(next server.HandlerFunc) server.HandlerFunc { // want okDeclared:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		var ok bool
		_, ok = okDeclaredCache.Load(tok)
		if ok {
			return next(ctx, req, rsp)
		}
		if _, err := verifier.Inspect(tok); err != nil {
			return errors.New("invalid token")
		}
		okDeclaredCache.Store(tok, true)
		return next(ctx, req, rsp)
	}
}

func reassignedResults() {
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(errReused)).Server(), new(Orders)) // want `wrappers \(errReused\) do not authenticate`
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(okReused)).Server(), new(Orders))  // want `wrapper okReused calls the handler without checking a credential when the caller sets X-Internal`
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(errReadFirst)).Server(), new(Orders))
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(okFresh)).Server(), new(Orders))
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(okDeclared)).Server(), new(Orders))
}
