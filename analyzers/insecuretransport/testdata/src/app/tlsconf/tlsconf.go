package tlsconf

import (
	"crypto/tls"
	"flag"
)

var skip = flag.Bool("insecure", false, "skip certificate verification")

var verifyOff bool // defaults to false

type wrapped struct{ tls.Config }

func literals() {
	_ = &tls.Config{InsecureSkipVerify: true}      // want `^tls.Config sets InsecureSkipVerify: peer certificates are not verified; remove it and trust the peer's CA through RootCAs$`
	_ = &tls.Config{InsecureSkipVerify: false}     // ok
	_ = &tls.Config{InsecureSkipVerify: *skip}     // ok: from a flag
	_ = &tls.Config{InsecureSkipVerify: verifyOff} // ok: a variable defaulting to false
	_ = tls.Config{MinVersion: tls.VersionTLS10}   // want `^tls.Config allows protocol versions below TLS 1.2: set MinVersion to tls.VersionTLS12 or higher$`
	_ = tls.Config{MinVersion: tls.VersionTLS11}   // want `below TLS 1.2`
	_ = tls.Config{MinVersion: 0x0301}             // want `below TLS 1.2`
	_ = tls.Config{MinVersion: tls.VersionTLS12}   // ok
	_ = tls.Config{MaxVersion: tls.VersionTLS10}   // ok: not checked
	_ = []*tls.Config{{InsecureSkipVerify: true}}  // want `InsecureSkipVerify`
}

func assignments(c *tls.Config, w *wrapped) {
	c.InsecureSkipVerify = true     // want `^tls.Config sets InsecureSkipVerify`
	c.InsecureSkipVerify = *skip    // ok: from a flag
	c.InsecureSkipVerify = false    // ok
	w.InsecureSkipVerify = true     // want `^tls.Config sets InsecureSkipVerify`
	c.MinVersion = tls.VersionTLS11 // want `below TLS 1.2`
	c.MinVersion = tls.VersionTLS13 // ok
}

type other struct{ InsecureSkipVerify bool }

func lookAlike() {
	_ = other{InsecureSkipVerify: true} // ok: not crypto/tls
}
