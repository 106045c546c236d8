// Package gitdiff tells which lines changed since a git revision, so that a
// run can report only findings on new or changed code (-new-from-rev).
package gitdiff

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Changes holds the changed lines of each file, by absolute path with the
// symbolic links in its directories resolved: git names the repository by
// its real path, while the loader names files through the directory the
// run started in, which a link may lead to.
type Changes struct {
	lines map[string][][2]int // inclusive line ranges in the new version
	whole map[string]bool     // files that are new or untracked

	mu   sync.Mutex
	dirs map[string]string // directory as given to Touches -> resolved
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
	root := strings.TrimSuffix(string(top), "\n")
	if real, err := filepath.EvalSymlinks(root); err == nil {
		root = real
	}
	// A revision that starts with "-" would be read as an option by git.
	if rev == "" || strings.HasPrefix(rev, "-") {
		return nil, badRevision{fmt.Errorf("-new-from-rev: %q is not a revision", rev)}
	}
	if _, err := git(ctx, dir, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}"); err != nil {
		if _, ran := errors.AsType[*exec.ExitError](err); ran {
			return nil, badRevision{fmt.Errorf("-new-from-rev: %q is not a commit in this repository%s", rev, shallowHint(ctx, dir, rev))}
		}
		return nil, err
	}
	// The prefixes are set here, whatever diff.noprefix or
	// diff.mnemonicPrefix say, for parse to take off; the options keep
	// the user's settings (diff.context, diff.interHunkContext) from
	// changing the patch's text otherwise, and git's environment is
	// cleared of GIT_DIFF_OPTS and GIT_EXTERNAL_DIFF.
	diff, err := git(ctx, dir, "diff", "--unified=0", "--inter-hunk-context=0", "--no-color", "--no-ext-diff", "--no-textconv", "--no-relative",
		"--src-prefix=a/", "--dst-prefix=b/", "--end-of-options", rev, "--")
	if err != nil {
		return nil, err
	}
	c := parse(diff, root)
	// -z lists the names as they are, unquoted.
	untracked, err := git(ctx, dir, "ls-files", "-z", "--others", "--exclude-standard", "--full-name", ":/")
	if err != nil {
		return nil, err
	}
	for name := range strings.SplitSeq(string(untracked), "\x00") {
		if name != "" {
			c.whole[filepath.Join(root, filepath.FromSlash(name))] = true
		}
	}
	return c, nil
}

// Touches reports whether any line from..to of file changed. file is an
// absolute path; a symbolic link in its directories is followed.
func (c *Changes) Touches(file string, from, to int) bool {
	file = c.resolve(file)
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

// resolve returns file with the symbolic links of its directory resolved
// (file itself, if a link, is kept: git tracks the link, not its target);
// a directory that cannot be resolved is kept as given.
func (c *Changes) resolve(file string) string {
	dir, base := filepath.Split(filepath.Clean(file))
	c.mu.Lock()
	defer c.mu.Unlock()
	real, ok := c.dirs[dir]
	if !ok {
		var err error
		if real, err = filepath.EvalSymlinks(dir); err != nil {
			real = dir
		}
		if c.dirs == nil {
			c.dirs = make(map[string]string)
		}
		c.dirs[dir] = real
	}
	return filepath.Join(real, base)
}

// shallowHint returns the words that complete "REV is not a commit" when the
// repository around dir is a shallow clone, as CI checkouts are by default,
// and rev may name a commit that exists but has not been fetched (see
// pastBoundary and remoteBranch); else "": a misspelt branch name is no
// matter of depth.
func shallowHint(ctx context.Context, dir, rev string) string {
	out, err := git(ctx, dir, "rev-parse", "--is-shallow-repository")
	if err != nil || strings.TrimSpace(string(out)) != "true" {
		return ""
	}
	if !pastBoundary(rev) && !remoteBranch(ctx, dir, rev) {
		return ""
	}
	return " (the clone is shallow: fetch more history, e.g. fetch-depth: 0 in actions/checkout)"
}

// pastBoundary reports whether rev may name a commit past a shallow
// clone's boundary: it walks back from another revision (~, ^), reads a
// reflog (@{...}), or is an object name of 7 to 40 hex digits. A plain
// name that no ref has, such as a misspelt branch, is not one.
func pastBoundary(rev string) bool {
	if strings.ContainsAny(rev, "~^") || strings.Contains(rev, "@{") {
		return true
	}
	if len(rev) < 7 || len(rev) > 40 {
		return false
	}
	for _, c := range rev {
		if !strings.ContainsRune("0123456789abcdefABCDEF", c) {
			return false
		}
	}
	return true
}

// remoteBranch reports whether rev names a branch of one of the
// repository's remotes (origin/main, refs/remotes/origin/main), which a
// shallow clone often has not fetched: actions/checkout fetches only the
// commit it checks out.
func remoteBranch(ctx context.Context, dir, rev string) bool {
	if strings.HasPrefix(rev, "refs/remotes/") {
		return true
	}
	out, err := git(ctx, dir, "remote")
	if err != nil {
		return false
	}
	for _, remote := range strings.Fields(string(out)) {
		if strings.HasPrefix(rev, remote+"/") {
			return true
		}
	}
	return false
}

// waitDelay is how long git's output is waited for once ctx is done and
// git is killed: a child of git's, or of a wrapper named git, may hold it
// open long after.
const waitDelay = time.Second

// git runs git with args in dir and returns its output. A failure is told
// in git's words (see gitError).
func git(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.WaitDelay = waitDelay
	cmd.Dir = dir
	cmd.Env = gitEnv(os.Environ())
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

// gitEnv returns env without the variables that change the text of the
// patch git writes: GIT_DIFF_OPTS sets the number of context lines, and
// GIT_EXTERNAL_DIFF hands the diff to another program.
func gitEnv(env []string) []string {
	kept := env[:0:0]
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		if name != "GIT_DIFF_OPTS" && name != "GIT_EXTERNAL_DIFF" {
			kept = append(kept, kv)
		}
	}
	return kept
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

// parse reads a unified diff. A hunk's lines are read by their first
// byte, and counted off against its header, so that an added line that
// reads "++ x" (in the diff, "+++ x") is not taken for the header of
// another file, and context lines, which the user's diff settings may add,
// are not taken for changed ones.
func parse(diff []byte, root string) *Changes {
	c := &Changes{lines: make(map[string][][2]int), whole: make(map[string]bool)}
	var file string
	var h *hunk // the hunk being read, nil between hunks
	for line := range strings.Lines(string(diff)) {
		line = strings.TrimSuffix(line, "\n")
		if h != nil {
			if h.next(line) {
				if h.done() {
					h.finish()
					h = nil
				}
				continue
			}
			// Not a line of a hunk: the patch is not what its header
			// said; end the hunk and read the line afresh.
			h.finish()
			h = nil
		}
		switch {
		case strings.HasPrefix(line, "diff "):
			file = ""
		case strings.HasPrefix(line, "+++ "):
			name, ok := headerName(strings.TrimPrefix(line, "+++ "))
			if !ok {
				file = ""
				continue
			}
			file = filepath.Join(root, filepath.FromSlash(name))
		case strings.HasPrefix(line, "@@ "):
			oldCount, newStart, newCount, ok := hunkHeader(line)
			if !ok {
				continue
			}
			h = &hunk{c: c, file: file, oldLeft: oldCount, newLeft: newCount, line: newStart}
			if newCount == 0 {
				// The new side's start is the line before the
				// deletion (0 at the top of the file).
				h.line = newStart + 1
			}
			if h.done() {
				h.finish()
				h = nil
			}
		}
	}
	if h != nil {
		h.finish()
	}
	return c
}

// hunk follows the lines of one hunk of the diff.
type hunk struct {
	c       *Changes
	file    string // "" for a file whose changes are not kept
	oldLeft int    // lines of the old side still to come
	newLeft int    // lines of the new side still to come
	line    int    // the line of the new version the next line is at
	deleted bool   // lines were deleted just before line
}

// next takes the next line of the diff, and is false when it is no line
// of a hunk. A context line (" ", or "" when diff.suppressBlankEmpty
// drops the space of a blank one) is on both sides, a deleted line ("-")
// on the old one, an added line ("+") on the new one; "\ No newline at
// end of file" follows a line without being one.
func (h *hunk) next(line string) bool {
	switch {
	case line == "" || line[0] == ' ':
		if h.oldLeft == 0 || h.newLeft == 0 {
			return false
		}
		h.flushDeleted()
		h.oldLeft--
		h.newLeft--
		h.line++
	case line[0] == '-':
		if h.oldLeft == 0 {
			return false
		}
		h.oldLeft--
		h.deleted = true
	case line[0] == '+':
		if h.newLeft == 0 {
			return false
		}
		h.newLeft--
		h.deleted = false // the added lines stand for the deleted ones
		h.mark(h.line)
		h.line++
	case line[0] == '\\':
	default:
		return false
	}
	return true
}

// done reports whether all the lines the hunk's header counts were read.
func (h *hunk) done() bool { return h.oldLeft == 0 && h.newLeft == 0 }

// finish ends the hunk: lines deleted at its end mark the line after them.
func (h *hunk) finish() { h.flushDeleted() }

// flushDeleted marks the line after lines deleted with nothing added in
// their place, so that a finding on the code around a deletion is kept.
func (h *hunk) flushDeleted() {
	if h.deleted {
		h.mark(h.line)
		h.deleted = false
	}
}

// mark records line n of the hunk's file as changed, extending the last
// range when n follows it.
func (h *hunk) mark(n int) {
	if h.file == "" {
		return
	}
	rs := h.c.lines[h.file]
	if k := len(rs) - 1; k >= 0 && rs[k][0] <= n && n <= rs[k][1]+1 {
		rs[k][1] = max(rs[k][1], n)
		return
	}
	h.c.lines[h.file] = append(rs, [2]int{n, n})
}

// headerName reads the name on a "+++ " line of the diff: b/ and the
// file's path relative to the repository, in double quotes with C escapes
// when it holds a byte git quotes, followed by a tab when it holds a
// space. It is false for /dev/null (a deleted file) and a name it cannot
// read.
func headerName(s string) (string, bool) {
	if strings.HasPrefix(s, "\"") {
		name, ok := unquote(s)
		if !ok {
			return "", false
		}
		s = name
	} else if i := strings.IndexByte(s, '\t'); i >= 0 {
		s = s[:i]
	}
	return strings.CutPrefix(s, "b/")
}

// unquote reads the double-quoted name at the start of s as git writes it
// (quote_c_style): a backslash before one of abtnvfr"\\, or before three
// octal digits that give a byte. What follows the closing quote is
// ignored.
func unquote(s string) (string, bool) {
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		if s[i] == '"' {
			return b.String(), true
		}
		if s[i] != '\\' {
			b.WriteByte(s[i])
			continue
		}
		i++
		if i >= len(s) {
			return "", false
		}
		if j := strings.IndexByte("abtnvfr\"\\", s[i]); j >= 0 {
			b.WriteByte("\a\b\t\n\v\f\r\"\\"[j])
			continue
		}
		if i+3 > len(s) {
			return "", false
		}
		n, err := strconv.ParseUint(s[i:i+3], 8, 8)
		if err != nil {
			return "", false
		}
		b.WriteByte(byte(n))
		i += 2
	}
	return "", false
}

// hunkHeader reads "@@ -a,b +c,d @@": the old side's line count b, and
// the new side's start c and line count d.
func hunkHeader(line string) (oldCount, newStart, newCount int, ok bool) {
	fields := strings.Fields(line)
	if len(fields) < 3 || !strings.HasPrefix(fields[1], "-") || !strings.HasPrefix(fields[2], "+") {
		return 0, 0, 0, false
	}
	if _, oldCount, ok = hunkSide(fields[1][1:]); !ok {
		return 0, 0, 0, false
	}
	if newStart, newCount, ok = hunkSide(fields[2][1:]); !ok {
		return 0, 0, 0, false
	}
	return oldCount, newStart, newCount, true
}

// hunkSide reads "start,count" or "start" (a count of 1).
func hunkSide(s string) (start, count int, ok bool) {
	startText, countText, hasCount := strings.Cut(s, ",")
	start, err := strconv.Atoi(startText)
	if err != nil {
		return 0, 0, false
	}
	count = 1
	if hasCount {
		if count, err = strconv.Atoi(countText); err != nil {
			return 0, 0, false
		}
	}
	return start, count, true
}
