package pub

import (
	"context"
	"crypto/ed25519"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"

	"app/bus"
	"app/signing"
	"app/subs"

	"go-micro.dev/v4"
	"go-micro.dev/v4/broker"
	"go-micro.dev/v4/client"
	"go-micro.dev/v4/events"
	"go-micro.dev/v4/metadata"
	"go-micro.dev/v4/server"
)

var key = []byte("k")

var priv ed25519.PrivateKey

func unsigned(body []byte) {
	broker.Publish("orders.created", &broker.Message{Body: body}) // want `broker publish to topic "orders.created" carries no message signature; put an HMAC or ed25519 signature of the body in Message.Header`
}

func headerHMAC(body []byte) {
	mac := hmac.New(sha256.New, key)
	mac.Write(body)
	sig := hex.EncodeToString(mac.Sum(nil))
	broker.Publish("orders.created", &broker.Message{Header: map[string]string{"X-Signature": sig}, Body: body})
}

func headerAssigned(b broker.Broker, body []byte) {
	msg := &broker.Message{Header: map[string]string{}, Body: body}
	msg.Header["X-Signature"] = signing.Sign(body)
	b.Publish("orders.created", msg)
}

func headerEd25519(b broker.Broker, body []byte) {
	h := map[string]string{"Content-Type": "application/json"}
	h["X-Signature"] = hex.EncodeToString(ed25519.Sign(priv, body))
	b.Publish("orders.paid", &broker.Message{Header: h, Body: body})
}

func headerPlain(b broker.Broker, body []byte, topic string) {
	h := map[string]string{"Content-Type": "application/json"}
	b.Publish(topic, &broker.Message{Header: h, Body: body}) // want `broker publish carries no message signature`
}

func ownBroker(body []byte) {
	b := broker.NewBroker()
	b.Publish("stock", &broker.Message{Body: body}) // want `broker publish to topic "stock" carries no message signature`
}

type Order struct{ ID string }

func wrappedService(ctx context.Context, body []byte) {
	svc := micro.NewService(micro.Name("shop"), micro.WrapClient(signing.NewWrapper()))
	svc.Client().Publish(ctx, svc.Client().NewMessage("orders", &Order{}))
	micro.NewEvent("orders", svc.Client()).Publish(ctx, &Order{})
	// A direct broker publish bypasses the client wrapper.
	broker.Publish("orders", &broker.Message{Body: body}) // want `broker publish to topic "orders" carries no message signature`
}

// micro.WrapClient wraps the client the service holds when it is applied:
// a micro.Client after it installs a client it never wrapped.
func replacedSigner(ctx context.Context, given client.Client) {
	lost := micro.NewService(micro.WrapClient(signing.NewWrapper()), micro.Client(client.NewClient()))
	micro.NewEvent("orders", lost.Client()).Publish(ctx, &Order{}) // want `event publish to topic "orders" carries no message signature; its signing micro.WrapClient comes before micro.Client, which replaces the client it wrapped; give micro.Client first`

	later := micro.NewService(micro.WrapClient(signing.NewWrapper()))
	later.Init(micro.Client(client.NewClient()))
	later.Client().Publish(ctx, later.Client().NewMessage("orders", &Order{})) // want `publish to topic "orders" carries no message signature; its signing micro.WrapClient comes before micro.Client`

	kept := micro.NewService(micro.Client(client.NewClient()), micro.WrapClient(signing.NewWrapper()))
	micro.NewEvent("orders", kept.Client()).Publish(ctx, &Order{}) // ok: the wrapper wraps the client installed before it

	opaque := micro.NewService(micro.WrapClient(signing.NewWrapper()), micro.Client(given))
	micro.NewEvent("orders", opaque.Client()).Publish(ctx, &Order{}) // want `event publish to topic "orders" carries no message signature; its signing micro.WrapClient comes before micro.Client`

	own := micro.NewService(micro.WrapClient(signing.Tracing), micro.Client(client.NewClient(client.Wrap(signing.NewWrapper()))))
	micro.NewEvent("orders", own.Client()).Publish(ctx, &Order{}) // ok: the installed client signs by itself
}

func tracedService(ctx context.Context) {
	svc := micro.NewService(micro.WrapClient(signing.Tracing))
	c := svc.Client()
	c.Publish(ctx, c.NewMessage("orders", &Order{})) // want `publish to topic "orders" carries no message signature; add a signature of the body to the context metadata`
	ev := micro.NewEvent("audit", c)
	ev.Publish(ctx, &Order{}) // want `event publish to topic "audit" carries no message signature`
}

func signedContext(ctx context.Context, body []byte) {
	ctx = metadata.Set(ctx, "X-Signature", signing.Sign(body))
	client.Publish(ctx, client.NewMessage("orders", body))
}

func plainContext(ctx context.Context, body []byte) {
	ctx = metadata.Set(ctx, "X-Request-Id", "1")
	client.Publish(ctx, client.NewMessage("orders", body)) // want `publish to topic "orders" carries no message signature`
}

func wrapOption(ctx context.Context) {
	c := client.NewClient(client.Wrap(signing.NewWrapper()))
	c.Publish(ctx, c.NewMessage("orders", &Order{}))
	plain := client.NewClient()
	plain.Publish(ctx, plain.NewMessage("orders", &Order{})) // want `publish to topic "orders" carries no message signature`
}

func stream(body []byte) {
	events.Publish("payments", body) // want `event stream publish to topic "payments" carries no message signature; add a signature of the payload with events.WithMetadata`
	events.Publish("payments", body, events.WithMetadata(map[string]string{"X-Signature": signing.Sign(body)}))
}

func handle(ctx context.Context, msg *Order) error { return nil }

func verifiedHandle(ctx context.Context, msg server.Message) error { // want verifiedHandle:"verifier"
	if !signing.Valid(msg.Body(), msg.Header()["X-Signature"]) {
		return errors.New("bad signature")
	}
	return nil
}

type Sub struct{}

func (s *Sub) Handle(ctx context.Context, msg server.Message) error { // want Handle:"verifier"
	mac := hmac.New(sha256.New, key)
	mac.Write(msg.Body())
	want, _ := hex.DecodeString(msg.Header()["X-Signature"])
	if !hmac.Equal(mac.Sum(nil), want) {
		return errors.New("bad signature")
	}
	return nil
}

func verifyWrapper(next server.SubscriberFunc) server.SubscriberFunc { // want verifyWrapper:"verifier"
	return func(ctx context.Context, msg server.Message) error {
		if !signing.Valid(msg.Body(), msg.Header()["X-Signature"]) {
			return errors.New("bad signature")
		}
		return next(ctx, msg)
	}
}

func subscribers() {
	svc := micro.NewService()
	micro.RegisterSubscriber("orders.created", svc.Server(), handle) // want `subscriber on topic "orders.created" never verifies a message signature`
	micro.RegisterSubscriber("orders.created", svc.Server(), verifiedHandle)
	micro.RegisterSubscriber("orders.created", svc.Server(), new(Sub))
	micro.RegisterSubscriber("orders.created", svc.Server(), subs.Checked)
	micro.RegisterSubscriber("orders.created", svc.Server(), subs.Trusting)   // want `subscriber on topic "orders.created" never verifies a message signature`
	svc.Server().Subscribe(svc.Server().NewSubscriber("orders.paid", handle)) // want `subscriber on topic "orders.paid" never verifies`

	wrapped := micro.NewService(micro.WrapSubscriber(verifyWrapper))
	micro.RegisterSubscriber("orders.created", wrapped.Server(), handle)

	// micro.WrapSubscriber wraps the server the service holds when it is
	// applied: before micro.Server, the server that option replaces.
	replaced := micro.NewService(micro.WrapSubscriber(verifyWrapper), micro.Server(server.NewRPCServer()))
	micro.RegisterSubscriber("orders.created", replaced.Server(), handle) // want `subscriber on topic "orders.created" never verifies a message signature; its verifying micro.WrapSubscriber comes before micro.Server, which replaces the server it wrapped; give micro.Server first`
	later := micro.NewService(micro.WrapSubscriber(verifyWrapper))
	later.Init(micro.Server(server.NewRPCServer()))
	micro.RegisterSubscriber("orders.created", later.Server(), handle) // want `subscriber on topic "orders.created" never verifies a message signature; its verifying micro.WrapSubscriber comes before micro.Server`
	logged := micro.NewService(micro.WrapSubscriber(logWrapper), micro.Server(server.NewRPCServer()))
	micro.RegisterSubscriber("orders.created", logged.Server(), handle) // want `subscriber on topic "orders.created" never verifies a message signature; check one with hmac.Equal or ed25519.Verify in the handler or in a micro.WrapSubscriber wrapper`
	kept := micro.NewService(micro.Server(server.NewRPCServer()), micro.WrapSubscriber(verifyWrapper))
	micro.RegisterSubscriber("orders.created", kept.Server(), handle)

	broker.Subscribe("stock", func(e broker.Event) error { return nil }) // want `subscriber on topic "stock" never verifies a message signature`
	broker.Subscribe("stock", func(e broker.Event) error {
		if !signing.Valid(e.Message().Body, e.Message().Header["X-Signature"]) {
			return errors.New("bad signature")
		}
		return nil
	})
}

func throughForwarders(ctx context.Context, b broker.Broker, c client.Client, body []byte) {
	bus.Send(b, "orders.created", &broker.Message{Header: map[string]string{"X-Signature": signing.Sign(body)}, Body: body})
	bus.Send(b, "orders.created", &broker.Message{Body: body}) // want `broker publish through Send to topic "orders.created" carries no message signature`
	bus.SendOrders(b, &broker.Message{Body: body})             // want `broker publish through SendOrders to topic "orders.sent" carries no message signature`
	signed := metadata.Set(ctx, "X-Signature", signing.Sign(body))
	bus.Emit(signed, c, "orders.created", body)
	bus.Emit(context.Background(), c, "orders.created", body) // want `publish through Emit to topic "orders.created" carries no message signature`
	wrapped := client.NewClient(client.Wrap(signing.NewWrapper()))
	bus.Emit(ctx, wrapped, "orders.created", body)
	bus.Publish(signed, client.NewMessage("orders.created", body))
	bus.Publish(context.Background(), client.NewMessage("orders.created", body)) // want `publish through Publish to topic "orders.created" carries no message signature`
	bus.Stream("payments", body, events.WithMetadata(map[string]string{"X-Signature": signing.Sign(body)}))
	bus.Stream("payments", body) // want `event stream publish through Stream to topic "payments" carries no message signature`
}

// A broker whose Publish signs, held in a broker.Broker: every value the
// variable holds comes from a function returning a signing broker.
func signingBrokers(b broker.Broker, body []byte, on bool) {
	sb := signing.WrapBroker(b)
	sb.Publish("orders", &broker.Message{Body: body})
	var typed broker.Broker = signing.WrapBroker(b)
	typed.Publish("orders", &broker.Message{Body: body})
	(&signing.SigningBroker{Broker: b}).Publish("orders", &broker.Message{Body: body})
	wrapLocally(b).Publish("orders", &broker.Message{Body: body})
	signing.WrapAudit(b, b).Publish("orders", &broker.Message{Body: body})
	signing.WrapTee(b, b).Publish("orders", &broker.Message{Body: body})    // want `broker publish to topic "orders" carries no message signature`
	signing.WrapMirror(b, b).Publish("orders", &broker.Message{Body: body}) // want `broker publish to topic "orders" carries no message signature`
	signing.WrapLateMirror(b, b).Publish("orders", &broker.Message{Body: body})
	signing.WrapFwd(b, b).Publish("orders", &broker.Message{Body: body}) // want `broker publish to topic "orders" carries no message signature`
	signing.WrapLateFwd(b, b).Publish("orders", &broker.Message{Body: body})
	// Missed (see Limitations): the wrapper type's own Publish method, whose
	// early publish counts as signed as the message is signed further on.
	(&signing.MirrorBroker{Broker: b, Audit: b}).Publish("orders", &broker.Message{Body: body})

	lb := signing.WrapLogging(b)
	lb.Publish("orders", &broker.Message{Body: body}) // want `broker publish to topic "orders" carries no message signature`
	mixed := b
	if on {
		mixed = signing.WrapBroker(b)
	}
	mixed.Publish("orders", &broker.Message{Body: body})                               // want `broker publish to topic "orders" carries no message signature`
	signing.MaybeSigning(b, on).Publish("orders", &broker.Message{Body: body})         // want `broker publish to topic "orders" carries no message signature`
	(&signing.LoggingBroker{Broker: b}).Publish("orders", &broker.Message{Body: body}) // want `broker publish through Publish to topic "orders" carries no message signature`
}

// wrapLocally returns a signing broker of another package.
func wrapLocally(b broker.Broker) broker.Broker { // want wrapLocally:"signingbroker"
	return signing.WrapBroker(b)
}

// logWrapper wraps subscribers without checking anything.
func logWrapper(next server.SubscriberFunc) server.SubscriberFunc { return next }
