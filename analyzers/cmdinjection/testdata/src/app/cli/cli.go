// Package cli fills the settings of package settings from flags, os.Args
// and the environment: only the field that reaches git counts.
package cli

import (
	"context"
	"flag"
	"os"

	"app/settings"
)

var branch = flag.String("branch", "", "")

func run(ctx context.Context) {
	settings.Checkout(ctx, &settings.Config{Patterns: flag.Args(), Env: os.Environ(), Branch: "main"})
	settings.Checkout(ctx, &settings.Config{Patterns: os.Args[1:]})
	settings.Checkout(ctx, &settings.Config{Env: os.Environ(), Branch: *branch}) // want `argument 2 of git that settings.Checkout → settings.git passes to exec.CommandContext \(settings/settings.go:\d+\) comes from external input \(flag -branch\)`

	cfg := settings.Config{Patterns: flag.Args()}
	cfg.Branch = "main"
	settings.Checkout(ctx, &cfg)
	cfg.Env = os.Environ()
	settings.Diff(ctx, cfg)

	var bad settings.Config
	bad.Branch = os.Getenv("BRANCH")
	settings.Checkout(ctx, &bad) // want `argument 2 of git that settings.Checkout → settings.git passes to exec.CommandContext \(settings/settings.go:\d+\) comes from external input \(os.Getenv\(...\)\)`
}

// forward passes its settings on whole, as driver.Run does.
func forward(ctx context.Context, cfg settings.Config) error {
	return settings.Checkout(ctx, &cfg)
}

func forwarded(ctx context.Context) {
	forward(ctx, settings.Config{Patterns: flag.Args(), Env: os.Environ()})
	forward(ctx, settings.Config{Branch: os.Args[1]}) // want `argument 2 of git that cli.forward → settings.Checkout → settings.git passes to exec.CommandContext \(settings/settings.go:\d+\) comes from external input \(os.Args\[...\]\)`
}

// The revision comes after "--end-of-options": git reads it as a revision
// even when it starts with "-".
func diff(ctx context.Context) {
	settings.Diff(ctx, settings.Config{Git: settings.Git{Rev: os.Args[1]}})
}
