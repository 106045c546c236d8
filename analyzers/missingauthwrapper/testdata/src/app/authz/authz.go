// Package authz checks API keys against a store and imports neither
// go-micro nor a package of the checks the rule knows: the rule does not
// read it, and judges its functions where a wrapper calls them.
package authz

import "errors"

// Store looks keys up; its implementation is chosen at run time.
type Store interface {
	Lookup(key string) (owner string, ok bool)
}

var store Store

// Verify fails when the key is unknown.
func Verify(key string) error {
	if _, ok := store.Lookup(key); !ok {
		return errors.New("unknown key")
	}
	return nil
}

// Valid reports whether the key is known.
func Valid(key string) bool {
	_, ok := store.Lookup(key)
	return ok
}
