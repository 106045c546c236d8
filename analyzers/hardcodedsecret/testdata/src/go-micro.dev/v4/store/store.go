// Package store is a stub of go-micro.dev/v4/store.
package store

type Option func(*Options)

type Options struct{ Nodes []string }

func Nodes(a ...string) Option  { return nil }
func Database(db string) Option { return nil }
