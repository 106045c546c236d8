// Package keycheck checks an API key and imports no go-micro package: its
// verifier reaches the wrappers of other packages through a fact.
package keycheck

import (
	"crypto/subtle"
	"errors"
	"os"
)

// Valid compares the key in constant time.
func Valid(got string) error { // want Valid:"verifier"
	if subtle.ConstantTimeCompare([]byte(got), []byte(os.Getenv("API_KEY"))) != 1 {
		return errors.New("bad key")
	}
	return nil
}

// Describe names the check; it verifies nothing.
func Describe() string { return "api key" }
