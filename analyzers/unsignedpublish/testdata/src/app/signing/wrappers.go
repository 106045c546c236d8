package signing

import (
	"context"
	"errors"

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
