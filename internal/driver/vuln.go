package driver

import (
	"context"

	"github.com/microsec-lint/microsec-lint/internal/report"
	"github.com/microsec-lint/microsec-lint/internal/vulncheck"
)

// pendingVuln is a govulncheck run in progress.
type pendingVuln struct {
	done chan struct{}
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
	p := &pendingVuln{done: make(chan struct{})}
	go func() {
		defer close(p.done)
		p.res, p.err = vulncheck.Run(ctx, vc)
	}()
	return p
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
