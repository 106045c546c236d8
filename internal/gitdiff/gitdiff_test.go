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

// TestSinceHunkLines: an added line that reads "++ b/x" is "+++ b/x" in
// the diff, and a line without a final newline is followed by "\ No
// newline at end of file": neither is taken for anything but a line of
// its hunk.
func TestSinceHunkLines(t *testing.T) {
	dir := t.TempDir()
	run(t, dir, "git", "init", "-q")
	a := filepath.Join(dir, "a.go")
	write(t, a, "1\n2\n3\n4\n5\n6")
	run(t, dir, "git", "add", ".")
	run(t, dir, "git", "commit", "-qm", "base")
	write(t, a, "1\n++ b/other.go\n2\n--- a/x\n3\n4\n5\n6 changed")
	c, err := Since(context.Background(), dir, "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		from, to int
		want     bool
	}{{1, 1, false}, {2, 2, true}, {3, 3, false}, {4, 4, true}, {5, 7, false}, {8, 8, true}} {
		if got := c.Touches(a, tc.from, tc.to); got != tc.want {
			t.Errorf("Touches(a.go, %d, %d) = %v, want %v", tc.from, tc.to, got, tc.want)
		}
	}
}

// TestSinceQuotedNames: git quotes the names of files with bytes outside
// ASCII, a quote, a backslash or a control character in them ("real/\303\274.go"),
// and adds a tab after a name with a space; the changes of such files are
// found under their real names, tracked or untracked, whatever the user's
// core.quotepath and diff prefix settings.
func TestSinceQuotedNames(t *testing.T) {
	for _, cfg := range [][]string{nil, {"core.quotepath", "false"}, {"diff.noprefix", "true"}, {"diff.mnemonicPrefix", "true"}} {
		t.Run(strings.Join(cfg, "="), func(t *testing.T) {
			dir := t.TempDir()
			run(t, dir, "git", "init", "-q")
			if cfg != nil {
				run(t, dir, "git", "config", cfg[0], cfg[1])
			}
			names := []string{"ü.go", "sp ace/a b.go", `q"uote.go`, `back\slash.go`, "tab\there.go", "plain.go"}
			for _, n := range names {
				p := filepath.Join(dir, filepath.FromSlash(n))
				os.MkdirAll(filepath.Dir(p), 0o755)
				write(t, p, "1\n2\n3\n")
			}
			run(t, dir, "git", "add", ".")
			run(t, dir, "git", "commit", "-qm", "base")
			for _, n := range names {
				write(t, filepath.Join(dir, filepath.FromSlash(n)), "1\n2\n3\nnew\n")
			}
			untracked := []string{"ñew.go", "sp ace/new one.go", "new\"q.go"}
			for _, n := range untracked {
				write(t, filepath.Join(dir, filepath.FromSlash(n)), "x\n")
			}
			c, err := Since(context.Background(), dir, "HEAD")
			if err != nil {
				t.Fatal(err)
			}
			for _, n := range names {
				p := filepath.Join(dir, filepath.FromSlash(n))
				if !c.Touches(p, 4, 4) {
					t.Errorf("%q: changed line 4 not found", n)
				}
				if c.Touches(p, 1, 3) {
					t.Errorf("%q: unchanged lines 1-3 taken as changed", n)
				}
			}
			for _, n := range untracked {
				if !c.Touches(filepath.Join(dir, filepath.FromSlash(n)), 1, 1) {
					t.Errorf("untracked %q not found", n)
				}
			}
		})
	}
}

// TestSinceThroughSymlink: the loader names files through the directory
// the run started in, which may be reached through a symbolic link, while
// git names the repository by its real path.
func TestSinceThroughSymlink(t *testing.T) {
	real := t.TempDir()
	run(t, real, "git", "init", "-q")
	a := filepath.Join(real, "sub", "a.go")
	os.MkdirAll(filepath.Dir(a), 0o755)
	write(t, a, "1\n2\n")
	run(t, real, "git", "add", ".")
	run(t, real, "git", "commit", "-qm", "base")
	write(t, a, "1\n2\n3\n")
	write(t, filepath.Join(real, "sub", "new.go"), "x\n")

	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(real, link); err != nil {
		t.Skip(err)
	}
	for _, dir := range []string{link, filepath.Join(link, "sub")} {
		c, err := Since(context.Background(), dir, "HEAD")
		if err != nil {
			t.Fatal(err)
		}
		for _, root := range []string{real, link} {
			if !c.Touches(filepath.Join(root, "sub", "a.go"), 3, 3) {
				t.Errorf("from %s: line 3 of %s not found", dir, filepath.Join(root, "sub", "a.go"))
			}
			if c.Touches(filepath.Join(root, "sub", "a.go"), 1, 2) {
				t.Errorf("from %s: unchanged lines of %s taken as changed", dir, filepath.Join(root, "sub", "a.go"))
			}
			if !c.Touches(filepath.Join(root, "sub", "new.go"), 1, 1) {
				t.Errorf("from %s: untracked %s not found", dir, filepath.Join(root, "sub", "new.go"))
			}
		}
	}
}

// TestSinceUserDiffSettings: the user's diff.interHunkContext, diff.context
// and GIT_DIFF_OPTS put unchanged lines into the patch; they are neither
// taken for changed lines nor let the hunk run past the next file's
// header.
func TestSinceUserDiffSettings(t *testing.T) {
	dir := t.TempDir()
	run(t, dir, "git", "init", "-q")
	a := filepath.Join(dir, "a.go")
	b := filepath.Join(dir, "b.go")
	write(t, a, "1\n2\n3\n4\n5\n6\n7\n8\n")
	write(t, b, "1\n2\n3\n")
	run(t, dir, "git", "add", ".")
	run(t, dir, "git", "commit", "-qm", "base")
	// a.go: line 2 replaced, 4 added, 6 and 7 replaced by three lines,
	// the old 8 deleted; b.go: line 3 replaced.
	write(t, a, "1\n2 changed\n3\nnew\n4\n5\n6 x\n7 x\n7b\n")
	write(t, b, "1\n2\n3 changed\n")

	cfg := filepath.Join(t.TempDir(), "gitconfig")
	write(t, cfg, "[diff]\n\tinterHunkContext = 5\n\tcontext = 4\n\tsuppressBlankEmpty = true\n")
	t.Setenv("GIT_CONFIG_GLOBAL", cfg)
	t.Setenv("GIT_DIFF_OPTS", "-u2")

	c, err := Since(context.Background(), dir, "HEAD")
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
		{a, 3, 3, false},
		{a, 4, 4, true},
		{a, 5, 6, false},
		{a, 7, 9, true},
		{b, 1, 2, false},
		{b, 3, 3, true},
	} {
		if got := c.Touches(tc.file, tc.from, tc.to); got != tc.want {
			t.Errorf("Touches(%s, %d, %d) = %v, want %v", filepath.Base(tc.file), tc.from, tc.to, got, tc.want)
		}
	}
}

// TestParseContextLines: a patch with context lines, as another diff
// setting may give, is read by the lines' prefixes: a context line is
// neither changed nor counted twice, a deletion marks the line after it.
func TestParseContextLines(t *testing.T) {
	diff := `diff --git a/a.go b/a.go
--- a/a.go
+++ b/a.go
@@ -1,6 +1,6 @@
 1
-2
+2 changed
 3
-4
 5

+new
diff --git a/b.go b/b.go
--- a/b.go
+++ b/b.go
@@ -1,2 +1,2 @@
 1
-2
\ No newline at end of file
+2 changed
\ No newline at end of file
`
	c := parse([]byte(diff), "/r")
	for _, tc := range []struct {
		file     string
		from, to int
		want     bool
	}{
		{"/r/a.go", 1, 1, false},
		{"/r/a.go", 2, 2, true},
		{"/r/a.go", 3, 3, false},
		{"/r/a.go", 4, 4, true}, // the line after the deleted 4
		{"/r/a.go", 5, 5, false},
		{"/r/a.go", 6, 6, true},
		{"/r/b.go", 1, 1, false},
		{"/r/b.go", 2, 2, true},
	} {
		if got := c.Touches(tc.file, tc.from, tc.to); got != tc.want {
			t.Errorf("Touches(%s, %d, %d) = %v, want %v", filepath.Base(tc.file), tc.from, tc.to, got, tc.want)
		}
	}
}

// TestSinceShallowClone: a revision a shallow clone lacks is still a bad
// revision, with a hint to fetch more history; in a full clone the same
// mistake gets no such hint.
func TestSinceShallowClone(t *testing.T) {
	origin := t.TempDir()
	run(t, origin, "git", "init", "-q")
	for _, content := range []string{"1\n", "2\n"} {
		write(t, filepath.Join(origin, "a.go"), content)
		run(t, origin, "git", "add", ".")
		run(t, origin, "git", "commit", "-qm", "c")
	}
	shallow := filepath.Join(t.TempDir(), "shallow")
	gitClone(t, origin, shallow, "--depth", "1")
	full := filepath.Join(t.TempDir(), "full")
	gitClone(t, origin, full)

	const hint = "(the clone is shallow: fetch more history, e.g. fetch-depth: 0 in actions/checkout)"
	_, err := Since(context.Background(), shallow, "HEAD~1")
	if !errors.Is(err, ErrBadRevision) || !strings.Contains(err.Error(), `"HEAD~1" is not a commit in this repository`) || !strings.Contains(err.Error(), hint) {
		t.Errorf("shallow clone, HEAD~1: err = %v, want a bad revision with the hint %q", err, hint)
	}
	// What may name a commit past the shallow boundary, or a remote's
	// branch the clone has not fetched, gets the hint; a plain name that
	// is no ref is a mistake whatever the depth.
	for rev, wantHint := range map[string]bool{
		"HEAD^":                  true,
		"HEAD@{5}":               true,
		"deadbee":                true,
		strings.Repeat("ab", 20): true,
		"origin/nosuch":          true,
		"refs/remotes/up/main":   true,
		"nosuchbranch":           false,
		"feature/nosuch":         false,
		"cafe":                   false,
	} {
		_, err := Since(context.Background(), shallow, rev)
		if !errors.Is(err, ErrBadRevision) || strings.Contains(err.Error(), hint) != wantHint {
			t.Errorf("shallow clone, %s: err = %v, want a bad revision, with the hint: %v", rev, err, wantHint)
		}
	}
	if _, err := Since(context.Background(), shallow, "HEAD"); err != nil {
		t.Errorf("shallow clone, HEAD: %v", err)
	}
	if _, err := Since(context.Background(), full, "HEAD~1"); err != nil {
		t.Errorf("full clone, HEAD~1: %v", err)
	}
	if _, err := Since(context.Background(), full, "HEAD~2"); err == nil || strings.Contains(err.Error(), "shallow") {
		t.Errorf("full clone, HEAD~2: err = %v, want a bad revision without the shallow hint", err)
	}
}

// gitClone clones the repository in from into to over file://, as CI
// clones a remote (a local path would ignore --depth), with git's options
// in opts.
func gitClone(t *testing.T, from, to string, opts ...string) {
	t.Helper()
	args := append(append([]string{"clone", "-q"}, opts...), "file://"+from, to)
	cmd := exec.Command("git", args...)
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git clone: %v\n%s", err, out)
	}
}
