// Package micro is a stub of go-micro.dev/v5.
package micro

import "go-micro.dev/v5/server"

type Service interface{ Server() server.Server }

func NewService() Service { return nil }

func RegisterHandler(s server.Server, h interface{}, opts ...server.HandlerOption) error { return nil }

func RegisterSubscriber(topic string, s server.Server, h interface{}, opts ...server.SubscriberOption) error {
	return nil
}
