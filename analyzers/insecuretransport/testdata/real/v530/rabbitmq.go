package main

import (
	"go-micro.dev/v5/broker"
	"go-micro.dev/v5/broker/rabbitmq"
)

// amqps dials rabbitmq over TLS; without a TLSConfig v5.30's client takes
// its config from internal/util/tls.Config, which skips verification
// unless MICRO_TLS_SECURE=true (connection.go:233-236, tls.go:43-64).
func amqps() {
	rabbitmq.NewBroker(broker.Addrs("amqps://mq.internal:5671")) // want `^rabbitmq broker dials amqps:// without TLSConfig: the client skips certificate verification`
	rabbitmq.NewBroker(broker.Addrs("amqp://mq.internal:5672"))  // want `^rabbitmq broker built without TLS`
}
