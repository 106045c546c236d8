// Package authz checks API keys against a store chosen at run time. It
// imports neither go-micro nor a check the rule knows, so the rule does
// not read it: its functions are judged where a wrapper calls them.
package authz

import "errors"

type Store interface {
	Lookup(key string) (owner string, ok bool)
}

var store Store

func Verify(key string) error {
	if _, ok := store.Lookup(key); !ok {
		return errors.New("unknown key")
	}
	return nil
}
