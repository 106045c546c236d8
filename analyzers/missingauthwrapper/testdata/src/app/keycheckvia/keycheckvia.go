// Package keycheckvia checks through package keycheck and imports neither
// go-micro nor a cryptography package.
package keycheckvia

import (
	"strings"

	"app/keycheck"
)

// Bearer strips the scheme and checks the key.
func Bearer(header string) error { // want Bearer:"verifier"
	return keycheck.Valid(strings.TrimPrefix(header, "Bearer "))
}

// Label only names the check.
func Label() string { return "bearer " + keycheck.Describe() }
