// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package events

type PublishOptions struct{ Metadata map[string]string }

type PublishOption func(*PublishOptions)

func WithMetadata(md map[string]string) PublishOption {
	return func(o *PublishOptions) { o.Metadata = md }
}

type Event struct {
	Topic    string
	Metadata map[string]string
	Payload  []byte
}

type ConsumeOption func()

type Stream interface {
	Publish(topic string, msg interface{}, opts ...PublishOption) error
	Consume(topic string, opts ...ConsumeOption) (<-chan Event, error)
}

var DefaultStream Stream

func Publish(topic string, msg interface{}, opts ...PublishOption) error { return nil }
