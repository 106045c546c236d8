// Package v2signbroker runs a v2 service on a signing broker: micro.Broker
// hands it to the service's client (v2.9.1 options.go:74-81), whose
// Publish publishes through it (client/rpc_client.go:626).
package v2signbroker

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"

	"github.com/micro/go-micro/v2"
	"github.com/micro/go-micro/v2/broker"
	"github.com/micro/go-micro/v2/client"
)

var key = []byte("k")

type signingBroker struct{ broker.Broker }

func (s *signingBroker) Publish(topic string, m *broker.Message, opts ...broker.PublishOption) error { // want Publish:"signingbroker"
	mac := hmac.New(sha256.New, key)
	mac.Write(m.Body)
	m.Header["X-Signature"] = string(mac.Sum(nil))
	return s.Broker.Publish(topic, m, opts...)
}

func publish(ctx context.Context, body []byte) {
	svc := micro.NewService(micro.Name("v2"), micro.Broker(&signingBroker{broker.NewBroker()}))
	micro.NewEvent("v2.orders", svc.Client()).Publish(ctx, body)

	replaced := micro.NewService(micro.Name("v2"), micro.Broker(&signingBroker{broker.NewBroker()}), micro.Client(client.NewClient()))
	micro.NewEvent("v2.orders", replaced.Client()).Publish(ctx, body) // want `event publish to topic "v2.orders" carries no message signature; its signing micro.Broker comes before micro.Client`
}
