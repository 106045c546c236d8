package defaultsrv

import (
	"context"

	"go-micro.dev/v4/server"
)

type Orders struct{}

func (*Orders) Call(ctx context.Context, in, out *string) error { return nil }

func register() {
	server.Handle(server.NewHandler(new(Orders))) // want `handler Orders registered on the default server with no authentication wrapper; add server.Init\(server.WrapHandler\(yourAuthWrapper\)\)`
}
