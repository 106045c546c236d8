package pub

import (
	"testing"

	"go-micro.dev/v4/broker"
)

// MockBroker and its recorder have gomock's shape: EXPECT().Publish is a
// method of the recorder, not of go-micro's broker.
type MockBroker struct{ recorder *MockBrokerMockRecorder }

type MockBrokerMockRecorder struct{}

type Call struct{}

func (c *Call) Return(...interface{}) *Call { return c }

func (m *MockBroker) EXPECT() *MockBrokerMockRecorder { return m.recorder }

func (m *MockBroker) Publish(topic string, msg *broker.Message, opts ...broker.PublishOption) error {
	return nil
}

func (r *MockBrokerMockRecorder) Publish(topic, msg interface{}, opts ...interface{}) *Call {
	return &Call{}
}

func TestPublish(t *testing.T) {
	m := &MockBroker{recorder: &MockBrokerMockRecorder{}}
	m.EXPECT().Publish("orders.created", nil).Return(nil)
	m.Publish("orders.created", &broker.Message{})
}
