// Package registry is a stub of github.com/micro/go-micro/v2/registry.
package registry

type Option func(*Options)

type Options struct{ Addrs []string }

func Addrs(addrs ...string) Option { return nil }
