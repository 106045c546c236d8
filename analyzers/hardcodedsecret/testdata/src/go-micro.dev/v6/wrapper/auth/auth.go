// Package auth is a stub of go-micro.dev/v6/wrapper/auth.
package auth

type ClientOptions struct{ Token, Scope string }

type Wrapper func()

func FromToken(token string) Wrapper { return nil }
