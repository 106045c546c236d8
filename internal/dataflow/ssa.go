package dataflow

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"
	"golang.org/x/tools/go/ssa"
)

// buildSSA returns the SSA form of the pass's package and its source
// functions: every function and method declared in the files, in source
// order, each followed by its function literals (depth first) — the
// package and SrcFuncs that buildssa.Analyzer would give.
//
// Analyze builds it here, only for the packages it analyses, rather than
// through buildssa.Analyzer: a client that exports facts runs on every
// dependency, and a prerequisite would build SSA for the whole standard
// library, which Analyze skips. The program is made the way buildssa
// makes it (default builder mode, ctrlflow's no-return predicate, the
// direct imports created from type information) so that the result is the
// same. A client that does require buildssa.Analyzer gets its result.
func buildSSA(pass *analysis.Pass) (*ssa.Package, []*ssa.Function) {
	if res, ok := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA); ok {
		return res.Pkg, res.SrcFuncs
	}
	cfgs, ok := pass.ResultOf[ctrlflow.Analyzer].(*ctrlflow.CFGs)
	if !ok {
		panic("dataflow: analyzer " + pass.Analyzer.Name + " must require ctrlflow.Analyzer")
	}
	return newSSA(pass, cfgs)
}

// newSSA builds the package's SSA form and lists its source functions.
func newSSA(pass *analysis.Pass, cfgs *ctrlflow.CFGs) (*ssa.Package, []*ssa.Function) {
	prog := ssa.NewProgram(pass.Fset, ssa.BuilderMode(0))
	// Calls that cannot return (os.Exit, log.Fatal, t.Fatal, and this
	// package's functions that end in them) end their block.
	prog.SetNoReturn(cfgs.NoReturn)
	for _, imp := range pass.Pkg.Imports() {
		prog.CreatePackage(imp, nil, nil, true)
	}
	pkg := prog.CreatePackage(pass.Pkg, pass.Files, pass.TypesInfo, false)
	pkg.Build()

	var funcs []*ssa.Function
	var add func(fn *ssa.Function)
	add = func(fn *ssa.Function) {
		funcs = append(funcs, fn)
		for _, lit := range fn.AnonFuncs {
			add(lit)
		}
	}
	for _, file := range pass.Files {
		for _, decl := range file.Decls {
			decl, ok := decl.(*ast.FuncDecl)
			if !ok {
				continue
			}
			// Each func init has its own *types.Func, and its
			// own ssa.Function (init#1, init#2, ...).
			obj, _ := pass.TypesInfo.Defs[decl.Name].(*types.Func)
			if obj == nil {
				continue
			}
			if fn := prog.FuncValue(obj); fn != nil {
				add(fn)
			}
		}
	}
	return pkg, funcs
}
