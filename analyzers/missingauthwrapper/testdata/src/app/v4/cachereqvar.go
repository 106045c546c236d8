package v4

import (
	"context"
	"errors"
	"sync"

	"app/authpb"

	"go-micro.dev/v4"
	"go-micro.dev/v4/metadata"
	"go-micro.dev/v4/server"
)

// A cache of verified tokens whose check is given a request built in a
// variable is keyed by the credential that request carries.

var reqVarCache sync.Map

func cachedReqVar(next server.HandlerFunc) server.HandlerFunc { // want cachedReqVar:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if _, ok := reqVarCache.Load(tok); ok {
			return next(ctx, req, rsp)
		}
		in := &authpb.ValidateRequest{Token: tok}
		res, err := authSvc.Validate(ctx, in)
		if err != nil || !res.Valid {
			return errors.New("invalid token")
		}
		reqVarCache.Store(tok, true)
		return next(ctx, req, rsp)
	}
}

var reqFieldCache sync.Map

func cachedReqField(next server.HandlerFunc) server.HandlerFunc { // want cachedReqField:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if _, ok := reqFieldCache.Load(tok); ok {
			return next(ctx, req, rsp)
		}
		in := new(authpb.ValidateRequest)
		in.Token = tok
		res, err := authSvc.Validate(ctx, in)
		if err != nil || !res.Valid {
			return errors.New("invalid token")
		}
		reqFieldCache.Store(tok, true)
		return next(ctx, req, rsp)
	}
}

// Twin: the request carries the token, the cache stores the API key.

var reqOtherCache sync.Map

func cachedReqOther(next server.HandlerFunc) server.HandlerFunc { // want cachedReqOther:"failsopen"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		key, _ := metadata.Get(ctx, "X-Api-Key")
		if _, ok := reqOtherCache.Load(key); ok {
			return next(ctx, req, rsp)
		}
		in := &authpb.ValidateRequest{Token: tok}
		res, err := authSvc.Validate(ctx, in)
		if err != nil || !res.Valid {
			return errors.New("invalid token")
		}
		reqOtherCache.Store(key, true)
		return next(ctx, req, rsp)
	}
}

func cacheReqVars() {
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(cachedReqVar)).Server(), new(Orders))
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(cachedReqField)).Server(), new(Orders))
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(cachedReqOther)).Server(), new(Orders)) // want `wrapper cachedReqOther calls the handler without checking a credential`
}
