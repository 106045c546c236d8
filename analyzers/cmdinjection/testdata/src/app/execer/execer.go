// Package execer declares an interface that callers embed in their own.
package execer

import "context"

type Execer interface {
	Exec(ctx context.Context, q string) error
}
