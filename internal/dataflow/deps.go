package dataflow

import "github.com/microsec-lint/microsec-lint/internal/analysisutil"

// noReturnStd are the standard packages whose function bodies show that a
// call never returns (os.Exit, log.Fatal, testing's FailNow): ctrlflow
// learns that from them, and SSA ends a block at such a call.
var noReturnStd = map[string]bool{"os": true, "log": true, "testing": true}

// DepBodies is the analysisutil.DepBodies of a client whose sinks are
// declared in the packages sinkPkg accepts. A summary says something only
// for a function that reaches a sink or passes text through; Analyze
// follows both in the packages that can reach a sink, directly or through
// other packages outside the standard library, and treats the functions
// of the others as unknown (NonConstant results, no sinks). The standard
// library is modelled, not analysed.
//
// allDeps, when it returns true, asks for every dependency outside the
// standard library: a client whose user named extra sinks cannot tell
// which packages declare them before loading.
func DepBodies(sinkPkg func(path string) bool, allDeps func() bool) analysisutil.DepBodies {
	return func(d analysisutil.Dep, needed func(string) bool) bool {
		if d.Std {
			return noReturnStd[d.Path]
		}
		if allDeps() {
			return true
		}
		for _, imp := range d.Imports {
			if sinkPkg(imp) || (needed(imp) && !analysisutil.IsStdPath(imp)) {
				return true
			}
		}
		return false
	}
}
