package pub

import "go-micro.dev/v4/broker"

// An in-process broker carries nothing out of the process.
func inProcess(body []byte) {
	b := broker.NewMemoryBroker()
	b.Subscribe("jobs", func(e broker.Event) error { return nil })
	b.Publish("jobs", &broker.Message{Body: body})
	n := broker.NewBroker()
	n.Subscribe("jobs", func(e broker.Event) error { return nil }) // want `subscriber on topic "jobs" never verifies a message signature`
	n.Publish("jobs", &broker.Message{Body: body})                 // want `broker publish to topic "jobs" carries no message signature`
}
