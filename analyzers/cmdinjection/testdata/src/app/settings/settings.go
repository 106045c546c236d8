// Package settings runs git with one field of a struct of settings, as
// microsec-lint's own driver does; the other fields never reach a command.
package settings

import (
	"context"
	"os/exec"
)

// Git groups the settings of the git calls.
type Git struct {
	Dir string
	Rev string
}

// Config mixes what reaches git with what does not.
type Config struct {
	Patterns []string
	Env      []string
	Git      Git
	Branch   string
}

// Diff passes cfg.Git.Rev to git after "--end-of-options": nothing is left
// for callers to judge.
func Diff(ctx context.Context, cfg Config) error {
	return git(ctx, "diff", "--end-of-options", cfg.Git.Rev, "--")
}

// Checkout passes cfg.Branch to git with no end of options.
func Checkout(ctx context.Context, cfg *Config) error { // want Checkout:`sink\(exec@exec.CommandContext:constant\{"git"\}; constant\+p1\.3`
	return git(ctx, "checkout", cfg.Branch)
}

func git(ctx context.Context, args ...string) error {
	return exec.CommandContext(ctx, "git", args...).Run()
}
