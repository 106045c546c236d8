// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package wrapper

import (
	"github.com/micro/go-micro/v2/auth"
	"github.com/micro/go-micro/v2/server"
)

func AuthHandler(fn func() auth.Auth) server.HandlerWrapper { return nil }

func HandlerStats(h server.HandlerFunc) server.HandlerFunc { return h }
