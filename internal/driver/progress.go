package driver

import (
	"go/types"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// Progress is what a run has done so far: Loaded packages, of which
// Analysed have been through every analyzer. Loaded is 0 while the go
// command is still loading.
type Progress struct {
	Loaded   int
	Analysed int
}

// counter counts finished analyses per root package and reports a package
// once all its analyzers are done.
type counter struct {
	mu       sync.Mutex
	perPkg   map[*types.Package]int
	want     int
	progress Progress
	report   func(Progress)
}

func (c *counter) done(pkg *types.Package) {
	c.mu.Lock()
	defer c.mu.Unlock()
	n, ok := c.perPkg[pkg]
	if !ok {
		return // a dependency, analysed only for its facts
	}
	c.perPkg[pkg] = n + 1
	if n+1 == c.want {
		c.progress.Analysed++
		c.report(c.progress)
	}
}

// withProgress returns copies of the analyzers that tell report about
// finished root packages. Only the roots are copied: the analyzers they
// require keep their identity, by which results are passed along.
func withProgress(as []*analysis.Analyzer, pkgs []*packages.Package, report func(Progress)) []*analysis.Analyzer {
	c := &counter{perPkg: make(map[*types.Package]int), want: len(as), report: report}
	for _, p := range pkgs {
		if p.Types != nil {
			c.perPkg[p.Types] = 0
		}
	}
	c.progress.Loaded = len(c.perPkg)
	report(c.progress)
	out := make([]*analysis.Analyzer, len(as))
	for i, a := range as {
		cp := *a
		run := a.Run
		cp.Run = func(pass *analysis.Pass) (any, error) {
			defer c.done(pass.Pkg)
			return run(pass)
		}
		out[i] = &cp
	}
	return out
}
