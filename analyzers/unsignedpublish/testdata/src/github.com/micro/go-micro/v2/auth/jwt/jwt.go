// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package jwt

import "github.com/micro/go-micro/v2/auth"

type jwtAuth struct{ auth.Auth }

func NewAuth(opts ...auth.Option) auth.Auth { return &jwtAuth{} }
