package realv4

import (

	"go-micro.dev/v4"
	"go-micro.dev/v4/transport"
)

func plaintext() {
	t := transport.NewHTTPTransport()
	svc := micro.NewService(micro.Name("a"), micro.Transport(t))
	_ = svc
}
