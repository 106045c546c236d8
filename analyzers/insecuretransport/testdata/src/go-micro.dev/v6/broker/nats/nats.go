// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package nats

import (
	"crypto/tls"

	"go-micro.dev/v6/broker"

	natsp "github.com/nats-io/nats.go"
)

var _ *tls.Config

func NewNatsBroker(opts ...broker.Option) broker.Broker { return nil }

func Options(nopts natsp.Options) broker.Option { return func(o *broker.Options) {} }
