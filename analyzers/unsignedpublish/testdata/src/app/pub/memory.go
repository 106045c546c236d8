package pub

import (
	"context"

	"go-micro.dev/v4"
	"go-micro.dev/v4/broker"
	"go-micro.dev/v4/client"
	"go-micro.dev/v4/server"
)

// An in-process broker carries nothing out of the process.
func inProcess(body []byte) {
	b := broker.NewMemoryBroker()
	b.Subscribe("jobs", func(e broker.Event) error { return nil })
	b.Publish("jobs", &broker.Message{Body: body})
	n := broker.NewBroker()
	n.Subscribe("jobs", func(e broker.Event) error { return nil }) // want `subscriber on topic "jobs" never verifies a message signature`
	n.Publish("jobs", &broker.Message{Body: body})                 // want `broker publish to topic "jobs" carries no message signature`
}

type Tick struct{ N int }

// micro.Broker gives the service's client and server the broker: events
// and subscribers of a service on the in-process broker stay in it.
func serviceInProcess(ctx context.Context) {
	svc := micro.NewService(micro.Name("clock"), micro.Broker(broker.NewMemoryBroker()))
	micro.RegisterSubscriber("tick", svc.Server(), func(ctx context.Context, t *Tick) error { return nil })
	micro.NewEvent("tick", svc.Client()).Publish(ctx, &Tick{N: 1})
	svc.Client().Publish(ctx, svc.Client().NewMessage("tick", &Tick{N: 2}))

	net := micro.NewService(micro.Name("clock"), micro.Broker(broker.NewBroker()))
	micro.RegisterSubscriber("tick", net.Server(), func(ctx context.Context, t *Tick) error { return nil }) // want `subscriber on topic "tick" never verifies a message signature`
	micro.NewEvent("tick", net.Client()).Publish(ctx, &Tick{N: 1})                                          // want `event publish to topic "tick" carries no message signature`

	late := micro.NewService(micro.Broker(broker.NewMemoryBroker()), micro.Server(server.NewServer()), micro.Client(client.NewClient()))
	micro.RegisterSubscriber("tick", late.Server(), func(ctx context.Context, t *Tick) error { return nil }) // want `subscriber on topic "tick" never verifies a message signature`
	micro.NewEvent("tick", late.Client()).Publish(ctx, &Tick{N: 1})                                          // want `event publish to topic "tick" carries no message signature`

	dflt := micro.NewService(micro.Name("clock"))
	micro.NewEvent("tick", dflt.Client()).Publish(ctx, &Tick{N: 1}) // want `event publish to topic "tick" carries no message signature`
}
