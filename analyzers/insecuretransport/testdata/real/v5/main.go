package realv5

import (
	"go-micro.dev/v5"
	"go-micro.dev/v5/transport"
)

func plaintext() {
	t := transport.NewHTTPTransport()
	svc := micro.NewService(micro.Name("a"), micro.Transport(t))
	_ = svc
}
