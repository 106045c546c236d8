package driver

import (
	"fmt"
	"runtime/debug"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// InternalError is a panic inside an analyzer, caught so that one bad
// package or rule does not take the whole run down.
type InternalError struct {
	Rule    string
	Package string
	Value   any
	Stack   []byte
}

func (e *InternalError) Error() string {
	return fmt.Sprintf("internal error in %s on %s: %v", e.Rule, e.Package, e.Value)
}

var (
	guardMu sync.Mutex
	guarded = make(map[*analysis.Analyzer]bool)
)

// guard makes every analyzer reachable from as turn a panic into an
// *InternalError. The analyzers are changed in place, once per process,
// because the checker and the analyzers themselves find their
// prerequisites' results by analyzer identity; the change is invisible
// except when a panic happens.
func guard(as []*analysis.Analyzer) {
	guardMu.Lock()
	defer guardMu.Unlock()
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if guarded[a] {
			return
		}
		guarded[a] = true
		run := a.Run
		a.Run = func(pass *analysis.Pass) (result any, err error) {
			defer func() {
				if v := recover(); v != nil {
					result = nil
					err = &InternalError{Rule: pass.Analyzer.Name, Package: pass.Pkg.Path(), Value: v, Stack: debug.Stack()}
				}
			}()
			return run(pass)
		}
		for _, r := range a.Requires {
			visit(r)
		}
	}
	for _, a := range as {
		visit(a)
	}
}
