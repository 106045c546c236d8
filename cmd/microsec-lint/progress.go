package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/microsec-lint/microsec-lint/internal/driver"
)

// progressLine draws one status line on a terminal, at most ten times a
// second, and erases it when the run ends.
type progressLine struct {
	mu    sync.Mutex
	w     io.Writer
	last  time.Time
	drawn bool
}

func (p *progressLine) update(pr driver.Progress) {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	finished := pr.Loaded > 0 && pr.Analysed == pr.Loaded
	if p.drawn && now.Sub(p.last) < 100*time.Millisecond && !finished {
		return
	}
	p.last = now
	p.drawn = true
	if pr.Loaded == 0 {
		fmt.Fprintf(p.w, "\r\x1b[K%s: loading packages...", name)
		return
	}
	fmt.Fprintf(p.w, "\r\x1b[K%s: %d packages loaded, %d analysed", name, pr.Loaded, pr.Analysed)
}

func (p *progressLine) clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.drawn = false
	}
}

// wantProgress decides whether to draw progress: "always", "never", or
// "auto", which means only when stderr is a terminal and no CI is running.
func wantProgress(mode string, stderr io.Writer) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto":
		f, ok := stderr.(*os.File)
		if !ok || os.Getenv("CI") != "" || os.Getenv("TERM") == "dumb" {
			return false, nil
		}
		info, err := f.Stat()
		return err == nil && info.Mode()&os.ModeCharDevice != 0, nil
	}
	return false, fmt.Errorf("-progress: %q is not auto, always or never", mode)
}

// Write writes p, a whole line of a message, above the progress line: the
// line is erased first, and drawn again at the next update.
func (p *progressLine) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.drawn = false
	}
	return p.w.Write(b)
}
