package gocmd

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCause(t *testing.T) {
	for msg, want := range map[string]string{
		"go: errors parsing go.work:\ngo.work:5: syntax error (unterminated block started at go.work:3:1)\n": "go: errors parsing go.work: go.work:5: syntax error (unterminated block started at go.work:3:1)",
		"pattern ./x: directory prefix x does not contain main module\nmore\n":                               "pattern ./x: directory prefix x does not contain main module",
		"  one line  ": "one line",
		// A warning is not the cause; the error after it is.
		"go: warning: \"./a/...\" matched no packages\ngo: creating work dir: mkdir /f/go-build1: not a directory\n": "go: creating work dir: mkdir /f/go-build1: not a directory",
		"go: warning: ignoring go.mod in $GOPATH /g\ngo: errors parsing go.work:\ngo.work:1: unknown directive\n":    "go: errors parsing go.work: go.work:1: unknown directive",
		// Warnings alone are all there is to tell.
		"go: warning: \"./a/...\" matched no packages\n": `go: warning: "./a/..." matched no packages`,
		"": "",
	} {
		if got := Cause(msg); got != want {
			t.Errorf("Cause(%q) = %q, want %q", msg, got, want)
		}
	}
}

// TestOutput checks that a failing go command gives one line naming the
// subcommand and its cause, the line after "go: errors parsing go.work:"
// included, without the go command's "go: " prefix.
func TestOutput(t *testing.T) {
	out, err := Output(context.Background(), t.TempDir(), nil, "env", "GOVERSION")
	if err != nil || !strings.HasPrefix(string(out), "go") {
		t.Fatalf("go env GOVERSION = %q, %v", out, err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.work"), []byte("go 1.22\n\nuse (\n\t./a\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Output(context.Background(), dir, nil, "list", "-m")
	if err == nil || strings.Contains(err.Error(), "\n") || !strings.HasPrefix(err.Error(), "go list: errors parsing go.work: go.work:") {
		t.Errorf("go list -m with a malformed go.work: err = %v, want one line naming go.work's line", err)
	}
}

func TestJoinLines(t *testing.T) {
	for in, want := range map[string]string{
		"go: updates to go.mod needed; to update it:\n\tgo mod tidy\n": "go: updates to go.mod needed; to update it: go mod tidy",
		"first\n\n  second   line\nthird":                              "first; second line; third",
		"one":                                                          "one",
		"\n\n":                                                         "",
	} {
		if got := JoinLines(in); got != want {
			t.Errorf("JoinLines(%q) = %q, want %q", in, got, want)
		}
	}
}
