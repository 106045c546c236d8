// Package bus passes messages on for other packages: its functions
// publish what their callers give them, so the callers are judged.
package bus

import (
	"context"
	"time"

	"go-micro.dev/v4/broker"
	"go-micro.dev/v4/client"
	"go-micro.dev/v4/events"
	"go-micro.dev/v4/metadata"
)

// Send publishes the message it is given.
func Send(b broker.Broker, topic string, m *broker.Message) error { // want Send:"forwards\\(broker publish\\)"
	return b.Publish(topic, m)
}

// SendOrders passes on through Send, to a topic of its own.
func SendOrders(b broker.Broker, m *broker.Message) error { // want SendOrders:"forwards\\(broker publish\\)"
	return Send(b, "orders.sent", m)
}

// Emit publishes with the caller's context and client.
func Emit(ctx context.Context, c client.Client, topic string, v interface{}) error { // want Emit:"forwards\\(publish\\)"
	return c.Publish(ctx, c.NewMessage(topic, v))
}

// Announce publishes a message of its own with its caller's context: it is
// the publisher, and it is judged here.
func Announce(ctx context.Context, topic string) error {
	return client.Publish(ctx, client.NewMessage(topic, "hello")) // want `publish carries no message signature`
}

// Rebuilt replaces the message it is given: it is judged here.
func Rebuilt(b broker.Broker, m *broker.Message) error {
	m = &broker.Message{Body: m.Body}
	return b.Publish("orders.rebuilt", m) // want `broker publish to topic "orders.rebuilt" carries no message signature`
}

// Publish passes on the caller's message with the caller's context, as
// go-micro's own client.Publish does.
func Publish(ctx context.Context, m client.Message) error { // want Publish:"forwards\\(publish\\)"
	return client.DefaultClient.Publish(ctx, m)
}

// Stream passes on the caller's options.
func Stream(topic string, v interface{}, opts ...events.PublishOption) error { // want Stream:"forwards\\(event stream publish\\)"
	return events.Publish(topic, v, opts...)
}

// headerClient adds headers to what it publishes: it forwards its caller's
// context, with the caller's metadata, so the callers are judged.
type headerClient struct {
	client.Client
	headers metadata.Metadata
}

func (h *headerClient) withHeaders(ctx context.Context) context.Context {
	return metadata.MergeContext(ctx, h.headers, false)
}

func (h *headerClient) Publish(ctx context.Context, m client.Message, opts ...client.PublishOption) error { // want Publish:"forwards\\(publish\\)"
	ctx = h.withHeaders(ctx)
	ctx = metadata.Set(ctx, "X-From", "orders")
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	return h.Client.Publish(ctx, m, opts...)
}

// freshClient publishes with metadata of its own: whatever signature the
// caller put in its context is gone.
type freshClient struct{ client.Client }

func (f *freshClient) Publish(ctx context.Context, m client.Message, opts ...client.PublishOption) error {
	ctx = metadata.NewContext(ctx, metadata.Metadata{"X-From": "orders"})
	return f.Client.Publish(ctx, m, opts...) // want `publish carries no message signature`
}

// detachedClient drops its caller's context.
type detachedClient struct{ client.Client }

func (d *detachedClient) Publish(ctx context.Context, m client.Message, opts ...client.PublishOption) error {
	ctx = context.Background()
	return d.Client.Publish(ctx, m, opts...) // want `publish carries no message signature`
}

// tokenClient adds a token to a copy of its caller's metadata.
type tokenClient struct{ client.Client }

func (t *tokenClient) Publish(ctx context.Context, m client.Message, opts ...client.PublishOption) error { // want Publish:"forwards\\(publish\\)"
	md, ok := metadata.FromContext(ctx)
	if !ok {
		md = metadata.Metadata{}
	}
	md = withToken(md, "Bearer x")
	ctx = metadata.NewContext(ctx, md)
	return t.Client.Publish(ctx, m, opts...)
}

func withToken(md metadata.Metadata, tok string) metadata.Metadata {
	md["Authorization"] = tok
	return md
}

// replacingClient builds metadata of its own and drops its caller's.
type replacingClient struct{ client.Client }

func (r *replacingClient) Publish(ctx context.Context, m client.Message, opts ...client.PublishOption) error {
	md := metadata.Metadata{}
	md["Authorization"] = "Bearer x"
	ctx = metadata.NewContext(ctx, md)
	return r.Client.Publish(ctx, m, opts...) // want `publish carries no message signature`
}

// Wrappers that look like forwarders but drop or blank the caller's
// signature publish what they decide.
type blankSig struct{ client.Client }

func (b *blankSig) Publish(ctx context.Context, m client.Message, opts ...client.PublishOption) error {
	ctx = metadata.MergeContext(ctx, metadata.Metadata{"X-Signature": ""}, true)
	return b.Client.Publish(ctx, m, opts...) // want `publish carries no message signature`
}

type delSig struct{ client.Client }

func (d *delSig) Publish(ctx context.Context, m client.Message, opts ...client.PublishOption) error {
	ctx = metadata.Delete(ctx, "X-Signature")
	return d.Client.Publish(ctx, m, opts...) // want `publish carries no message signature`
}

func detach(ctx context.Context, from string) context.Context {
	return metadata.NewContext(context.Background(), metadata.Metadata{"X-From": from})
}

type helperSig struct{ client.Client }

func (h *helperSig) Publish(ctx context.Context, m client.Message, opts ...client.PublishOption) error {
	ctx = detach(ctx, "orders")
	return h.Client.Publish(ctx, m, opts...) // want `publish carries no message signature`
}

type setSig struct{ client.Client }

func (s *setSig) Publish(ctx context.Context, m client.Message, opts ...client.PublishOption) error {
	ctx = metadata.Set(ctx, "X-Signature", "")
	return s.Client.Publish(ctx, m, opts...) // want `publish carries no message signature`
}

type deleteCopy struct{ client.Client }

func (d *deleteCopy) Publish(ctx context.Context, m client.Message, opts ...client.PublishOption) error {
	md, _ := metadata.FromContext(ctx)
	delete(md, "X-Signature")
	ctx = metadata.NewContext(ctx, md)
	return d.Client.Publish(ctx, m, opts...) // want `publish carries no message signature`
}

// swap derives nothing from the context it is given.
func swap(ctx context.Context) context.Context {
	ctx = context.Background()
	return ctx
}

type swapClient struct{ client.Client }

func (s *swapClient) Publish(ctx context.Context, m client.Message, opts ...client.PublishOption) error {
	ctx = swap(ctx)
	return s.Client.Publish(ctx, m, opts...) // want `publish carries no message signature`
}
