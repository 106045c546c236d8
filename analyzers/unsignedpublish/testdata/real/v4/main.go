// Package realv4 type-checks against go-micro.dev/v4 v4.10.2 itself.
package realv4

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"

	"go-micro.dev/v4"
	"go-micro.dev/v4/broker"
	"go-micro.dev/v4/server"
)

var key = []byte("k")

func sign(body []byte) string { // want sign:"signer"
	mac := hmac.New(sha256.New, key)
	mac.Write(body)
	return hex.EncodeToString(mac.Sum(nil))
}

func publish(ctx context.Context, body []byte) {
	broker.Publish("orders", &broker.Message{Body: body}) // want `broker publish to topic "orders" carries no message signature`
	broker.Publish("orders", &broker.Message{Header: map[string]string{"X-Signature": sign(body)}, Body: body})
	svc := micro.NewService()
	micro.NewEvent("orders", svc.Client()).Publish(ctx, body) // want `event publish to topic "orders" carries no message signature`
}

func handle(ctx context.Context, msg server.Message) error { return nil }

func verified(ctx context.Context, msg server.Message) error { // want verified:"verifier"
	want, _ := hex.DecodeString(msg.Header()["X-Signature"])
	if !hmac.Equal([]byte(sign(msg.Body())), want) {
		return errors.New("bad signature")
	}
	return nil
}

func subscribe() {
	svc := micro.NewService()
	micro.RegisterSubscriber("orders", svc.Server(), handle) // want `subscriber on topic "orders" never verifies`
	micro.RegisterSubscriber("orders", svc.Server(), verified)
}
