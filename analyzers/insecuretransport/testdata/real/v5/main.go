// Package realv5 type-checks against go-micro.dev/v5 v5.9.0 itself, where
// micro.Transport and the other root options are package variables
// re-exporting go-micro.dev/v5/service.
package realv5

import (
	"crypto/tls"

	"go-micro.dev/v5"
	"go-micro.dev/v5/broker"
	"go-micro.dev/v5/client"
	"go-micro.dev/v5/transport"
)

func plaintext() {
	micro.New("plain")                        // want `^service uses the default plaintext transport`
	broker.NewHttpBroker(broker.Secure(true)) // want `publishers skip certificate verification`
	client.NewClient()                        // want `^client built without TLS`
}

func withTLS(cfg *tls.Config) {
	t := transport.NewHTTPTransport(transport.TLSConfig(cfg))
	micro.NewService(micro.Name("tls"), micro.Transport(t)) // ok
	broker.NewHttpBroker(broker.TLSConfig(cfg))             // ok
	client.NewClient(client.Transport(t))                   // ok

	svc := micro.New("late") // ok: Init installs the TLS transport
	svc.Init(micro.Transport(t))
}
