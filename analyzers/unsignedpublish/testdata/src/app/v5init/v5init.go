// Package v5init gives the default client a signing one in init, but only
// on some paths.
package v5init

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/json"
	"os"

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

func init() {
	if os.Getenv("SIGN") != "" {
		client.DefaultClient = client.NewClient(client.Wrap(NewWrapper))
	}
}

func publish(ctx context.Context) error {
	_ = micro.Name
	return client.Publish(ctx, client.NewMessage("orders", 1)) // want `publish to topic "orders" carries no message signature`
}
