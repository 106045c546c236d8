// Package brokeruse publishes through the broker wrapper of brokerwrap,
// which -unsignedpublish.signers names (see TestSigners).
package brokeruse

import (
	"app/brokerwrap"

	"go-micro.dev/v4/broker"
)

func publish(b broker.Broker, body []byte) {
	brokerwrap.Wrap(b).Publish("orders", &broker.Message{Body: body})
	sb := brokerwrap.Wrap(b)
	sb.Publish("orders", &broker.Message{Body: body})
	(&brokerwrap.Broker{Broker: b}).Publish("orders", &broker.Message{Body: body})

	brokerwrap.Plain(b).Publish("orders", &broker.Message{Body: body}) // want `broker publish to topic "orders" carries no message signature`
	b.Publish("orders", &broker.Message{Body: body})                   // want `broker publish to topic "orders" carries no message signature`
}
