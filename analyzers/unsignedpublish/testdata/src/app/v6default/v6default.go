// Package v6default gives a service a signing client: from v5.17 on,
// micro.Client only stores it (v5.30 service/options.go:108-111), so
// publishes on go-micro's default client stay unsigned.
package v6default

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"

	"go-micro.dev/v6"
	"go-micro.dev/v6/client"
	"go-micro.dev/v6/metadata"
)

var key = []byte("k")

type signing struct{ client.Client }

func (s *signing) Publish(ctx context.Context, m client.Message, opts ...client.PublishOption) error { // want Publish:"signingclient"
	mac := hmac.New(sha256.New, key)
	ctx = metadata.Set(ctx, "X-Signature", string(mac.Sum(nil)))
	return s.Client.Publish(ctx, m, opts...)
}

func newWrapper(c client.Client) client.Client { return &signing{c} } // want newWrapper:"signingclient"

func installed(ctx context.Context) error {
	_ = micro.NewService("x", micro.Client(client.NewClient(client.Wrap(newWrapper))))
	return client.Publish(ctx, client.NewMessage("orders", 1)) // want `publish to topic "orders" carries no message signature`
}
