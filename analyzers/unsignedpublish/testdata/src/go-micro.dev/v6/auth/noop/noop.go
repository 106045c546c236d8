// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package noop

import "go-micro.dev/v6/auth"

func NewAuth(opts ...auth.Option) auth.Auth { return auth.NewAuth(opts...) }
