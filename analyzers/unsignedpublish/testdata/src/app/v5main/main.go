// Package main gives the default client a signing one in main: publishes
// main makes, or reaches through the package's functions, before that
// are unsigned, and so, as the rule cannot tell which of main's calls
// publish, are those of the package's functions main calls after.
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

func announce(ctx context.Context) {
	client.Publish(ctx, client.NewMessage("started", 1)) // want `publish to topic "started" carries no message signature`
}

func later(ctx context.Context) {
	client.Publish(ctx, client.NewMessage("later", 1)) // want `publish to topic "later" carries no message signature`
}

func main() {
	ctx := context.Background()
	_ = os.Args
	announce(ctx)
	client.Publish(ctx, client.NewMessage("early", 1)) // want `publish to topic "early" carries no message signature`
	svc := micro.NewService(micro.Name("x"), micro.Client(client.NewClient(client.Wrap(NewWrapper))))
	client.Publish(ctx, client.NewMessage("late", 1)) // ok
	later(ctx)
	svc.Run()
}
