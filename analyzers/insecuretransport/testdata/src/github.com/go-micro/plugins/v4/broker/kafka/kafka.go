// Package stub mirrors the go-micro kafka broker plugin's API (v1.2.0
// kafka.go and options.go); bodies are placeholders.
package kafka

import (
	"github.com/Shopify/sarama"
	"go-micro.dev/v4/broker"
)

var (
	DefaultBrokerConfig  = sarama.NewConfig()
	DefaultClusterConfig = sarama.NewConfig()
)

func NewBroker(opts ...broker.Option) broker.Broker { return nil }

func BrokerConfig(c *sarama.Config) broker.Option { return func(o *broker.Options) {} }

func ClusterConfig(c *sarama.Config) broker.Option { return func(o *broker.Options) {} }
