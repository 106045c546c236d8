package flags

import (
	"go-micro.dev/v4"
	"go-micro.dev/v4/server"
)

type Status struct{}

type Orders struct{}

type Health struct{}

// Gate is trusted through -trusted.
func Gate(next server.HandlerFunc) server.HandlerFunc { return next }

func services() {
	svc := micro.NewService(micro.WrapHandler(Gate))
	micro.RegisterHandler(svc.Server(), new(Orders))

	bare := micro.NewService()
	micro.RegisterHandler(bare.Server(), new(Status))
	micro.RegisterHandler(bare.Server(), new(Health)) // want `handler Health registered on a service with no authentication wrapper`
}
