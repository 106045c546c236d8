// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package jwt

import "go-micro.dev/v6/auth"

type jwtAuth struct{ auth.Auth }

func NewAuth(opts ...auth.Option) auth.Auth { return &jwtAuth{} }

func NewRules() auth.Rules { return nil }
