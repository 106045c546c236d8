// Package main gives the default client a signing one in main before any
// call into the package: the package's publishes are signed.
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

func later(ctx context.Context) {
	client.Publish(ctx, client.NewMessage("later", 1)) // ok
}

func main() {
	ctx := context.Background()
	_ = os.Args
	svc := micro.NewService(micro.Name("x"), micro.Client(client.NewClient(client.Wrap(NewWrapper))))
	client.Publish(ctx, client.NewMessage("late", 1)) // ok
	later(ctx)
	svc.Run()
}
