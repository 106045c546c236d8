package dataflow

import (
	"golang.org/x/tools/go/analysis"

	"github.com/microsec-lint/microsec-lint/internal/analysisutil"
)

// noReturnStd are the standard packages whose function bodies show that a
// call never returns (os.Exit, log.Fatal, testing's FailNow): ctrlflow
// learns that from them, and SSA ends a block at such a call.
var noReturnStd = map[string]bool{"os": true, "log": true, "testing": true}

// DepBodies is the analysisutil.DepBodies of client, an analyzer whose
// sinks are declared in the packages sinkPkg accepts. A summary says
// something only for a function that reaches a sink or passes text
// through; Analyze follows both in the packages that can reach a sink,
// directly or through other packages outside the standard library, and
// treats the functions of the others as unknown (NonConstant results, no
// sinks). The standard library is modelled, not analysed.
//
// Once the client's -sinks flag names extra sinks, every dependency
// outside the standard library is needed: which packages declare them is
// not known before loading.
func DepBodies(client *analysis.Analyzer, sinkPkg func(path string) bool) analysisutil.DepBodies {
	return func(d analysisutil.Dep, needed func(string) bool) bool {
		if d.Std {
			return noReturnStd[d.Path]
		}
		if f := client.Flags.Lookup("sinks"); f != nil && f.Value.String() != "" {
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
