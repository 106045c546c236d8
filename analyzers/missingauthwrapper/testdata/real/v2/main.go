// Package realv2 type-checks against github.com/micro/go-micro/v2 v2.9.1,
// whose NewService installs an auth wrapper that the no-op auth defeats.
package realv2

import (
	"context"

	"github.com/micro/go-micro/v2"
	"github.com/micro/go-micro/v2/auth/jwt"
)

type Greeter struct{}

func (*Greeter) Call(ctx context.Context, in, out *string) error { return nil }

func (*Greeter) Hello(ctx context.Context, in *string, out *string) error { return nil }

func noop() {
	svc := micro.NewService(micro.Name("greeter"))
	micro.RegisterHandler(svc.Server(), new(Greeter)) // want `built-in auth wrapper uses the no-op auth`
}

func withJWT() {
	svc := micro.NewService(micro.Name("greeter"), micro.Auth(jwt.NewAuth()))
	micro.RegisterHandler(svc.Server(), new(Greeter))
}
