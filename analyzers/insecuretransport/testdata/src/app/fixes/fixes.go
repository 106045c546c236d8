package fixes

import (
	ctls "crypto/tls"

	"go-micro.dev/v4/transport"
)

func fixes(c *ctls.Config, t transport.Transport) {
	_ = &ctls.Config{InsecureSkipVerify: true, MinVersion: ctls.VersionTLS10} // want `InsecureSkipVerify` `below TLS 1.2`
	c.InsecureSkipVerify = true                                               // want `InsecureSkipVerify`
	c.MinVersion = ctls.VersionSSL30                                          // want `below TLS 1.2`
	t.Dial("peer:1", transport.WithInsecureSkipVerify(true))                  // want `transport dial skips certificate verification`
}
