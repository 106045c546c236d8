// Package tagged defines a constant differently under a build tag: code
// under it runs in some build, and its findings stay.
package tagged

import (
	"crypto/tls"

	"go-micro.dev/v4/transport"
)

const off = false

func Cfg() *tls.Config {
	c := &tls.Config{MinVersion: tls.VersionTLS12}
	if insecureDev {
		c.InsecureSkipVerify = true // want `^tls.Config sets InsecureSkipVerify`
	}
	if osDev {
		c.InsecureSkipVerify = true // want `^tls.Config sets InsecureSkipVerify`
	}
	if off {
		c.InsecureSkipVerify = true // ok: never runs in any build
	}
	if false {
		transport.NewHTTPTransport() // ok: never runs
	}
	if insecureDev {
		transport.NewHTTPTransport() // want `^transport built without TLS`
	}
	return c
}
