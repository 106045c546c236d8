package pub

import (
	"context"

	"app/signing"

	"go-micro.dev/v4"
	"go-micro.dev/v4/client"
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

// client.Wrap through Init: the client was built already and is not
// wrapped again.
func wrapAfterBuild(ctx context.Context) {
	svc := micro.NewService()
	svc.Client().Init(client.Wrap(signing.NewWrapper()))
	svc.Client().Publish(ctx, svc.Client().NewMessage("orders", &Order{})) // want `publish to topic "orders" carries no message signature`
	c := client.NewClient()
	c.Init(client.Wrap(signing.NewWrapper()))
	c.Publish(ctx, c.NewMessage("orders", &Order{})) // want `publish to topic "orders" carries no message signature`
	wrapped := micro.NewService()
	wrapped.Init(micro.WrapClient(signing.NewWrapper()))
	wrapped.Client().Publish(ctx, wrapped.Client().NewMessage("orders", &Order{}))
}

// Subscriber wrappers made by a factory of another package.
func factoryWrappers() {
	verified := micro.NewService(micro.WrapSubscriber(signing.NewSubscriberWrapper()))
	micro.RegisterSubscriber("orders.created", verified.Server(), handle)
	optional := micro.NewService(micro.WrapSubscriber(signing.Optional(nil)))
	micro.RegisterSubscriber("orders.created", optional.Server(), handle) // want `subscriber on topic "orders.created" never verifies a message signature`
	passed := micro.NewService(micro.WrapSubscriber(signing.Passthrough(nil)))
	micro.RegisterSubscriber("orders.created", passed.Server(), handle) // want `subscriber on topic "orders.created" never verifies a message signature`
}
