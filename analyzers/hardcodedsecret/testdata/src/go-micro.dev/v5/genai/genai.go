// Package genai is a stub of go-micro.dev/v5/genai.
package genai

type Option func(*Options)

type Options struct{ APIKey string }

func WithAPIKey(key string) Option { return nil }
