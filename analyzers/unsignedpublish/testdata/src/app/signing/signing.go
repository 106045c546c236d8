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
