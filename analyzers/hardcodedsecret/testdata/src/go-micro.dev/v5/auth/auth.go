// Package auth is a stub of go-micro.dev/v5/auth.
package auth

type Options struct{ ID, Secret, PrivateKey string }

type Option func(*Options)

type Account struct{ ID, Secret string }

func Credentials(id, secret string) Option { return nil }
func PrivateKey(key string) Option         { return nil }
