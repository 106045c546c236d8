// Package realv2 type-checks against github.com/micro/go-micro/v2 v2.9.1.
package realv2

import (
	"crypto/ed25519"

	"github.com/micro/go-micro/v2/broker"
)

var priv ed25519.PrivateKey

func publish(b broker.Broker, body []byte) {
	b.Publish("v2.orders", &broker.Message{Body: body}) // want `broker publish to topic "v2.orders" carries no message signature`
	h := map[string]string{}
	h["X-Signature"] = string(ed25519.Sign(priv, body))
	b.Publish("v2.orders", &broker.Message{Header: h, Body: body})
}
