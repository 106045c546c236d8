// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package memory

import (
	"crypto/tls"

	"github.com/micro/go-micro/v2/broker"
)

var _ *tls.Config

func NewBroker(opts ...broker.Option) broker.Broker { return nil }
