// Package metadata is a stub of go-micro.dev/v4/metadata.
package metadata

import "context"

type Metadata map[string]string

func Set(ctx context.Context, k, v string) context.Context        { return ctx }
func NewContext(ctx context.Context, md Metadata) context.Context { return ctx }
