// Package session tracks clients by their token. The rule does not read
// it: only the names of its functions say what they do, and the
// package's name says nothing.
package session

import "errors"

var lastSeen = map[string]int{}

// Touch records activity for tok; it fails only when the table is full.
func Touch(tok string) error {
	if len(lastSeen) > 1000 {
		return errors.New("table full")
	}
	lastSeen[tok]++
	return nil
}

// Claims is what a token says of its bearer.
type Claims struct{ Sub string }

// DecodeClaims decodes a token's claims without checking its signature.
func DecodeClaims(tok string) (*Claims, error) {
	if tok == "" {
		return nil, errors.New("malformed")
	}
	return &Claims{Sub: tok}, nil
}

// VerifyClaims checks the token's signature and returns its claims.
func VerifyClaims(tok string) (*Claims, error) {
	_ = tok
	return &Claims{}, nil
}
