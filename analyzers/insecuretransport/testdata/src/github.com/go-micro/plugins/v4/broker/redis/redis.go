// Package stub mirrors the go-micro redis broker plugin's API (v1.2.0
// redis.go and options.go); bodies are placeholders.
package redis

import (
	"time"

	"go-micro.dev/v4/broker"
)

func NewBroker(opts ...broker.Option) broker.Broker { return nil }

func ConnectTimeout(d time.Duration) broker.Option { return func(o *broker.Options) {} }

func MaxIdle(n int) broker.Option { return func(o *broker.Options) {} }
