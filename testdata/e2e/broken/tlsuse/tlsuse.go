// Package tlsuse has a finding and type-checks.
package tlsuse

import "crypto/tls"

// Client skips certificate checks.
func Client() *tls.Config {
	return &tls.Config{InsecureSkipVerify: true}
}
