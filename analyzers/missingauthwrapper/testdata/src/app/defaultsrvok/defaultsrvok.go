package defaultsrvok

import (
	"context"

	"app/authmw"

	"go-micro.dev/v4/auth"
	"go-micro.dev/v4/server"
)

type Orders struct{}

func (*Orders) Call(ctx context.Context, in, out *string) error { return nil }

func register() {
	server.Init(server.WrapHandler(authmw.New(auth.NewAuth())))
	server.Handle(server.NewHandler(new(Orders)))
}
