// Package broker is a stub of go-micro.dev/v5/broker.
package broker

type Option func(*Options)

type Options struct{ Addrs []string }

func Addrs(addrs ...string) Option { return nil }
