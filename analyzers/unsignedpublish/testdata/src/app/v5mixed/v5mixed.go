// Package v5mixed installs a signing client into one service and a plain
// one into another: go-micro's default client is the one installed last,
// which may be the plain one. micro.WrapClient wraps the service's client
// only, not client.DefaultClient.
package v5mixed

import (
	"context"

	"app/v5default"

	"go-micro.dev/v5"
	"go-micro.dev/v5/client"
)

func services(ctx context.Context) error {
	_ = micro.NewService(micro.Name("a"), micro.Client(client.NewClient(client.Wrap(v5default.NewWrapper))))
	_ = micro.NewService(micro.Name("b"), micro.Client(client.NewClient()))
	_ = micro.NewService(micro.Name("c"), micro.WrapClient(v5default.NewWrapper))
	return client.Publish(ctx, client.NewMessage("orders", 1)) // want `publish to topic "orders" carries no message signature`
}
