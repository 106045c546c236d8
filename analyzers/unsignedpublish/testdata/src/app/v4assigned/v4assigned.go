// Package v4assigned replaces go-micro's default client with a signing
// one, which package client.Publish then publishes through.
package v4assigned

import (
	"context"

	"app/signing"

	"go-micro.dev/v4/client"
)

func assigned(ctx context.Context) error {
	client.DefaultClient = client.NewClient(client.Wrap(signing.NewWrapper()))
	return client.Publish(ctx, client.NewMessage("audit", 1))
}
