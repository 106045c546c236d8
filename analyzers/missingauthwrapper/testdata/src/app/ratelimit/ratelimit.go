// Package ratelimit limits calls per key. It imports neither go-micro nor
// a check the rule knows, so the rule does not read it.
package ratelimit

import "errors"

var seen = map[string]int{}

// Allow fails once key made too many calls: it is given the credential
// and its error fails the request, but it authenticates nobody.
func Allow(key string) error {
	seen[key]++
	if seen[key] > 100 {
		return errors.New("too many calls")
	}
	return nil
}

// Limiter is a rate limiter behind an interface.
type Limiter interface {
	Allow(key string) bool
}

// Authenticator checks a key behind an interface.
type Authenticator interface {
	AuthenticateKey(key string) bool
}
