// Package gocmd runs the go command for microsec-lint's driver and its
// vulncheck, and says in one line why it failed.
package gocmd

import (
	"context"
	"fmt"
	"os/exec"
	"strings"
)

// Output runs the go command with args in dir, with env (nil: this
// process's environment), and returns what it wrote on standard output.
// On failure the error names the subcommand and the go command's cause,
// on one line (see Cause).
func Output(ctx context.Context, dir string, env []string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	cmd.Env = env
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if cause := Cause(stderr.String()); cause != "" {
			return nil, fmt.Errorf("go %s: %s", args[0], strings.TrimPrefix(cause, "go: "))
		}
		return nil, fmt.Errorf("cannot run the go command: %v", err)
	}
	return out, nil
}

// Cause returns the first line of what the go command printed, with the
// line after it when the first only introduces it ("go: errors parsing
// go.work:"). Lines of warnings ("go: warning: ...") before it are
// passed over, since the go command may warn and then fail for another
// reason; warnings alone are told as they are.
func Cause(msg string) string {
	lines := strings.Split(strings.TrimSpace(msg), "\n")
	for len(lines) > 1 && strings.HasPrefix(strings.TrimSpace(lines[0]), "go: warning:") {
		lines = lines[1:]
	}
	first := strings.TrimSpace(lines[0])
	if strings.HasSuffix(first, ":") && len(lines) > 1 {
		first += " " + strings.TrimSpace(lines[1])
	}
	return first
}

// JoinLines makes one line of what the go command (or a tool that runs it)
// wrote on several: lines joined by "; ", but a line that ends in a colon
// introduces the next ("to add it:", then "go get ...") and is joined to
// it by a space. Blank lines are dropped and runs of spaces closed up.
func JoinLines(msg string) string {
	var b strings.Builder
	for _, l := range strings.Split(strings.TrimSpace(msg), "\n") {
		l = strings.Join(strings.Fields(l), " ")
		if l == "" {
			continue
		}
		if b.Len() > 0 {
			if strings.HasSuffix(b.String(), ":") {
				b.WriteString(" ")
			} else {
				b.WriteString("; ")
			}
		}
		b.WriteString(l)
	}
	return b.String()
}
