package gitdiff

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func run(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
		"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com", "GIT_CONFIG_GLOBAL=/dev/null")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestSince(t *testing.T) {
	dir := t.TempDir()
	run(t, dir, "git", "init", "-q")
	a := filepath.Join(dir, "a.go")
	write(t, a, "1\n2\n3\n4\n5\n6\n")
	run(t, dir, "git", "add", ".")
	run(t, dir, "git", "commit", "-qm", "base")

	write(t, a, "1\n2 changed\n3\n4\nnew\n5\n6\n")
	b := filepath.Join(dir, "sub", "b.go")
	os.MkdirAll(filepath.Dir(b), 0o755)
	write(t, b, "untracked\n")

	c, err := Since(context.Background(), filepath.Join(dir), "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		file     string
		from, to int
		want     bool
	}{
		{a, 1, 1, false},
		{a, 2, 2, true},
		{a, 3, 4, false},
		{a, 5, 5, true},
		{a, 4, 6, true},
		{a, 6, 7, false},
		{b, 1, 1, true},
	} {
		if got := c.Touches(tc.file, tc.from, tc.to); got != tc.want {
			t.Errorf("Touches(%s, %d, %d) = %v, want %v", filepath.Base(tc.file), tc.from, tc.to, got, tc.want)
		}
	}

	if _, err := Since(context.Background(), dir, "no-such-rev"); err == nil || !strings.Contains(err.Error(), `"no-such-rev" is not a commit`) {
		t.Errorf("bad revision: err = %v", err)
	}
	for _, rev := range []string{"--output=/tmp/x", "-p", ""} {
		if _, err := Since(context.Background(), dir, rev); err == nil || !strings.Contains(err.Error(), "is not a revision") {
			t.Errorf("revision %q taken as an option: err = %v", rev, err)
		}
	}
	if _, err := Since(context.Background(), t.TempDir(), "HEAD"); err == nil || strings.Contains(err.Error(), "\n") {
		t.Errorf("outside a repository: err = %v, want one line", err)
	}
}

// TestSinceBadRevision: the mistakes that are the user's to fix wrap
// ErrBadRevision.
func TestSinceBadRevision(t *testing.T) {
	outside := t.TempDir()
	repo := t.TempDir()
	run(t, repo, "git", "init", "-q")
	for _, tc := range []struct{ dir, rev string }{
		{outside, "HEAD"},
		{repo, "HEAD"}, // no commit yet
		{repo, "no-such-branch"},
		{repo, "--output=x"},
	} {
		_, err := Since(context.Background(), tc.dir, tc.rev)
		if !errors.Is(err, ErrBadRevision) {
			t.Errorf("Since(%s, %q) = %v, want an ErrBadRevision", tc.dir, tc.rev, err)
		}
	}
}
