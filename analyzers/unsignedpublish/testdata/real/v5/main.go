// Package realv5 type-checks against go-micro.dev/v5 v5.9.0.
package realv5

import (
	"crypto/hmac"
	"crypto/sha256"

	"go-micro.dev/v5/broker"
	"go-micro.dev/v5/events"
)

var key = []byte("k")

func publish(body []byte) {
	broker.Publish("v5.orders", &broker.Message{Body: body}) // want `broker publish to topic "v5.orders" carries no message signature`
	events.Publish("v5.audit", body)                         // want `event stream publish to topic "v5.audit" carries no message signature`
	mac := hmac.New(sha256.New, key)
	mac.Write(body)
	events.Publish("v5.audit", body, events.WithMetadata(map[string]string{"X-Signature": string(mac.Sum(nil))}))
}
