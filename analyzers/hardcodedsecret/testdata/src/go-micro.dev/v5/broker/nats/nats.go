// Package nats is a stub of go-micro.dev/v5/broker/nats.
package nats

import (
	"go-micro.dev/v5/broker"

	natsp "github.com/nats-io/nats.go"
)

func Options(opts natsp.Options) broker.Option { return nil }
func NewNatsBroker(opts ...broker.Option) any  { return nil }
