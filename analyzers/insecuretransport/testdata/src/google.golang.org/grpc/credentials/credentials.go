// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package credentials

import "crypto/tls"

type TransportCredentials interface{ Info() string }

type tlsCreds struct{}

func (tlsCreds) Info() string { return "tls" }

func NewTLS(c *tls.Config) TransportCredentials { return tlsCreds{} }

func NewServerTLSFromFile(certFile, keyFile string) (TransportCredentials, error) {
	return tlsCreds{}, nil
}
