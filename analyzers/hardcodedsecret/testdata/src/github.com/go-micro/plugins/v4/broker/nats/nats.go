// Package nats is a stub of github.com/go-micro/plugins/v4/broker/nats.
package nats

import (
	"go-micro.dev/v4/broker"

	natsp "github.com/nats-io/nats.go"
)

func Options(opts natsp.Options) broker.Option { return nil }
