package v4

import (
	"context"
	"errors"

	"go-micro.dev/v4"
	"go-micro.dev/v4/metadata"
	"go-micro.dev/v4/server"
)

// A check joined with && to a condition the caller controls runs only
// when that condition holds: without the header, the request goes on
// unchecked. x/tools' cfg keeps the whole condition in one node, so the
// rule splits it.

func openAndOk(next server.HandlerFunc) server.HandlerFunc { // want openAndOk:"failsopen"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		v, ok := metadata.Get(ctx, "Authorization")
		if ok && v != apiToken {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}

func openAndEmpty(next server.HandlerFunc) server.HandlerFunc { // want openAndEmpty:"failsopen"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		v, _ := metadata.Get(ctx, "Authorization")
		if v != "" && v != apiToken {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}

func openAndHeader(next server.HandlerFunc) server.HandlerFunc { // want openAndHeader:"failsopen"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		if req.Header()["Authorization"] != "" && req.Header()["Authorization"] != expected {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}

// Twins: || fails the request when the credential is missing, and a
// check in the first operand of && runs on every path.

func closedOrOk(next server.HandlerFunc) server.HandlerFunc { // want closedOrOk:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		v, ok := metadata.Get(ctx, "Authorization")
		if !ok || v != apiToken {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}

func closedOrEmpty(next server.HandlerFunc) server.HandlerFunc { // want closedOrEmpty:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		if req.Header()["Authorization"] == "" || req.Header()["Authorization"] != expected {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}

func closedCheckFirst(next server.HandlerFunc) server.HandlerFunc { // want closedCheckFirst:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		v, ok := metadata.Get(ctx, "Authorization")
		if v != apiToken && ok {
			return errors.New("unauthorized")
		}
		if !ok {
			return errors.New("no token")
		}
		return next(ctx, req, rsp)
	}
}

func failOpenAnd() {
	a := micro.NewService(micro.Name("x"), micro.WrapHandler(openAndOk))
	micro.RegisterHandler(a.Server(), new(Orders)) // want `wrapper openAndOk calls the handler without checking a credential when the credential is missing`
	b := micro.NewService(micro.Name("x"), micro.WrapHandler(openAndEmpty))
	micro.RegisterHandler(b.Server(), new(Orders)) // want `wrapper openAndEmpty calls the handler without checking a credential when the credential is missing`
	c := micro.NewService(micro.Name("x"), micro.WrapHandler(openAndHeader))
	micro.RegisterHandler(c.Server(), new(Orders)) // want `wrapper openAndHeader calls the handler without checking a credential when the credential is missing`

	micro.RegisterHandler(micro.NewService(micro.WrapHandler(closedOrOk)).Server(), new(Orders))
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(closedOrEmpty)).Server(), new(Orders))
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(closedCheckFirst)).Server(), new(Orders))
}
