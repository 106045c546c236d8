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

// Services given a broker that leaves the process, or that lose the
// in-process one micro.Broker gave them (app/memsvc has those that keep it).
func serviceInProcess(ctx context.Context) {
	net := micro.NewService(micro.Name("clock"), micro.Broker(broker.NewBroker()))
	micro.RegisterSubscriber("tick", net.Server(), func(ctx context.Context, t *Tick) error { return nil }) // want `subscriber on topic "tick" never verifies a message signature`
	micro.NewEvent("tick", net.Client()).Publish(ctx, &Tick{N: 1})                                          // want `event publish to topic "tick" carries no message signature`

	late := micro.NewService(micro.Broker(broker.NewMemoryBroker()), micro.Server(server.NewServer()), micro.Client(client.NewClient()))
	micro.RegisterSubscriber("tick", late.Server(), func(ctx context.Context, t *Tick) error { return nil }) // want `subscriber on topic "tick" never verifies a message signature`
	micro.NewEvent("tick", late.Client()).Publish(ctx, &Tick{N: 1})                                          // want `event publish to topic "tick" carries no message signature`

	reset := micro.NewService(micro.Name("clock"), micro.Broker(broker.NewMemoryBroker()))
	reset.Server().Init(server.Broker(broker.NewBroker()))
	reset.Client().Init(client.Broker(broker.NewBroker()))
	micro.RegisterSubscriber("tick", reset.Server(), func(ctx context.Context, t *Tick) error { return nil }) // want `subscriber on topic "tick" never verifies a message signature`
	micro.NewEvent("tick", reset.Client()).Publish(ctx, &Tick{N: 1})                                          // want `event publish to topic "tick" carries no message signature`

	dflt := micro.NewService(micro.Name("clock"))
	micro.NewEvent("tick", dflt.Client()).Publish(ctx, &Tick{N: 1}) // want `event publish to topic "tick" carries no message signature`
}

// Services up to v5.16 share client.DefaultClient and server.DefaultServer,
// which each micro.Broker gives its broker: the last one applied wins.
func sharedDefaults(ctx context.Context) {
	mem := micro.NewService(micro.Name("mem"), micro.Broker(broker.NewMemoryBroker()))
	micro.NewService(micro.Name("net"), micro.Broker(broker.NewBroker()))
	micro.NewEvent("tick", mem.Client()).Publish(ctx, &Tick{N: 1})                                          // want `event publish to topic "tick" carries no message signature`
	micro.RegisterSubscriber("tick", mem.Server(), func(ctx context.Context, t *Tick) error { return nil }) // want `subscriber on topic "tick" never verifies a message signature`
}
