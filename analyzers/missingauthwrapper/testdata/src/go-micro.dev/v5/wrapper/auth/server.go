// Package stub mirrors go-micro.dev/v5 v5.30.0 wrapper/auth/server.go; bodies are placeholders.
package auth

import (
	"go-micro.dev/v5/auth"
	"go-micro.dev/v5/server"
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
	return HandlerOptions{Auth: authProvider, Rules: rules, SkipEndpoints: []string{}}
}

func AuthOptional(authProvider auth.Auth) server.HandlerWrapper { return nil }
