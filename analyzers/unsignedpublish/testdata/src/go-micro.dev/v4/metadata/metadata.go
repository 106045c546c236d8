// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package metadata

import "context"

type Metadata map[string]string

func Get(ctx context.Context, key string) (string, bool) { return "", false }

func FromContext(ctx context.Context) (Metadata, bool) { return nil, false }

func NewContext(ctx context.Context, md Metadata) context.Context { return ctx }

func Set(ctx context.Context, k, v string) context.Context { return ctx }

func MergeContext(ctx context.Context, md Metadata, overwrite bool) context.Context { return ctx }
func Delete(ctx context.Context, k string) context.Context                          { return ctx }

// Set puts key and val in md (go-micro.dev/v4 metadata/metadata.go:28).
func (md Metadata) Set(key, val string) { md[key] = val }
