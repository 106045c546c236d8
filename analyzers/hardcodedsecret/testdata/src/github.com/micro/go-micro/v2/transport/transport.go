// Package transport is a stub of github.com/micro/go-micro/v2/transport.
package transport

type Option func(*Options)

type Options struct{ Addrs []string }

func Addrs(addrs ...string) Option { return nil }
