// Package stub mirrors go-micro.dev/v5 v5.30.0 auth/jwt; bodies are placeholders.
package jwt

import "go-micro.dev/v5/auth"

type jwt struct{ auth.Auth }

func NewAuth(opts ...auth.Option) auth.Auth { return &jwt{} }

func NewRules() auth.Rules { return nil }
