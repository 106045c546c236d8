// Package gitjobs runs git for handlers of other packages: Checkout
// rejects option-like refs itself, Unchecked does not.
package gitjobs

import (
	"context"
	"errors"
	"os/exec"
	"strings"
)

func Checkout(ctx context.Context, dir, ref string) error {
	if strings.HasPrefix(ref, "-") {
		return errors.New("bad ref")
	}
	return exec.CommandContext(ctx, "git", "-C", dir, "checkout", ref).Run()
}

func Unchecked(ctx context.Context, dir, ref string) error {
	return exec.CommandContext(ctx, "git", "-C", dir, "checkout", ref).Run()
}
