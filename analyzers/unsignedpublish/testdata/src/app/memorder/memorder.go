// Package memorder has a service whose in-process broker is lost: no other
// service of the package shares go-micro's default client and server.
package memorder

import (
	"context"
	"os"

	"go-micro.dev/v4"
	"go-micro.dev/v4/broker"
	"go-micro.dev/v4/client"
	"go-micro.dev/v4/server"
)

type Tick struct{ N int }

// Options take effect in the order they are applied: the in-process broker
// went to the client and server that the later svc.Init replaced, and the
// new ones use go-micro's default HTTP broker.
func swapped(ctx context.Context) {
	svc := micro.NewService(micro.Name("clock"))
	svc.Server().Init(server.Broker(broker.NewMemoryBroker()))
	svc.Client().Init(client.Broker(broker.NewMemoryBroker()))
	svc.Init(micro.Server(server.NewServer()), micro.Client(client.NewClient()))
	micro.RegisterSubscriber("tick", svc.Server(), func(ctx context.Context, t *Tick) error { return nil }) // want `subscriber on topic "tick" never verifies a message signature`
	micro.NewEvent("tick", svc.Client()).Publish(ctx, &Tick{N: 1})                                          // want `event publish to topic "tick" carries no message signature`
}

// A broker given on some paths only: on the others, the service keeps
// go-micro's default HTTP broker, so its events and subscribers leave the
// process.
func devOnly(ctx context.Context) {
	opts := []micro.Option{micro.Name("orders")}
	if os.Getenv("LOCAL_DEV") != "" {
		opts = append(opts, micro.Broker(broker.NewMemoryBroker()))
	}
	svc := micro.NewService(opts...)
	micro.RegisterSubscriber("orders", svc.Server(), func(ctx context.Context, t *Tick) error { return nil }) // want `subscriber on topic "orders" never verifies a message signature`
	micro.NewEvent("orders", svc.Client()).Publish(ctx, &Tick{N: 1})                                          // want `event publish to topic "orders" carries no message signature`
	svc.Client().Publish(ctx, svc.Client().NewMessage("orders", &Tick{N: 2}))                                 // want `publish to topic "orders" carries no message signature`
}

// The same through svc.Init and through a helper's slice, each applied
// on some paths only.
func devOnlyInit(ctx context.Context) {
	svc := micro.NewService(micro.Name("orders"))
	if os.Getenv("LOCAL_DEV") != "" {
		svc.Init(micro.Broker(broker.NewMemoryBroker()))
	}
	micro.NewEvent("orders", svc.Client()).Publish(ctx, &Tick{N: 1}) // want `event publish to topic "orders" carries no message signature`

	other := micro.NewService(localOptions()...)
	micro.NewEvent("orders", other.Client()).Publish(ctx, &Tick{N: 1}) // want `event publish to topic "orders" carries no message signature`
}

// localOptions gives the in-process broker only in development.
func localOptions() []micro.Option {
	if os.Getenv("LOCAL_DEV") != "" {
		return []micro.Option{micro.Name("orders"), micro.Broker(broker.NewMemoryBroker())}
	}
	return []micro.Option{micro.Name("orders")}
}

// A client given the in-process broker, installed into a service whose
// later micro.Broker gives it go-micro's HTTP broker.
func installedClient(ctx context.Context) {
	cl := client.NewClient(client.Broker(broker.NewMemoryBroker()))
	_ = micro.NewService(micro.Name("clock"), micro.Client(cl), micro.Broker(broker.NewBroker()))
	micro.NewEvent("tick", cl).Publish(ctx, &Tick{N: 1}) // want `event publish to topic "tick" carries no message signature`
}
