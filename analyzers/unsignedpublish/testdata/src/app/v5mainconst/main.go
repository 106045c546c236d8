// Package main gives the default client a signing one at the top of main
// under a constant true condition, which always holds.
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

const signEvents = true

// legacyClient is settled too: the plain client it gives never replaces
// the signing one.
const legacyClient = false

type Svc struct{}

func (Svc) Notify(ctx context.Context) error {
	return client.Publish(ctx, client.NewMessage("orders", 1)) // ok
}

func main() {
	_ = os.Args
	client.Publish(context.Background(), client.NewMessage("early", 1)) // want `publish to topic "early" carries no message signature`
	if signEvents {
		client.DefaultClient = client.NewClient(client.Wrap(NewWrapper))
	}
	if legacyClient {
		client.DefaultClient = client.NewClient()
	}
	client.Publish(context.Background(), client.NewMessage("main", 1)) // ok
	svc := micro.NewService(micro.Name("x"))
	svc.Run()
}
