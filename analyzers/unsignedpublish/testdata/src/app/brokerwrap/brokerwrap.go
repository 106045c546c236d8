// Package brokerwrap signs through a key service the rule does not know:
// TestSigners names its broker wrapper in -unsignedpublish.signers.
package brokerwrap

import "go-micro.dev/v4/broker"

// Broker signs every message it publishes, remotely.
type Broker struct{ broker.Broker }

func (s *Broker) Publish(topic string, m *broker.Message, opts ...broker.PublishOption) error { // want Publish:"forwards\\(broker publish\\)"
	m.Header["X-Signature"] = remoteSign(m.Body)
	return s.Broker.Publish(topic, m, opts...)
}

// remoteSign stands for a call to a key management service.
func remoteSign(body []byte) string { return string(body[:0]) }

// Wrap returns b wrapped in a signing Broker, typed as the interface.
func Wrap(b broker.Broker) broker.Broker { return &Broker{b} } // want Wrap:"signingbroker"

// Plain returns b as it is.
func Plain(b broker.Broker) broker.Broker { return b }
