package driver

import (
	"context"
	"errors"
	"io"
	"slices"
	"strings"

	"github.com/microsec-lint/microsec-lint/internal/report"
	"github.com/microsec-lint/microsec-lint/internal/vulncheck"
	"golang.org/x/tools/go/packages"
)

// pendingVuln is a govulncheck run in progress.
type pendingVuln struct {
	done chan struct{}
	cfg  vulncheck.Config
	res  *vulncheck.Result
	err  error
}

// startVulncheck starts govulncheck on the run's directory and patterns,
// so that it overlaps with package loading and analysis.
func startVulncheck(ctx context.Context, dir string, patterns []string, cfg Config) *pendingVuln {
	if cfg.Vuln == nil {
		return nil
	}
	vc := *cfg.Vuln
	vc.Dir, vc.Patterns, vc.Tests, vc.Env = dir, patterns, cfg.Tests, cfg.Env
	p := &pendingVuln{done: make(chan struct{}), cfg: vc}
	go func() {
		defer close(p.done)
		p.res, p.err = vulncheck.Run(ctx, vc)
	}()
	return p
}

// retryHealthy runs govulncheck again on the root packages that loaded
// without errors, after a first run over the patterns failed because some
// package did not: govulncheck refuses ill-typed packages, and one broken
// package must not cost every vulnerability finding of the others.
func (p *pendingVuln) retryHealthy(ctx context.Context, roots []*packages.Package) {
	if p == nil || p.err == nil || !errors.Is(p.err, vulncheck.ErrLoad) {
		return
	}
	var healthy []string
	seen := make(map[string]bool)
	for _, r := range roots {
		if len(r.Errors) > 0 || r.IllTyped || seen[r.PkgPath] || strings.HasSuffix(r.PkgPath, "_test") || strings.Contains(r.ID, " [") {
			continue
		}
		seen[r.PkgPath] = true
		healthy = append(healthy, r.PkgPath)
	}
	if len(healthy) == 0 || slices.Equal(healthy, p.cfg.Patterns) {
		return
	}
	vc := p.cfg
	vc.Patterns = healthy
	// The first run said which database it fell back to, if it did; the
	// second finds the same and would say it again.
	vc.Log = io.Discard
	res, err := vulncheck.Run(ctx, vc)
	if err != nil {
		p.err = err
		return
	}
	p.res, p.err = res, nil
}

// wait returns the result of the run, or nothing when vulncheck is off.
func (p *pendingVuln) wait() (*vulncheck.Result, error) {
	if p == nil {
		return nil, nil
	}
	<-p.done
	return p.res, p.err
}

// vulnFindings prepares vulnerability findings for fingerprinting: the OSV
// id (their rule) and the text of the calling line identify them.
func vulnFindings(fs []report.Finding) []located {
	src := make(sources)
	out := make([]located, len(fs))
	for i, f := range fs {
		out[i] = located{Finding: f, code: src.text(f.Pos.File, f.Pos.Offset, -1)}
	}
	return out
}
