package signing

import (
	"context"
	"errors"

	"go-micro.dev/v4/broker"
	"go-micro.dev/v4/server"
)

// NewSubscriberWrapper returns a subscriber wrapper that drops messages
// whose signature does not verify: importers learn so from its fact.
func NewSubscriberWrapper() server.SubscriberWrapper { // want NewSubscriberWrapper:"verifyingwrapper"
	return func(next server.SubscriberFunc) server.SubscriberFunc {
		return func(ctx context.Context, msg server.Message) error {
			if !Valid(nil, "") {
				return errors.New("bad signature")
			}
			return next(ctx, msg)
		}
	}
}

// Passthrough returns the wrapper it is given: it verifies nothing itself.
func Passthrough(w server.SubscriberWrapper) server.SubscriberWrapper {
	return w
}

// Optional verifies only when it has a key: without one, every message
// passes.
func Optional(key []byte) server.SubscriberWrapper {
	if len(key) == 0 {
		return func(next server.SubscriberFunc) server.SubscriberFunc { return next }
	}
	return NewSubscriberWrapper()
}

// SigningBroker signs every message it publishes.
type SigningBroker struct{ broker.Broker }

func (s *SigningBroker) Publish(topic string, m *broker.Message, opts ...broker.PublishOption) error { // want Publish:"signingbroker"
	if m.Header == nil {
		m.Header = map[string]string{}
	}
	m.Header["X-Signature"] = Sign(m.Body)
	return s.Broker.Publish(topic, m, opts...)
}

// WrapBroker returns b wrapped in a SigningBroker, typed as the interface:
// importers learn from its fact that what it returns signs.
func WrapBroker(b broker.Broker) broker.Broker { return &SigningBroker{b} } // want WrapBroker:"signingbroker"

// TeeBroker signs, but first publishes the message unsigned to another
// broker: it does not sign everything it publishes.
type TeeBroker struct {
	broker.Broker
	Other broker.Broker
}

func (s *TeeBroker) Publish(topic string, m *broker.Message, opts ...broker.PublishOption) error {
	s.Other.Publish(topic, m, opts...)
	if m.Header == nil {
		m.Header = map[string]string{}
	}
	m.Header["X-Signature"] = Sign(m.Body)
	return s.Broker.Publish(topic, m, opts...)
}

// WrapTee returns b wrapped in a TeeBroker.
func WrapTee(b, other broker.Broker) broker.Broker { return &TeeBroker{b, other} }

// AuditBroker signs, then publishes the signed message to two brokers.
type AuditBroker struct {
	broker.Broker
	Audit broker.Broker
}

func (s *AuditBroker) Publish(topic string, m *broker.Message, opts ...broker.PublishOption) error { // want Publish:"signingbroker"
	if m.Header == nil {
		m.Header = map[string]string{}
	}
	m.Header["X-Signature"] = Sign(m.Body)
	s.Audit.Publish(topic, m, opts...)
	return s.Broker.Publish(topic, m, opts...)
}

// WrapAudit returns b wrapped in an AuditBroker.
func WrapAudit(b, audit broker.Broker) broker.Broker { return &AuditBroker{b, audit} } // want WrapAudit:"signingbroker"

// LoggingBroker publishes what it is given, unsigned.
type LoggingBroker struct{ broker.Broker }

func (l *LoggingBroker) Publish(topic string, m *broker.Message, opts ...broker.PublishOption) error { // want Publish:"forwards\\(broker publish\\)"
	return l.Broker.Publish(topic, m, opts...)
}

// WrapLogging returns b wrapped in a LoggingBroker, which signs nothing.
func WrapLogging(b broker.Broker) broker.Broker { return &LoggingBroker{b} }

// MaybeSigning signs only when asked to.
func MaybeSigning(b broker.Broker, on bool) broker.Broker {
	if on {
		return WrapBroker(b)
	}
	return b
}

// MirrorBroker signs, but first hands the message, unsigned, to a method
// that publishes it to another broker.
type MirrorBroker struct {
	broker.Broker
	Audit broker.Broker
}

func (s *MirrorBroker) mirror(topic string, m *broker.Message) { s.Audit.Publish(topic, m) } // want mirror:"forwards\\(broker publish\\)"

func (s *MirrorBroker) Publish(topic string, m *broker.Message, opts ...broker.PublishOption) error {
	s.mirror(topic, m)
	m.Header["X-Signature"] = Sign(m.Body)
	return s.Broker.Publish(topic, m, opts...)
}

// WrapMirror returns b wrapped in a MirrorBroker.
func WrapMirror(b, audit broker.Broker) broker.Broker { return &MirrorBroker{b, audit} }

// LateMirrorBroker signs, then mirrors the signed message.
type LateMirrorBroker struct {
	broker.Broker
	Audit broker.Broker
}

func (s *LateMirrorBroker) mirror(topic string, m *broker.Message) { s.Audit.Publish(topic, m) } // want mirror:"forwards\\(broker publish\\)"

func (s *LateMirrorBroker) Publish(topic string, m *broker.Message, opts ...broker.PublishOption) error { // want Publish:"signingbroker"
	m.Header["X-Signature"] = Sign(m.Body)
	s.mirror(topic, m)
	return s.Broker.Publish(topic, m, opts...)
}

// WrapLateMirror returns b wrapped in a LateMirrorBroker.
func WrapLateMirror(b, audit broker.Broker) broker.Broker { return &LateMirrorBroker{b, audit} } // want WrapLateMirror:"signingbroker"

// FwdBroker signs, but first publishes the message, unsigned, through a
// closure.
type FwdBroker struct {
	broker.Broker
	Audit broker.Broker
}

func (s *FwdBroker) Publish(topic string, m *broker.Message, opts ...broker.PublishOption) error {
	fwd := func(b broker.Broker) error { return b.Publish(topic, m) }
	_ = fwd(s.Audit)
	m.Header["X-Signature"] = Sign(m.Body)
	return fwd(s.Broker)
}

// WrapFwd returns b wrapped in a FwdBroker.
func WrapFwd(b, audit broker.Broker) broker.Broker { return &FwdBroker{b, audit} }

// LateFwdBroker writes the closure first but calls it only once it has
// signed.
type LateFwdBroker struct {
	broker.Broker
	Audit broker.Broker
}

func (s *LateFwdBroker) Publish(topic string, m *broker.Message, opts ...broker.PublishOption) error { // want Publish:"signingbroker"
	fwd := func(b broker.Broker) error { return b.Publish(topic, m) }
	m.Header["X-Signature"] = Sign(m.Body)
	_ = fwd(s.Audit)
	return fwd(s.Broker)
}

// WrapLateFwd returns b wrapped in a LateFwdBroker.
func WrapLateFwd(b, audit broker.Broker) broker.Broker { return &LateFwdBroker{b, audit} } // want WrapLateFwd:"signingbroker"

// LitBroker signs by giving the message a header map literal carrying the
// signature, on a pointer or a value receiver.
type LitBroker struct{ broker.Broker }

func (s *LitBroker) Publish(topic string, m *broker.Message, opts ...broker.PublishOption) error { // want Publish:"signingbroker"
	m.Header = map[string]string{"X-Signature": Sign(m.Body)}
	return s.Broker.Publish(topic, m, opts...)
}

// WrapLit returns b wrapped in a LitBroker.
func WrapLit(b broker.Broker) broker.Broker { return &LitBroker{b} } // want WrapLit:"signingbroker"

type ValLitBroker struct{ broker.Broker }

func (s ValLitBroker) Publish(topic string, m *broker.Message, opts ...broker.PublishOption) error { // want Publish:"signingbroker"
	m.Header = map[string]string{"X-Signature": Sign(m.Body), "X-From": "orders"}
	return s.Broker.Publish(topic, m, opts...)
}

// HeaderLitBroker gives the message a header literal with no signature.
// It is taken to forward the message, although the literal replaces a
// signature its caller put in the header.
type HeaderLitBroker struct{ broker.Broker }

func (s *HeaderLitBroker) Publish(topic string, m *broker.Message, opts ...broker.PublishOption) error { // want Publish:"forwards\\(broker publish\\)"
	m.Header = map[string]string{"X-From": "orders"}
	return s.Broker.Publish(topic, m, opts...)
}

// WrapHeaderLit returns b wrapped in a HeaderLitBroker.
func WrapHeaderLit(b broker.Broker) broker.Broker { return &HeaderLitBroker{b} }

// DropBroker signs, then deletes the signature before publishing.
type DropBroker struct{ broker.Broker }

func (s *DropBroker) Publish(topic string, m *broker.Message, opts ...broker.PublishOption) error {
	m.Header = map[string]string{"X-Signature": Sign(m.Body)}
	delete(m.Header, "X-Signature")
	return s.Broker.Publish(topic, m, opts...)
}

// WrapDrop returns b wrapped in a DropBroker.
func WrapDrop(b broker.Broker) broker.Broker { return &DropBroker{b} }

// CopyBroker signs a copy of the message but publishes the original.
type CopyBroker struct{ broker.Broker }

func (s *CopyBroker) Publish(topic string, m *broker.Message, opts ...broker.PublishOption) error { // want Publish:"forwards\\(broker publish\\)"
	c := &broker.Message{Header: map[string]string{}, Body: m.Body}
	c.Header["X-Signature"] = Sign(m.Body)
	_ = c
	return s.Broker.Publish(topic, m, opts...)
}

// WrapCopy returns b wrapped in a CopyBroker.
func WrapCopy(b broker.Broker) broker.Broker { return &CopyBroker{b} }

// ResignBroker publishes a signed copy of the message in its place.
type ResignBroker struct{ broker.Broker }

func (s *ResignBroker) Publish(topic string, m *broker.Message, opts ...broker.PublishOption) error { // want Publish:"signingbroker"
	c := &broker.Message{Header: map[string]string{}, Body: m.Body}
	c.Header["X-Signature"] = Sign(m.Body)
	return s.Broker.Publish(topic, c, opts...)
}

// WrapResign returns b wrapped in a ResignBroker.
func WrapResign(b broker.Broker) broker.Broker { return &ResignBroker{b} } // want WrapResign:"signingbroker"

// LitCopyBroker publishes a new message whose literal carries the signed
// header: it signs.
type LitCopyBroker struct{ broker.Broker }

func (s *LitCopyBroker) Publish(topic string, m *broker.Message, opts ...broker.PublishOption) error { // want Publish:"signingbroker"
	c := &broker.Message{Header: map[string]string{"X-Signature": Sign(m.Body)}, Body: m.Body}
	return s.Broker.Publish(topic, c, opts...)
}

// WrapLitCopy returns b wrapped in a LitCopyBroker.
func WrapLitCopy(b broker.Broker) broker.Broker { return &LitCopyBroker{b} } // want WrapLitCopy:"signingbroker"

// SwapBroker builds a signed message and publishes it in place of the
// one it was given.
type SwapBroker struct{ broker.Broker }

func (s *SwapBroker) Publish(topic string, m *broker.Message, opts ...broker.PublishOption) error { // want Publish:"signingbroker"
	signed := &broker.Message{Header: map[string]string{"X-Signature": Sign(m.Body)}, Body: m.Body}
	m = signed
	return s.Broker.Publish(topic, m, opts...)
}

// WrapSwap returns b wrapped in a SwapBroker.
func WrapSwap(b broker.Broker) broker.Broker { return &SwapBroker{b} } // want WrapSwap:"signingbroker"

// HeaderVarBroker builds the signed header map in a variable first.
type HeaderVarBroker struct{ broker.Broker }

func (s *HeaderVarBroker) Publish(topic string, m *broker.Message, opts ...broker.PublishOption) error { // want Publish:"signingbroker"
	h := map[string]string{"X-Signature": Sign(m.Body)}
	m.Header = h
	return s.Broker.Publish(topic, m, opts...)
}

// WrapHeaderVar returns b wrapped in a HeaderVarBroker.
func WrapHeaderVar(b broker.Broker) broker.Broker { return &HeaderVarBroker{b} } // want WrapHeaderVar:"signingbroker"

// LitCopyUnusedBroker builds a signed message literal but publishes the
// original.
type LitCopyUnusedBroker struct{ broker.Broker }

func (s *LitCopyUnusedBroker) Publish(topic string, m *broker.Message, opts ...broker.PublishOption) error { // want Publish:"forwards\\(broker publish\\)"
	c := &broker.Message{Header: map[string]string{"X-Signature": Sign(m.Body)}, Body: m.Body}
	_ = c
	return s.Broker.Publish(topic, m, opts...)
}

// WrapLitCopyUnused returns b wrapped in a LitCopyUnusedBroker.
func WrapLitCopyUnused(b broker.Broker) broker.Broker { return &LitCopyUnusedBroker{b} }

// LitAuditBroker publishes the signed copy, then the original, unsigned,
// to an audit topic.
type LitAuditBroker struct{ broker.Broker }

func (s *LitAuditBroker) Publish(topic string, m *broker.Message, opts ...broker.PublishOption) error { // want Publish:"forwards\\(broker publish\\)"
	c := &broker.Message{Header: map[string]string{"X-Signature": Sign(m.Body)}, Body: m.Body}
	if err := s.Broker.Publish(topic, c, opts...); err != nil {
		return err
	}
	return s.Broker.Publish(topic+".audit", m, opts...)
}

// WrapLitAudit returns b wrapped in a LitAuditBroker.
func WrapLitAudit(b broker.Broker) broker.Broker { return &LitAuditBroker{b} }

// PlainVarBroker gives the message a header map variable with no
// signature.
type PlainVarBroker struct{ broker.Broker }

func (s *PlainVarBroker) Publish(topic string, m *broker.Message, opts ...broker.PublishOption) error { // want Publish:"forwards\\(broker publish\\)"
	h := map[string]string{"X-From": "orders"}
	m.Header = h
	return s.Broker.Publish(topic, m, opts...)
}

// WrapPlainVar returns b wrapped in a PlainVarBroker.
func WrapPlainVar(b broker.Broker) broker.Broker { return &PlainVarBroker{b} }
