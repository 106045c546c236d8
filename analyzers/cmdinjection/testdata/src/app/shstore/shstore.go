// Package shstore runs queries through a shell; it knows nothing of the
// interfaces its callers declare for it.
package shstore

import (
	"context"
	"os/exec"
)

type Shell struct{}

func (*Shell) Exec(ctx context.Context, q string) error { // want Exec:`sink\(exec@exec.CommandContext`
	return exec.CommandContext(ctx, "sh", "-c", q).Run()
}

func (*Shell) Close() error { return nil }
