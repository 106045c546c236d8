// Package v5initorder gives the default client a signing one in init, on
// every path, but publishes before it: in init ahead of the assignment,
// and in a package variable's initializer, which runs before any init.
package main

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

var booted = client.Publish(context.Background(), client.NewMessage("var", 1)) // want `publish to topic "var" carries no message signature`

func init() {
	_ = os.Args
	client.Publish(context.Background(), client.NewMessage("boot", 1)) // want `publish to topic "boot" carries no message signature`
	client.DefaultClient = client.NewClient(client.Wrap(NewWrapper))
	client.Publish(context.Background(), client.NewMessage("booted", 1)) // ok
}

func publish(ctx context.Context) error {
	_ = micro.Name
	return client.Publish(ctx, client.NewMessage("orders", 1)) // ok
}

func main() {
	client.Publish(context.Background(), client.NewMessage("main", 1)) // ok: main runs after init
}
