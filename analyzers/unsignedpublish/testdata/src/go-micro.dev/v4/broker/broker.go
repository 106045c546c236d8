// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package broker

type Message struct {
	Header map[string]string
	Body   []byte
}

type Event interface {
	Topic() string
	Message() *Message
	Ack() error
	Error() error
}

type Handler func(Event) error

type Options struct{}

type Option func(*Options)

type PublishOptions struct{}

type PublishOption func(*PublishOptions)

type SubscribeOptions struct{}

type SubscribeOption func(*SubscribeOptions)

type Subscriber interface {
	Topic() string
	Unsubscribe() error
}

type Broker interface {
	Init(...Option) error
	Connect() error
	Publish(topic string, m *Message, opts ...PublishOption) error
	Subscribe(topic string, h Handler, opts ...SubscribeOption) (Subscriber, error)
	String() string
}

type httpBroker struct{}

func (h *httpBroker) Init(...Option) error                                          { return nil }
func (h *httpBroker) Connect() error                                                { return nil }
func (h *httpBroker) Publish(topic string, m *Message, opts ...PublishOption) error { return nil }
func (h *httpBroker) Subscribe(topic string, hd Handler, opts ...SubscribeOption) (Subscriber, error) {
	return nil, nil
}
func (h *httpBroker) String() string { return "http" }

func NewBroker(opts ...Option) Broker { return &httpBroker{} }

var DefaultBroker Broker = NewBroker()

func Publish(topic string, msg *Message, opts ...PublishOption) error {
	return DefaultBroker.Publish(topic, msg, opts...)
}

func Subscribe(topic string, handler Handler, opts ...SubscribeOption) (Subscriber, error) {
	return DefaultBroker.Subscribe(topic, handler, opts...)
}

// NewMemoryBroker stands for go-micro's in-process broker.
func NewMemoryBroker(opts ...Option) Broker { return &httpBroker{} }
