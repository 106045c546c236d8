// Package ai is a stub of go-micro.dev/v6/ai.
package ai

type Option func(*Options)

type Options struct{ APIKey, BaseURL string }

func WithAPIKey(key string) Option  { return nil }
func WithBaseURL(url string) Option { return nil }
