package defaultsrvok

import (
	"app/authmw"

	"go-micro.dev/v4/auth"
	"go-micro.dev/v4/server"
)

type Orders struct{}

func register() {
	server.Init(server.WrapHandler(authmw.New(auth.NewAuth())))
	server.Handle(server.NewHandler(new(Orders)))
}
