// Package auth is a stub of go-micro.dev/v4/auth: the secret-taking options.
package auth

type Options struct {
	ID, Secret, PublicKey, PrivateKey string
	Token                             *Token
}

type Option func(*Options)

type Token struct{ AccessToken, RefreshToken string }

type Account struct{ ID, Secret string }

type TokenOptions struct{ ID, Secret, RefreshToken string }

type TokenOption func(*TokenOptions)

type GenerateOptions struct{ Secret string }

type GenerateOption func(*GenerateOptions)

func Credentials(id, secret string) Option          { return nil }
func PublicKey(key string) Option                   { return nil }
func PrivateKey(key string) Option                  { return nil }
func ClientToken(token *Token) Option               { return nil }
func Namespace(n string) Option                     { return nil }
func WithCredentials(id, secret string) TokenOption { return nil }
func WithToken(rt string) TokenOption               { return nil }
func WithSecret(s string) GenerateOption            { return nil }
