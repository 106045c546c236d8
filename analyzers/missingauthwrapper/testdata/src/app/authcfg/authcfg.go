// Package authcfg builds wrapper/auth options for services of other
// packages: a function whose options never carry an auth provider is
// marked so with a fact.
package authcfg

import (
	"go-micro.dev/v5/auth"
	"go-micro.dev/v5/auth/jwt"
	wauth "go-micro.dev/v5/wrapper/auth"
)

func NoProvider() wauth.HandlerOptions { // want NoProvider:"noprovider"
	return wauth.HandlerOptions{Rules: jwt.NewRules(), SkipEndpoints: []string{"Health.Check"}}
}

func NoopProvider() wauth.HandlerOptions { // want NoopProvider:"noprovider"
	var opts wauth.HandlerOptions
	opts.Auth = auth.NewAuth()
	return opts
}

func WithProvider() wauth.HandlerOptions {
	opts := wauth.HandlerOptions{SkipEndpoints: []string{"Health.Check"}}
	opts.Auth = jwt.NewAuth()
	return opts
}

func With(a auth.Auth) wauth.HandlerOptions { // want With:"authparam\\(0\\)"
	return wauth.AuthRequired(a, jwt.NewRules())
}

func Provider() auth.Auth { return jwt.NewAuth() }

// Either returns options whose provider is a, or p when given.
func Either(a, p auth.Auth) wauth.HandlerOptions {
	if p != nil {
		return wauth.HandlerOptions{Auth: p}
	}
	return wauth.HandlerOptions{Auth: a}
}

// Defaulted and OrDefault replace a nil provider before they use it: the
// parameter is not what the call gives, so no fact ties them to it.
func Defaulted(a auth.Auth) wauth.HandlerOptions {
	if a == nil {
		a = Provider()
	}
	return wauth.HandlerOptions{Auth: a}
}

// Default is the provider OrDefault falls back on.
var Default auth.Auth

func OrDefault(a auth.Auth) wauth.HandlerOptions {
	if a == nil {
		a = Default
	}
	return wauth.HandlerOptions{Auth: a}
}

func load() (auth.Auth, error) { return jwt.NewAuth(), nil }

func Loaded(a auth.Auth) wauth.HandlerOptions {
	var err error
	if a == nil {
		a, err = load()
	}
	_ = err
	return wauth.HandlerOptions{Auth: a}
}

func fill(p *auth.Auth) { *p = jwt.NewAuth() }

func Filled(a auth.Auth) wauth.HandlerOptions {
	fill(&a)
	return wauth.HandlerOptions{Auth: a}
}
