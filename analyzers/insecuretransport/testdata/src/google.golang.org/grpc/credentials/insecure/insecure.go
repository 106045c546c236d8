// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package insecure

import "google.golang.org/grpc/credentials"

type creds struct{}

func (creds) Info() string { return "insecure" }

func NewCredentials() credentials.TransportCredentials { return creds{} }
