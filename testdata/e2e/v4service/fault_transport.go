package main

import (
	"crypto/tls"

	"go-micro.dev/v4"
	"go-micro.dev/v4/broker"
	"go-micro.dev/v4/transport"
)

// ordersService keeps go-micro's default transport, which is plaintext.
func ordersService() micro.Service {
	return micro.NewService(micro.Name("shop.orders"))
}

// skipVerifyClient turns certificate checks off.
func skipVerifyClient() *tls.Config {
	return &tls.Config{InsecureSkipVerify: true}
}

// oldTLS accepts TLS 1.0.
func oldTLS() *tls.Config {
	return &tls.Config{MinVersion: tls.VersionTLS10}
}

// selfSignedBroker is "secure" but its publishing client skips verification.
func selfSignedBroker() broker.Broker {
	return broker.NewBroker(broker.Secure(true))
}

// dialer skips certificate verification when dialing.
func dialer(t transport.Transport) (transport.Client, error) {
	return t.Dial("shop.payments:443", transport.WithInsecureSkipVerify(true))
}
