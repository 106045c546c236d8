// Package v5signbroker runs a v5 service on a signing broker: micro.Broker
// hands it to the service's client (v5.12 service/options.go:80-88, v5.30
// :86-93), whose Publish publishes through it (client/rpc_client.go:723).
package v5signbroker

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"

	"go-micro.dev/v5"
	"go-micro.dev/v5/broker"
	"go-micro.dev/v5/client"
)

var key = []byte("k")

type signingBroker struct{ broker.Broker }

func (s *signingBroker) Publish(topic string, m *broker.Message, opts ...broker.PublishOption) error { // want Publish:"signingbroker"
	mac := hmac.New(sha256.New, key)
	mac.Write(m.Body)
	m.Header["X-Signature"] = string(mac.Sum(nil))
	return s.Broker.Publish(topic, m, opts...)
}

func wrap(b broker.Broker) broker.Broker { return &signingBroker{b} } // want wrap:"signingbroker"

func publish(ctx context.Context, body []byte) {
	svc := micro.NewService(micro.Name("v5"), micro.Broker(wrap(broker.NewBroker())))
	micro.NewEvent("v5.orders", svc.Client()).Publish(ctx, body)
	svc.Client().Publish(ctx, svc.Client().NewMessage("v5.orders", body))

	replaced := micro.NewService(micro.Name("v5"), micro.Broker(wrap(broker.NewBroker())), micro.Client(client.NewClient()))
	micro.NewEvent("v5.orders", replaced.Client()).Publish(ctx, body) // want `event publish to topic "v5.orders" carries no message signature; its signing micro.Broker comes before micro.Client`

	cl := client.NewClient(client.Broker(wrap(broker.NewBroker())))
	micro.NewEvent("v5.orders", cl).Publish(ctx, body)
}
