// Package gitdiff tells which lines changed since a git revision, so that a
// run can report only findings on new or changed code (-new-from-rev).
package gitdiff

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// Changes holds the changed lines of each file, by absolute path.
type Changes struct {
	lines map[string][][2]int // inclusive line ranges in the new version
	whole map[string]bool     // files that are new or untracked
}

// ErrBadRevision is wrapped by the errors of Since that are the user's to
// fix: the revision names no commit, or dir is in no git repository. Its
// other errors are failures to run git.
var ErrBadRevision = errors.New("bad revision")

// Since compares the work tree in dir, staged and unstaged changes and
// untracked files included, with rev.
func Since(ctx context.Context, dir, rev string) (*Changes, error) {
	top, err := git(ctx, dir, "rev-parse", "--show-toplevel")
	if err != nil {
		if _, ran := errors.AsType[*exec.ExitError](err); ran {
			// git ran and found no repository around dir.
			return nil, badRevision{err}
		}
		return nil, err
	}
	root := strings.TrimSpace(string(top))
	// A revision that starts with "-" would be read as an option by git.
	if rev == "" || strings.HasPrefix(rev, "-") {
		return nil, badRevision{fmt.Errorf("-new-from-rev: %q is not a revision", rev)}
	}
	if _, err := git(ctx, dir, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}"); err != nil {
		if _, ran := errors.AsType[*exec.ExitError](err); ran {
			return nil, badRevision{fmt.Errorf("-new-from-rev: %q is not a commit in this repository", rev)}
		}
		return nil, err
	}
	diff, err := git(ctx, dir, "diff", "--unified=0", "--no-color", "--no-ext-diff", "--no-relative", "--end-of-options", rev, "--")
	if err != nil {
		return nil, err
	}
	c := parse(diff, root)
	untracked, err := git(ctx, dir, "ls-files", "--others", "--exclude-standard", "--full-name", ":/")
	if err != nil {
		return nil, err
	}
	for _, name := range strings.Split(strings.TrimSpace(string(untracked)), "\n") {
		if name != "" {
			c.whole[filepath.Join(root, filepath.FromSlash(name))] = true
		}
	}
	return c, nil
}

// Touches reports whether any line from..to of file changed.
func (c *Changes) Touches(file string, from, to int) bool {
	if c.whole[file] {
		return true
	}
	for _, r := range c.lines[file] {
		if from <= r[1] && to >= r[0] {
			return true
		}
	}
	return false
}

func git(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if i := strings.IndexByte(msg, '\n'); i >= 0 {
			msg = msg[:i]
		}
		if msg == "" {
			msg = err.Error()
		}
		return nil, gitError{fmt.Sprintf("-new-from-rev: git %s: %s", args[0], msg), err}
	}
	return out, nil
}

// gitError is a failure of git told in git's own words; it wraps the error
// of running git, an *exec.ExitError when git ran and failed.
type gitError struct {
	msg string
	err error
}

func (e gitError) Error() string { return e.msg }
func (e gitError) Unwrap() error { return e.err }

// badRevision marks an error as ErrBadRevision without changing its text.
type badRevision struct{ err error }

func (e badRevision) Error() string   { return e.err.Error() }
func (e badRevision) Unwrap() []error { return []error{e.err, ErrBadRevision} }

// parse reads a unified diff with no context lines.
func parse(diff []byte, root string) *Changes {
	c := &Changes{lines: make(map[string][][2]int), whole: make(map[string]bool)}
	var file string
	sc := bufio.NewScanner(bytes.NewReader(diff))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "+++ "):
			name := strings.TrimPrefix(line, "+++ ")
			if name == "/dev/null" {
				file = ""
				continue
			}
			file = filepath.Join(root, filepath.FromSlash(strings.TrimPrefix(name, "b/")))
		case strings.HasPrefix(line, "@@ ") && file != "":
			if r, ok := hunkRange(line); ok {
				c.lines[file] = append(c.lines[file], r)
			}
		}
	}
	return c
}

// hunkRange reads the new-side range of "@@ -a,b +c,d @@". A hunk that only
// deletes lines (d = 0) marks the line after the deletion as changed.
func hunkRange(line string) ([2]int, bool) {
	fields := strings.Fields(line)
	if len(fields) < 3 || !strings.HasPrefix(fields[2], "+") {
		return [2]int{}, false
	}
	startText, countText, hasCount := strings.Cut(fields[2][1:], ",")
	start, err := strconv.Atoi(startText)
	if err != nil {
		return [2]int{}, false
	}
	count := 1
	if hasCount {
		if count, err = strconv.Atoi(countText); err != nil {
			return [2]int{}, false
		}
	}
	if count == 0 {
		return [2]int{start + 1, start + 1}, true
	}
	return [2]int{start, start + count - 1}, true
}
