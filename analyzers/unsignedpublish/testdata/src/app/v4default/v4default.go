// Package v4default gives a v4 service a signing client: micro.Client only
// stores it (v4 options.go:103-107), so publishes on go-micro's default
// client stay unsigned (app/v4assigned replaces that client).
package v4default

import (
	"context"

	"app/signing"

	"go-micro.dev/v4"
	"go-micro.dev/v4/client"
)

func installed(ctx context.Context) error {
	_ = micro.NewService(micro.Name("x"), micro.Client(client.NewClient(client.Wrap(signing.NewWrapper()))))
	return client.Publish(ctx, client.NewMessage("orders", 1)) // want `publish to topic "orders" carries no message signature`
}
