// Package registry is a stub of go-micro.dev/v4/registry.
package registry

type Option func(*Options)

type Options struct{ Addrs []string }

func Addrs(addrs ...string) Option { return nil }
