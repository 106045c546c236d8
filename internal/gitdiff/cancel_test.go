//go:build unix

package gitdiff

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSinceCancelled: a cancelled run does not wait for a child of git's
// that holds git's output open (here a wrapper's sleep), only a moment.
func TestSinceCancelled(t *testing.T) {
	tools := t.TempDir()
	pidFile := filepath.Join(tools, "pid")
	script := "#!/bin/sh\nsleep 30 &\necho $! >" + pidFile + "\nwait\n"
	if err := os.WriteFile(filepath.Join(tools, "git"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", tools+string(os.PathListSeparator)+os.Getenv("PATH"))
	t.Cleanup(func() {
		if data, err := os.ReadFile(pidFile); err == nil {
			if pid, err := strconv.Atoi(strings.TrimSpace(string(data))); err == nil {
				syscall.Kill(pid, syscall.SIGKILL)
			}
		}
	})
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := Since(ctx, t.TempDir(), "HEAD")
	if took := time.Since(start); err == nil || took > 10*time.Second {
		t.Errorf("Since with a git that hangs, cancelled after 300ms: took %v, err %v; want an error within a few seconds", took, err)
	}
}
