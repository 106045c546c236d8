package defaultsrv

import "go-micro.dev/v4/server"

type Orders struct{}

func register() {
	server.Handle(server.NewHandler(new(Orders))) // want `handler Orders registered on the default server with no authentication wrapper; add server.Init\(server.WrapHandler\(yourAuthWrapper\)\)`
}
