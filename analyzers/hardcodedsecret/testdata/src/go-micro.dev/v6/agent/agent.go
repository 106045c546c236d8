// Package agent is a stub of go-micro.dev/v6/agent.
package agent

type Option func(*Options)

type Options struct{ APIKey string }

func APIKey(k string) Option { return nil }
func Model(m string) Option  { return nil }
