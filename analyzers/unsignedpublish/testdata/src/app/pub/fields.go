package pub

import (
	"context"

	"app/signing"

	"go-micro.dev/v4"
)

// Handlers that keep their event in a field, set where the service is
// built: the field holds what the literal gives it.
type orders struct{ events micro.Event }

func (o *orders) create(ctx context.Context) error {
	return o.events.Publish(ctx, &Order{})
}

type audits struct{ events micro.Event }

func (a *audits) record(ctx context.Context) error {
	return a.events.Publish(ctx, &Order{}) // want `event publish to topic "audit" carries no message signature`
}

func handlersWithFields() {
	signed := micro.NewService(micro.WrapClient(signing.NewWrapper()))
	_ = &orders{events: micro.NewEvent("orders", signed.Client())}
	plain := micro.NewService()
	_ = audits{micro.NewEvent("audit", plain.Client())}
}
