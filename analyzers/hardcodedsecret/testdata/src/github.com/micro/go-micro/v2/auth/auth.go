// Package auth is a stub of github.com/micro/go-micro/v2/auth.
package auth

type Options struct{ ID, Secret, PrivateKey string }

type Option func(*Options)

func Credentials(id, secret string) Option { return nil }
func PrivateKey(key string) Option         { return nil }
func PublicKey(key string) Option          { return nil }
