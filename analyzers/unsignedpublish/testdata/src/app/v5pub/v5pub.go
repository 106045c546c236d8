package v5pub

import (
	"context"

	"go-micro.dev/v5"
	"go-micro.dev/v5/broker"
)

func publish(ctx context.Context, body []byte) {
	svc := micro.NewService(micro.Name("v5"))
	micro.NewEvent("v5.orders", svc.Client()).Publish(ctx, body) // want `event publish to topic "v5.orders" carries no message signature`
	broker.Publish("v5.orders", &broker.Message{Body: body})     // want `broker publish to topic "v5.orders" carries no message signature`
}
