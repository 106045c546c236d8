// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package nats

import "crypto/tls"

const DefaultURL = "nats://127.0.0.1:4222"

type Options struct {
	Url       string
	Secure    bool
	TLSConfig *tls.Config
}
