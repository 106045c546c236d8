package v2pub

import "github.com/micro/go-micro/v2/broker"

func publish(b broker.Broker, body []byte) {
	b.Publish("v2.orders", &broker.Message{Body: body}) // want `broker publish to topic "v2.orders" carries no message signature`
}
