// Package realv530 type-checks against go-micro.dev/v5 v5.30.0, where each
// service builds its own server: server.Init wraps server.DefaultServer,
// which the service does not run.
package realv530

import (
	"context"
	"errors"
	"os"

	"go-micro.dev/v5"
	"go-micro.dev/v5/auth"
	"go-micro.dev/v5/metadata"
	"go-micro.dev/v5/server"
	authw "go-micro.dev/v5/wrapper/auth"
)

type Orders struct{}

func (*Orders) Call(ctx context.Context, in, out *string) error { return nil }

func (*Orders) Place(ctx context.Context, in *string, out *string) error { return nil }

var token = os.Getenv("API_TOKEN")

func authWrapper(next server.HandlerFunc) server.HandlerFunc { // want authWrapper:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		if tok, _ := metadata.Get(ctx, "Authorization"); tok != "Bearer "+token {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}

func services() {
	server.Init(server.WrapHandler(authWrapper))
	svc := micro.New("orders")
	micro.RegisterHandler(svc.Server(), new(Orders)) // want `handler Orders registered on service orders with no authentication wrapper`
}

// A service built without micro.Auth holds auth.DefaultAuth, the no-op auth
// (service/options.go newOptions): AuthHandler given its Options().Auth
// accepts any token.
func optionsAuth(a auth.Auth) {
	svc := micro.New("orders")
	svc.Init(micro.WrapHandler(authw.AuthHandler(authw.HandlerOptions{Auth: svc.Options().Auth})))
	micro.RegisterHandler(svc.Server(), new(Orders)) // want `handler Orders registered on service orders whose handler wrappers \(authw.AuthHandler without an auth provider\) do not authenticate`

	given := micro.New("orders", micro.Auth(a))
	given.Init(micro.WrapHandler(authw.AuthHandler(authw.HandlerOptions{Auth: given.Options().Auth})))
	micro.RegisterHandler(given.Server(), new(Orders))
}

// A wrapper factory of this package given the no-op auth checks nothing.
func wrapWith(a auth.Auth) server.HandlerWrapper { // want wrapWith:"makesauthwrapper"
	return func(next server.HandlerFunc) server.HandlerFunc {
		return func(ctx context.Context, req server.Request, rsp interface{}) error {
			tok, ok := metadata.Get(ctx, "Authorization")
			if !ok {
				return errors.New("no token")
			}
			if _, err := a.Inspect(tok); err != nil {
				return errors.New("invalid token")
			}
			return next(ctx, req, rsp)
		}
	}
}

func factoryNoop(a auth.Auth) {
	s1 := micro.New("nb1", micro.WrapHandler(wrapWith(auth.NewAuth())))
	micro.RegisterHandler(s1.Server(), new(Orders)) // want `wrapper wrapWith inspects the token with go-micro's no-op auth`
	svc := micro.New("nb3")
	svc.Init(micro.WrapHandler(wrapWith(svc.Options().Auth)))
	micro.RegisterHandler(svc.Server(), new(Orders)) // want `wrapper wrapWith inspects the token with go-micro's no-op auth`

	given := micro.New("nb5", micro.Auth(a))
	given.Init(micro.WrapHandler(wrapWith(given.Options().Auth)))
	micro.RegisterHandler(given.Server(), new(Orders))
}

// AuthHandler's options are judged by every value the variable is given:
// a provider stored into its Auth field after the literal counts, and a
// declared variable whose Auth is never set verifies nothing.
func optionsVar(a auth.Auth) {
	later := authw.HandlerOptions{SkipEndpoints: []string{"Health.Check"}}
	later.Auth = a
	s1 := micro.New("later", micro.WrapHandler(authw.AuthHandler(later)))
	micro.RegisterHandler(s1.Server(), new(Orders))

	var bare authw.HandlerOptions
	bare.SkipEndpoints = []string{"Health.Check"}
	s2 := micro.New("bare", micro.WrapHandler(authw.AuthHandler(bare)))
	micro.RegisterHandler(s2.Server(), new(Orders)) // want `authw.AuthHandler without an auth provider`
}
