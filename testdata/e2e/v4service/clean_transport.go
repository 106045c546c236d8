package main

import (
	"crypto/tls"
	"flag"

	"go-micro.dev/v4"
	"go-micro.dev/v4/broker"
	"go-micro.dev/v4/transport"
)

var insecure = flag.Bool("insecure", false, "skip certificate checks (development only)")

// tlsConfig is set at start-up from files; verification stays on unless
// the operator asks otherwise.
func tlsConfig() *tls.Config {
	return &tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: *insecure}
}

// inventoryService gets its TLS transport from an option slice.
func inventoryService() micro.Service {
	opts := []micro.Option{micro.Name("shop.inventory")}
	opts = append(opts, micro.Transport(transport.NewHTTPTransport(
		transport.Secure(true), transport.TLSConfig(tlsConfig()))))
	return micro.NewService(opts...)
}

// billingService gets its TLS transport later, through Init.
func billingService() micro.Service {
	svc := micro.NewService(micro.Name("shop.billing"))
	svc.Init(micro.Transport(transport.NewHTTPTransport(transport.TLSConfig(tlsConfig()))))
	return svc
}

// verifiedBroker has its own certificate and verification.
func verifiedBroker() broker.Broker {
	return broker.NewBroker(broker.Secure(true), broker.TLSConfig(tlsConfig()))
}
