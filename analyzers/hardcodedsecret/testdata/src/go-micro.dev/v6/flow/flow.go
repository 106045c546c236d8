// Package flow is a stub of go-micro.dev/v6/flow.
package flow

type Option func(*Options)

type Options struct{ APIKey string }

func APIKey(key string) Option { return nil }
