// Package memsvc runs its services on the in-process broker only.
package memsvc

import (
	"context"
	"os"

	"go-micro.dev/v4"
	"go-micro.dev/v4/broker"
	"go-micro.dev/v4/client"
	"go-micro.dev/v4/server"
)

type Tick struct{ N int }

// micro.Broker gives the service's client and server the broker: events
// and subscribers of a service on the in-process broker stay in it, also
// when the services share go-micro's default client and server, as long
// as every broker given to them is in-process.
func serviceInProcess(ctx context.Context) {
	svc := micro.NewService(micro.Name("clock"), micro.Broker(broker.NewMemoryBroker()))
	micro.RegisterSubscriber("tick", svc.Server(), func(ctx context.Context, t *Tick) error { return nil })
	micro.NewEvent("tick", svc.Client()).Publish(ctx, &Tick{N: 1})
	svc.Client().Publish(ctx, svc.Client().NewMessage("tick", &Tick{N: 2}))

	other := micro.NewService(micro.Name("other"), micro.Broker(broker.NewMemoryBroker()))
	micro.NewEvent("tick", other.Client()).Publish(ctx, &Tick{N: 3})
}

// The in-process broker given to the client and server a service holds
// after svc.Init installed them.
func installedFirst(ctx context.Context) {
	svc := micro.NewService(micro.Name("clock"), micro.Broker(broker.NewMemoryBroker()))
	svc.Init(micro.Server(server.NewServer()), micro.Client(client.NewClient()))
	svc.Server().Init(server.Broker(broker.NewMemoryBroker()))
	svc.Client().Init(client.Broker(broker.NewMemoryBroker()))
	micro.RegisterSubscriber("tick", svc.Server(), func(ctx context.Context, t *Tick) error { return nil })
	micro.NewEvent("tick", svc.Client()).Publish(ctx, &Tick{N: 1})
}

// An in-process broker given on every path: appended after the slice is
// built, given by svc.Init after the constructor, returned by a helper, or
// replacing on every path one that a branch gave.
func everyPath(ctx context.Context) {
	opts := []micro.Option{micro.Name("orders")}
	opts = append(opts, micro.Broker(broker.NewMemoryBroker()))
	svc := micro.NewService(opts...)
	micro.RegisterSubscriber("orders", svc.Server(), func(ctx context.Context, t *Tick) error { return nil })
	micro.NewEvent("orders", svc.Client()).Publish(ctx, &Tick{N: 1})

	later := micro.NewService(micro.Name("orders"))
	later.Init(micro.Broker(broker.NewMemoryBroker()))
	micro.NewEvent("orders", later.Client()).Publish(ctx, &Tick{N: 1})

	helped := micro.NewService(memoryOptions()...)
	micro.NewEvent("orders", helped.Client()).Publish(ctx, &Tick{N: 1})

	branch := []micro.Option{micro.Name("orders")}
	if os.Getenv("LOCAL_DEV") != "" {
		branch = append(branch, micro.Broker(broker.NewMemoryBroker()))
	}
	branch = append(branch, micro.Broker(broker.NewMemoryBroker()))
	overridden := micro.NewService(branch...)
	micro.NewEvent("orders", overridden.Client()).Publish(ctx, &Tick{N: 1})
}

// memoryOptions always gives the in-process broker.
func memoryOptions() []micro.Option {
	return []micro.Option{micro.Name("orders"), micro.Broker(broker.NewMemoryBroker())}
}
