// Package signserver publishes on the broker of its services' server:
// micro.Broker gives the service's server the broker too (v4
// options.go:84-86), so it publishes through a signing one, unless
// micro.Server installs a server of its own after it. Its services share
// go-micro's default server, every one given a signing broker.
package signserver

import (
	"app/signing"

	"go-micro.dev/v4"
	"go-micro.dev/v4/broker"
	"go-micro.dev/v4/server"
)

func serverBroker(body []byte) {
	svc := micro.NewService(micro.Name("q5"), micro.Broker(signing.WrapBroker(broker.NewBroker())))
	_ = svc.Server().Options().Broker.Publish("orders.created", &broker.Message{Body: body})
	srv := svc.Server()
	_ = srv.Options().Broker.Publish("orders.created", &broker.Message{Body: body})

	own := micro.NewService(micro.Name("q5"), micro.Broker(signing.WrapBroker(broker.NewBroker())), micro.Server(server.NewServer()))
	_ = own.Server().Options().Broker.Publish("orders.created", &broker.Message{Body: body}) // want `broker publish to topic "orders.created" carries no message signature`
	bare := server.NewServer()
	_ = bare.Options().Broker.Publish("orders.created", &broker.Message{Body: body}) // want `broker publish to topic "orders.created" carries no message signature`
}
