// Package model is a stub of go-micro.dev/v6/model.
package model

type Option func(*Options)

type Options struct{ DSN string }

func WithDSN(dsn string) Option { return nil }
