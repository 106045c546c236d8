// Package micro is a stub of go-micro.dev/v6.
package micro

type Option func(*Options)

type Options struct{}

func AgentAPIKey(k string) Option { return nil }
func FlowAPIKey(k string) Option  { return nil }
func Name(n string) Option        { return nil }
