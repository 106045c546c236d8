// Package natsjs is a stub of go-micro.dev/v5/events/natsjs.
package natsjs

type Option func(*Options)

type Options struct{ Username, Password, NkeyConfig string }

func Authenticate(username, password string) Option { return nil }
func NkeyConfig(nkey string) Option                 { return nil }
