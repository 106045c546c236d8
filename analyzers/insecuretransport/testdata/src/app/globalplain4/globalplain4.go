// Package globalplain4 replaces go-micro's default transport with one that
// is still plaintext, and asks the default broker for TLS without a config.
package globalplain4

import (
	"go-micro.dev/v4"
	"go-micro.dev/v4/broker"
	"go-micro.dev/v4/server"
	"go-micro.dev/v4/transport"
)

func init() {
	transport.DefaultTransport = transport.NewHTTPTransport(transport.Addrs(":0")) // want `^transport built without TLS`
	broker.Init(broker.Secure(true))                                               // want `^broker uses Secure\(true\) without TLSConfig: it serves a self-signed certificate and publishers skip`
	broker.DefaultBroker.Init(broker.Addrs(":0"))                                  // ok: no TLS request
}

func main() {
	micro.NewService(micro.Name("a")) // ok: reported at the transport
}

// Every Init call that asks a default for TLS without a config is a place
// to fix, wherever it is: each is reported.
func setup() {
	broker.DefaultBroker.Init(broker.Secure(true)) // want `^broker uses Secure\(true\) without TLSConfig: it serves a self-signed certificate and publishers skip`
	server.DefaultServer.Init(server.Name("a"))    // ok: no TLS request
}
