// Package subs holds subscribers for other packages and imports neither
// go-micro nor a cryptography package: it verifies through package
// signing, and what it does reaches the services through facts.
package subs

import (
	"context"
	"errors"
	"log"

	"app/signing"
)

// Event is a signed event.
type Event struct {
	Body      []byte
	Signature string
}

// Checked verifies the signature through signing.Valid.
func Checked(ctx context.Context, ev *Event) error { // want Checked:"verifier"
	if !signing.Valid(ev.Body, ev.Signature) {
		return errors.New("bad signature")
	}
	return nil
}

// Trusting takes every event as it comes.
func Trusting(ctx context.Context, ev *Event) error {
	log.Printf("%s", ev.Body)
	return nil
}
