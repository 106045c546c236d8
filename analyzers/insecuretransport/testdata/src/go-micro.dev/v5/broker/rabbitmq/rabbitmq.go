// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package rabbitmq

import (
	"crypto/tls"

	"go-micro.dev/v5/broker"
)

var _ *tls.Config

func NewBroker(opts ...broker.Option) broker.Broker { return nil }
