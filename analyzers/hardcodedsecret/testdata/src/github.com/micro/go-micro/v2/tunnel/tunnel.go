// Package tunnel is a stub of github.com/micro/go-micro/v2/tunnel.
package tunnel

type Option func(*Options)

type Options struct{ Token string }

func Token(t string) Option   { return nil }
func Address(a string) Option { return nil }
