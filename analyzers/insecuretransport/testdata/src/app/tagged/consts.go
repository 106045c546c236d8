package tagged

import "crypto/tls"

// is32bit depends on the size of uint: true on 32-bit machines.
const is32bit = ^uint(0)>>63 == 0

// allOnes does not: ^int(0) is -1 on every machine.
const allOnes = ^int(0) == -1

// Mode's constants take their values from iota, repeated implicitly.
type Mode int

const (
	Prod Mode = iota
	Staging
	Dev
)

const mode = Prod
const env = Dev

// WordSize: a constant that depends on the word size is not settled.
func WordSize() *tls.Config {
	c := &tls.Config{MinVersion: tls.VersionTLS12}
	if is32bit {
		c.InsecureSkipVerify = true // want `^tls.Config sets InsecureSkipVerify`
	}
	if !allOnes {
		c.InsecureSkipVerify = true // ok: never runs
	}
	return c
}

// Iota: constants with implicit iota values are settled.
func Iota() *tls.Config {
	c := &tls.Config{MinVersion: tls.VersionTLS12}
	if mode == Dev {
		c.InsecureSkipVerify = true // ok: mode is Prod
	}
	if env == Prod {
		c.InsecureSkipVerify = true // ok: env is Dev
	}
	if env != Staging {
		c.MinVersion = tls.VersionTLS10 // want `^tls.Config allows protocol versions below TLS 1.2`
	}
	if mode != Prod {
		c.InsecureSkipVerify = true // ok: never runs
	}
	return c
}
