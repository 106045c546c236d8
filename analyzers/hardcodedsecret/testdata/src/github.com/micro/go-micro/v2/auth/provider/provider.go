// Package provider is a stub of github.com/micro/go-micro/v2/auth/provider.
package provider

type Option func(*Options)

type Options struct{ ClientID, ClientSecret string }

func Credentials(id, secret string) Option { return nil }
