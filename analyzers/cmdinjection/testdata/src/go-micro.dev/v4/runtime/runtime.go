// Package runtime is a stub of go-micro.dev/v4/runtime.
package runtime

type CreateOptions struct{ Command, Args []string }
type CreateOption func(o *CreateOptions)

func WithCommand(cmd ...string) CreateOption { return nil }
func WithArgs(args ...string) CreateOption   { return nil }
