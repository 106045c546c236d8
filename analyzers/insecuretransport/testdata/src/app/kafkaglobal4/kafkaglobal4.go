package kafkaglobal4

import (
	"github.com/Shopify/sarama"
	"github.com/go-micro/plugins/v4/broker/kafka"
	"go-micro.dev/v4/broker"
)

// The kafka broker's producer and consumer groups use the plugin's default
// sarama configs when given none: TLS turned on in them counts.
func init() {
	kafka.DefaultBrokerConfig.Net.TLS.Enable = true
	kafka.DefaultClusterConfig.Net.TLS.Enable = true
}

func brokers() {
	kafka.NewBroker(broker.Addrs("kafka:9093"))                     // ok
	kafka.NewBroker(kafka.BrokerConfig(sarama.NewConfig()))         // want `^kafka broker publishes without TLS`
	kafka.NewBroker(kafka.ClusterConfig(kafka.DefaultBrokerConfig)) // ok
}
