package v6

import (
	"context"

	"go-micro.dev/v6"
	"go-micro.dev/v6/auth"
	"go-micro.dev/v6/auth/jwt"
	"go-micro.dev/v6/auth/noop"
	wauth "go-micro.dev/v6/wrapper/auth"
)

type Orders struct{}

func (*Orders) Call(ctx context.Context, in, out *string) error { return nil }

func services() {
	bare := micro.NewService("v6.orders")
	bare.Handle(new(Orders)) // want `handler Orders registered on service v6.orders with no authentication wrapper`

	provider := jwt.NewAuth()
	ok := micro.NewService("v6.orders", micro.WrapHandler(wauth.AuthHandler(wauth.AuthRequired(provider, jwt.NewRules()))))
	ok.Handle(new(Orders))

	lit := micro.NewService("v6.lit", micro.WrapHandler(wauth.AuthHandler(wauth.HandlerOptions{Auth: jwt.NewAuth()})))
	lit.Handle(new(Orders))

	noProvider := micro.NewService("v6.none", micro.WrapHandler(wauth.AuthHandler(wauth.HandlerOptions{})))
	noProvider.Handle(new(Orders)) // want `whose handler wrappers \(wauth.AuthHandler without an auth provider\) do not authenticate`

	noopProvider := micro.NewService("v6.noop", micro.WrapHandler(wauth.AuthHandler(wauth.AuthRequired(noop.NewAuth(), nil))))
	noopProvider.Handle(new(Orders)) // want `wauth.AuthHandler without an auth provider`

	defaultProvider := micro.NewService("v6.default", micro.WrapHandler(wauth.AuthHandler(wauth.HandlerOptions{Auth: auth.DefaultAuth})))
	defaultProvider.Handle(new(Orders)) // want `wauth.AuthHandler without an auth provider`

	// This package links auth/jwt in, which registers itself for the
	// MICRO_AUTH flag: the provider a service parses from its flags may
	// be a real one.
	flagged := micro.NewService("v6.flagged")
	flagged.Init(micro.WrapHandler(wauth.AuthHandler(wauth.HandlerOptions{Auth: flagged.Options().Auth})))
	flagged.Handle(new(Orders))

	optional := micro.NewService("v6.optional", micro.WrapHandler(wauth.AuthOptional(provider)))
	optional.Handle(new(Orders)) // want `whose handler wrappers \(wauth.AuthOptional\) do not authenticate`
}
