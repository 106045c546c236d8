// Package signbrokershared gives go-micro's default client, which its v4
// services share, a signing broker and brokers that do not sign: the last
// micro.Broker applied decides, so no service of the package counts as
// publishing through a signing broker.
package signbrokershared

import (
	"context"

	"app/signing"

	"go-micro.dev/v4"
	"go-micro.dev/v4/broker"
	"go-micro.dev/v4/client"
)

type Order struct{ ID string }

func shared(ctx context.Context) {
	signed := micro.NewService(micro.Name("q2"), micro.Broker(signing.WrapBroker(broker.NewBroker())))
	_ = micro.NewEvent("orders.created", signed.Client()).Publish(ctx, &Order{}) // want `event publish to topic "orders.created" carries no message signature`

	plain := micro.NewService(micro.Name("other"), micro.Broker(broker.NewBroker()))
	_ = micro.NewEvent("orders.created", plain.Client()).Publish(ctx, &Order{}) // want `event publish to topic "orders.created" carries no message signature`
}

// Brokers that do not sign everything they publish, and a signing broker
// that a later option replaces.
func notSigning(ctx context.Context) {
	logging := micro.NewService(micro.Name("q2"), micro.Broker(signing.WrapLogging(broker.NewBroker())))
	_ = micro.NewEvent("orders.created", logging.Client()).Publish(ctx, &Order{}) // want `event publish to topic "orders.created" carries no message signature`

	maybe := micro.NewService(micro.Name("q2"), micro.Broker(signing.MaybeSigning(broker.NewBroker(), true)))
	_ = micro.NewEvent("orders.created", maybe.Client()).Publish(ctx, &Order{}) // want `event publish to topic "orders.created" carries no message signature`

	overridden := micro.NewService(micro.Name("q2"), micro.Broker(signing.WrapBroker(broker.NewBroker())))
	overridden.Init(micro.Broker(broker.NewBroker()))
	_ = micro.NewEvent("orders.created", overridden.Client()).Publish(ctx, &Order{}) // want `event publish to topic "orders.created" carries no message signature`

	clientInit := micro.NewService(micro.Name("q2"), micro.Broker(signing.WrapBroker(broker.NewBroker())))
	clientInit.Client().Init(client.Broker(broker.NewBroker()))
	_ = micro.NewEvent("orders.created", clientInit.Client()).Publish(ctx, &Order{}) // want `event publish to topic "orders.created" carries no message signature`
}

// A client given a signing broker, installed into a service whose later
// micro.Broker gives it another.
func installedClient(ctx context.Context) {
	cl := client.NewClient(client.Broker(signing.WrapBroker(broker.NewBroker())))
	_ = micro.NewService(micro.Name("q2"), micro.Client(cl), micro.Broker(broker.NewBroker()))
	_ = micro.NewEvent("orders.created", cl).Publish(ctx, &Order{}) // want `event publish to topic "orders.created" carries no message signature`
}

// go-micro's default client given a signing broker, which the services of
// the package that share it replace with theirs.
func defaultClient(ctx context.Context) {
	client.DefaultClient = client.NewClient(client.Broker(signing.WrapBroker(broker.NewBroker())))
	_ = client.Publish(ctx, client.NewMessage("orders.created", &Order{})) // want `publish to topic "orders.created" carries no message signature`
}

// The broker a service holds, published on directly, when it does not
// sign.
func optionsBroker(body []byte) {
	logging := micro.NewService(micro.Name("q3"), micro.Client(client.NewClient()), micro.Broker(signing.WrapLogging(broker.NewBroker())))
	_ = logging.Options().Broker.Publish("orders.created", &broker.Message{Body: body}) // want `broker publish to topic "orders.created" carries no message signature`
}
