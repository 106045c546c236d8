// Package x402 is a stub of go-micro.dev/v6/wrapper/x402.
package x402

type HTTPFacilitator struct{}

func CDP(keyID, keySecret string) *HTTPFacilitator { return nil }
