// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package auth

import (
	"go-micro.dev/v6/auth"
	"go-micro.dev/v6/server"
)

type HandlerOptions struct {
	Auth          auth.Auth
	Rules         auth.Rules
	SkipEndpoints []string
}

func AuthHandler(opts HandlerOptions) server.HandlerWrapper { return nil }

func PublicEndpoints(authProvider auth.Auth, rules auth.Rules, publicEndpoints []string) HandlerOptions {
	return HandlerOptions{Auth: authProvider, Rules: rules, SkipEndpoints: publicEndpoints}
}

func AuthRequired(authProvider auth.Auth, rules auth.Rules) HandlerOptions {
	return HandlerOptions{Auth: authProvider, Rules: rules}
}

func AuthOptional(authProvider auth.Auth) server.HandlerWrapper { return nil }
