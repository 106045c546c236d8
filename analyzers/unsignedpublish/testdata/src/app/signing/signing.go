// Package signing signs and verifies messages for other packages; what it
// does reaches them through facts.
package signing

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"

	"go-micro.dev/v4/client"
	"go-micro.dev/v4/metadata"
)

var key = []byte("k")

// Sign returns the HMAC of body.
func Sign(body []byte) string { // want Sign:"signer"
	mac := hmac.New(sha256.New, key)
	mac.Write(body)
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

// Valid checks a signature.
func Valid(body []byte, sig string) bool { // want Valid:"verifier"
	want, _ := base64.StdEncoding.DecodeString(sig)
	mac := hmac.New(sha256.New, key)
	mac.Write(body)
	return hmac.Equal(mac.Sum(nil), want)
}

type signedClient struct {
	client.Client
}

// Publish signs the payload into the metadata.
func (s *signedClient) Publish(ctx context.Context, msg client.Message, opts ...client.PublishOption) error { // want Publish:"signingclient"
	body, _ := json.Marshal(msg.Payload())
	ctx = metadata.Set(ctx, "X-Signature", Sign(body))
	return s.Client.Publish(ctx, msg, opts...)
}

// NewWrapper returns a client wrapper whose Publish signs.
func NewWrapper() client.Wrapper { // want NewWrapper:"signingclient"
	return func(c client.Client) client.Client { return &signedClient{c} }
}

type tracingClient struct{ client.Client }

// Tracing wraps without signing.
func Tracing(c client.Client) client.Client { return &tracingClient{c} }

// litClient signs the payload into a metadata literal.
type litClient struct{ client.Client }

func (s *litClient) Publish(ctx context.Context, msg client.Message, opts ...client.PublishOption) error { // want Publish:"signingclient"
	body, _ := json.Marshal(msg.Payload())
	ctx = metadata.NewContext(ctx, metadata.Metadata{"X-Signature": Sign(body)})
	return s.Client.Publish(ctx, msg, opts...)
}

// NewLitWrapper returns a client wrapper whose Publish signs.
func NewLitWrapper() client.Wrapper { // want NewLitWrapper:"signingclient"
	return func(c client.Client) client.Client { return &litClient{c} }
}

// copyCtxClient signs a copy of its context but publishes the context it
// was given: it does not sign.
type copyCtxClient struct{ client.Client }

func (s *copyCtxClient) Publish(ctx context.Context, msg client.Message, opts ...client.PublishOption) error { // want Publish:"forwards\\(publish\\)"
	body, _ := json.Marshal(msg.Payload())
	signed := metadata.NewContext(ctx, metadata.Metadata{"X-Signature": Sign(body)})
	_ = signed
	return s.Client.Publish(ctx, msg, opts...)
}

// NewCopyCtxWrapper returns a client wrapper that signs nothing it publishes.
func NewCopyCtxWrapper() client.Wrapper {
	return func(c client.Client) client.Client { return &copyCtxClient{c} }
}

// auditCtxClient publishes the signed context, then its caller's
// context, unsigned, to an audit topic: it does not sign everything.
type auditCtxClient struct{ client.Client }

func (s *auditCtxClient) Publish(ctx context.Context, msg client.Message, opts ...client.PublishOption) error { // want Publish:"forwards\\(publish\\)"
	body, _ := json.Marshal(msg.Payload())
	sctx := metadata.NewContext(ctx, metadata.Metadata{"X-Signature": Sign(body)})
	if err := s.Client.Publish(sctx, msg, opts...); err != nil {
		return err
	}
	return s.Client.Publish(ctx, msg, opts...)
}

// NewAuditCtxWrapper returns a client wrapper that publishes unsigned too.
func NewAuditCtxWrapper() client.Wrapper {
	return func(c client.Client) client.Client { return &auditCtxClient{c} }
}

// derivedCtxClient publishes, twice, a context derived from the signed
// one: it signs.
type derivedCtxClient struct{ client.Client }

func (s *derivedCtxClient) Publish(ctx context.Context, msg client.Message, opts ...client.PublishOption) error { // want Publish:"signingclient"
	body, _ := json.Marshal(msg.Payload())
	sctx := metadata.NewContext(ctx, metadata.Metadata{"X-Signature": Sign(body)})
	tctx, cancel := context.WithCancel(sctx)
	defer cancel()
	if err := s.Client.Publish(tctx, msg, opts...); err == nil {
		return nil
	}
	return s.Client.Publish(sctx, msg, opts...)
}

// NewDerivedCtxWrapper returns a client wrapper whose Publish signs.
func NewDerivedCtxWrapper() client.Wrapper { // want NewDerivedCtxWrapper:"signingclient"
	return func(c client.Client) client.Client { return &derivedCtxClient{c} }
}

// retry runs f with a context derived from ctx, as retry and backoff
// helpers do.
func retry(ctx context.Context, f func(context.Context) error) error {
	c, cancel := context.WithCancel(ctx)
	defer cancel()
	return f(c)
}

// retryClient signs its context and publishes through retry, whose
// function literal is given the signed context: it signs.
type retryClient struct{ client.Client }

func (s *retryClient) Publish(ctx context.Context, msg client.Message, opts ...client.PublishOption) error { // want Publish:"signingclient"
	body, _ := json.Marshal(msg.Payload())
	sctx := metadata.Set(ctx, "X-Signature", Sign(body))
	return retry(sctx, func(c context.Context) error { return s.Client.Publish(c, msg, opts...) })
}

// NewRetryWrapper returns a client wrapper whose Publish signs.
func NewRetryWrapper() client.Wrapper { // want NewRetryWrapper:"signingclient"
	return func(c client.Client) client.Client { return &retryClient{c} }
}

// setClient fills a Metadata through its Set method and publishes the
// context made from it: it signs.
type setClient struct{ client.Client }

func (s *setClient) Publish(ctx context.Context, msg client.Message, opts ...client.PublishOption) error { // want Publish:"signingclient"
	body, _ := json.Marshal(msg.Payload())
	md := metadata.Metadata{}
	md.Set("X-Signature", Sign(body))
	return s.Client.Publish(metadata.NewContext(ctx, md), msg, opts...)
}

// NewSetWrapper returns a client wrapper whose Publish signs.
func NewSetWrapper() client.Wrapper { // want NewSetWrapper:"signingclient"
	return func(c client.Client) client.Client { return &setClient{c} }
}

// retryPlain publishes through retry with a context that carries no
// signature: the literal's context is not signed.
func retryPlain(ctx context.Context, cl client.Client, msg client.Message) error {
	return retry(ctx, func(c context.Context) error { return cl.Publish(c, msg) }) // want `publish carries no message signature`
}
