package realv2

import (
	"github.com/micro/go-micro/v2"
	"github.com/micro/go-micro/v2/transport"
)

func plaintext() {
	t := transport.NewTransport()
	svc := micro.NewService(micro.Name("a"), micro.Transport(t))
	_ = svc
}
