// Package v5default publishes on go-micro's default client after replacing
// it with a signing one: by assignment, or (up to v5.16) with micro.Client,
// which sets client.DefaultClient (v5.12 service/options.go:104-108).
package v5default

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/json"

	"go-micro.dev/v5"
	"go-micro.dev/v5/client"
	"go-micro.dev/v5/metadata"
)

var key = []byte("k")

type signing struct{ client.Client }

func (s *signing) Publish(ctx context.Context, m client.Message, opts ...client.PublishOption) error { // want Publish:"signingclient"
	raw, _ := json.Marshal(m.Payload())
	mac := hmac.New(sha256.New, key)
	mac.Write(raw)
	ctx = metadata.Set(ctx, "X-Signature", string(mac.Sum(nil)))
	return s.Client.Publish(ctx, m, opts...)
}

func NewWrapper(c client.Client) client.Client { return &signing{c} } // want NewWrapper:"signingclient"

func assigned(ctx context.Context) error {
	client.DefaultClient = client.NewClient(client.Wrap(NewWrapper))
	return client.Publish(ctx, client.NewMessage("orders", 1))
}

func installed(ctx context.Context) error {
	_ = micro.NewService(micro.Name("x"), micro.Client(client.NewClient(client.Wrap(NewWrapper))))
	client.DefaultClient.Publish(ctx, client.NewMessage("orders", 2))
	return client.Publish(ctx, client.NewMessage("orders", 1))
}

// Nothing gives the default client a signing one before these publishes:
// micro.WrapClient wraps the service's client only, and an assignment in
// an if is made on some paths only.
func notBefore(ctx context.Context, on bool) error {
	_ = micro.NewService(micro.Name("y"), micro.WrapClient(NewWrapper))
	client.Publish(ctx, client.NewMessage("orders", 3)) // want `publish to topic "orders" carries no message signature`
	if on {
		client.DefaultClient = client.NewClient(client.Wrap(NewWrapper))
	}
	return client.Publish(ctx, client.NewMessage("orders", 4)) // want `publish to topic "orders" carries no message signature`
}
