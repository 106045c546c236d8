package v2

import (
	"context"

	"github.com/micro/go-micro/v2"
	"github.com/micro/go-micro/v2/auth"
	"github.com/micro/go-micro/v2/auth/jwt"
	"github.com/micro/go-micro/v2/server"
)

type Greeter struct{}

func (*Greeter) Call(ctx context.Context, in, out *string) error { return nil }

func noop() {
	svc := micro.NewService(micro.Name("greeter"))
	micro.RegisterHandler(svc.Server(), new(Greeter)) // want `handler Greeter registered on service greeter whose built-in auth wrapper uses the no-op auth, which accepts every request`
}

func explicitNoop() {
	svc := micro.NewService(micro.Name("greeter"), micro.Auth(auth.NewAuth()))
	micro.RegisterHandler(svc.Server(), new(Greeter)) // want `built-in auth wrapper uses the no-op auth`
}

func jwtAuth() {
	svc := micro.NewService(micro.Name("greeter"), micro.Auth(jwt.NewAuth()))
	micro.RegisterHandler(svc.Server(), new(Greeter))
}

func function() {
	fn := micro.NewFunction(micro.Name("fn"), micro.Auth(jwt.NewAuth()))
	fn.Handle(new(Greeter))
	bare := micro.NewFunction(micro.Name("fn"))
	bare.Handle(new(Greeter)) // want `handler Greeter registered on service fn whose built-in auth wrapper`
}

func bareServer() {
	srv := server.NewServer()
	srv.Handle(srv.NewHandler(new(Greeter))) // want `handler Greeter registered on a server with no authentication wrapper`
}
