// Package memorder has a service whose in-process broker is lost: no other
// service of the package shares go-micro's default client and server.
package memorder

import (
	"context"

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
