// Package metadata is a stub of go-micro.dev/v5/metadata.
package metadata

import "context"

type Metadata map[string]string

func (md Metadata) Get(key string) (string, bool) { v, ok := md[key]; return v, ok }

func Copy(md Metadata) Metadata { return md }

func Get(ctx context.Context, key string) (string, bool) { return "", false }

func FromContext(ctx context.Context) (Metadata, bool) { return nil, false }

func NewContext(ctx context.Context, md Metadata) context.Context { return ctx }
