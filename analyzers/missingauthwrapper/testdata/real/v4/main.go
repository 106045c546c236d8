// Package realv4 type-checks against go-micro.dev/v4 v4.10.2 itself.
package realv4

import (
	"context"
	"errors"
	"os"

	"go-micro.dev/v4"
	"go-micro.dev/v4/auth"
	"go-micro.dev/v4/metadata"
	"go-micro.dev/v4/server"
)

type Orders struct{}

func (*Orders) Call(ctx context.Context, in, out *string) error { return nil }

func (*Orders) Place(ctx context.Context, in *string, out *string) error { return nil }

func authWrapper(a auth.Auth) server.HandlerWrapper { // want authWrapper:"makesauthwrapper"
	return func(next server.HandlerFunc) server.HandlerFunc {
		return func(ctx context.Context, req server.Request, rsp interface{}) error {
			tok, _ := metadata.Get(ctx, "Authorization")
			if _, err := a.Inspect(tok); err != nil {
				return errors.New("unauthorized")
			}
			return next(ctx, req, rsp)
		}
	}
}

// req.Header() holds the transport headers the rpc server also copies into
// the context metadata.
func headerWrapper(next server.HandlerFunc) server.HandlerFunc { // want headerWrapper:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		if req.Header()["Authorization"] != "Bearer "+os.Getenv("SERVICE_TOKEN") {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}

func headerPresent(next server.HandlerFunc) server.HandlerFunc {
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		if req.Header()["Authorization"] == "" {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}

func headers() {
	svc := micro.NewService(micro.Name("orders"), micro.WrapHandler(headerWrapper))
	micro.RegisterHandler(svc.Server(), new(Orders))
	weak := micro.NewService(micro.Name("orders"), micro.WrapHandler(headerPresent))
	micro.RegisterHandler(weak.Server(), new(Orders)) // want `handler Orders registered on service orders whose handler wrappers \(headerPresent\) do not authenticate`
}

// openWrapper inspects a token only when the caller sends one.
func openWrapper(a auth.Auth) server.HandlerWrapper { // want openWrapper:"failsopen"
	return func(next server.HandlerFunc) server.HandlerFunc {
		return func(ctx context.Context, req server.Request, rsp interface{}) error {
			if tok, ok := metadata.Get(ctx, "Authorization"); ok {
				if _, err := a.Inspect(tok); err != nil {
					return errors.New("unauthorized")
				}
			}
			return next(ctx, req, rsp)
		}
	}
}

// skipWrapper lets the health check through, and inspects the token of
// every other call.
func skipWrapper(a auth.Auth) server.HandlerWrapper { // want skipWrapper:"makesauthwrapper"
	return func(next server.HandlerFunc) server.HandlerFunc {
		return func(ctx context.Context, req server.Request, rsp interface{}) error {
			if req.Endpoint() == "Health.Check" {
				return next(ctx, req, rsp)
			}
			tok, _ := metadata.Get(ctx, "Authorization")
			if _, err := a.Inspect(tok); err != nil {
				return errors.New("unauthorized")
			}
			return next(ctx, req, rsp)
		}
	}
}

func failOpen(a auth.Auth) {
	open := micro.NewService(micro.Name("orders"), micro.WrapHandler(openWrapper(a)))
	micro.RegisterHandler(open.Server(), new(Orders)) // want `handler Orders registered on service orders whose handler wrapper openWrapper calls the handler without checking a credential when the credential is missing`
	skip := micro.NewService(micro.Name("orders"), micro.WrapHandler(skipWrapper(a)))
	micro.RegisterHandler(skip.Server(), new(Orders))
}

// noopAuth is go-micro's no-op auth: its Inspect accepts any token.
var noopAuth = auth.NewAuth()

func noopWrapper(next server.HandlerFunc) server.HandlerFunc { // want noopWrapper:"noopauth"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if _, err := noopAuth.Inspect(tok); err != nil {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}

func noop(a auth.Auth) {
	svc := micro.NewService(micro.Name("orders"), micro.WrapHandler(noopWrapper))
	micro.RegisterHandler(svc.Server(), new(Orders)) // want `handler Orders registered on service orders whose handler wrapper noopWrapper inspects the token with go-micro's no-op auth`
	given := micro.NewService(micro.Name("orders"), micro.WrapHandler(authWrapper(a)))
	micro.RegisterHandler(given.Server(), new(Orders))
}

func bare() {
	svc := micro.NewService(micro.Name("shop.orders"))
	micro.RegisterHandler(svc.Server(), new(Orders)) // want `handler Orders registered on service shop.orders with no authentication wrapper`
}

func guarded(a auth.Auth) {
	svc := micro.NewService(micro.Name("shop.orders"), micro.WrapHandler(authWrapper(a)))
	micro.RegisterHandler(svc.Server(), new(Orders))
}

func handleOption(a auth.Auth) {
	micro.NewService(micro.Handle(new(Orders))) // want `handler Orders registered on a service with no authentication wrapper`
	micro.NewService(micro.Handle(new(Orders)), micro.WrapHandler(authWrapper(a)))
}

func ownServer(a auth.Auth) {
	srv := server.NewServer(server.Name("inventory"))
	srv.Handle(srv.NewHandler(new(Orders))) // want `handler Orders registered on server inventory with no authentication wrapper`
	safe := server.NewServer(server.WrapHandler(authWrapper(a)))
	safe.Handle(safe.NewHandler(new(Orders)))
}
