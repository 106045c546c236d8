package dataflow

import (
	"go/types"
	"iter"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/microsec-lint/microsec-lint/internal/analysisutil"
)

// noReturnStd are the standard packages whose function bodies show that a
// call never returns (os.Exit, log.Fatal, testing's FailNow): NoReturn
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
		if FlagNames(client, "sinks").Len() > 0 {
			return true
		}
		for _, imp := range d.Imports {
			// The standard packages needed are noReturnStd's, for
			// NoReturn only: importing one reaches no sink. The test
			// is by name, not by the shape of the path: a module
			// path need not have a dot (module lib, replaced by a
			// folder of the repository).
			if sinkPkg(imp) || (needed(imp) && !noReturnStd[imp]) {
				return true
			}
		}
		return false
	}
}

// FlagNames returns the comma-separated names that a client's flag holds,
// such as the extra sinks of -sinks.
func FlagNames(client *analysis.Analyzer, flag string) KeySet {
	var names []string
	if f := client.Flags.Lookup(flag); f != nil {
		for _, n := range strings.Split(f.Value.String(), ",") {
			if n != "" {
				names = append(names, n)
			}
		}
	}
	return NewKeySet(names)
}

// Idle returns a test of whether a client, whose sinks are the functions
// and methods isSink accepts (whatever their operands), can find nothing in
// a package (see reachesSink). Analyze would report nothing there; it
// would only export the summaries of the package's text functions, which
// matter to no one if no package above it can reach a sink either. A
// driver that knows that (analyzers.Rule.Idle) may skip the client on the
// package.
//
// memo, if not nil, keeps each package's sink methods (see SinkMethods)
// for the client.
func Idle(isSink func(types.Object) bool, memo *SinkMethodMemo) func(*analysis.Pass) bool {
	return func(pass *analysis.Pass) bool { return !reachesSink(pass, isSink, memo) }
}

// A SinkMethodMemo keeps, for one client, the sink methods of each package
// (see sinkMethodsOf), so that each package's types are listed once a run
// rather than once for every package that imports it.
type SinkMethodMemo = analysisutil.PackageMemo[[]*types.Func]

var memos sync.Map // *analysis.Analyzer → *SinkMethodMemo

// MemoFor returns the SinkMethodMemo of client, the same for the life of
// the process: a client's sinks are fixed for a run, and two analyzers
// made with different -sinks flags keep apart.
func MemoFor(client *analysis.Analyzer) *SinkMethodMemo {
	v, _ := memos.LoadOrStore(client, new(SinkMethodMemo))
	return v.(*SinkMethodMemo)
}

// sinkMethodsOf returns the methods of p's named types (not interfaces,
// not generic) that isSink accepts: the sinks an interface method call
// may reach when p is imported, such as (*sql.DB).Query behind a
// Querier of the caller's own.
func sinkMethodsOf(p *types.Package, isSink func(types.Object) bool, memo *SinkMethodMemo) []*types.Func {
	if memo != nil {
		if ms, ok := memo.Load(p); ok {
			return ms
		}
	}
	var out []*types.Func
	for m := range concreteMethods(p) {
		if isSink(m) {
			out = append(out, m)
		}
	}
	if memo != nil {
		out = memo.Store(p, out)
	}
	return out
}

// sinkImplementations returns the sink methods, of the types of pkg and of
// its direct imports, that may implement the interface method m.
func sinkImplementations(pkg *types.Package, m *types.Func, isSink func(types.Object) bool, memo *SinkMethodMemo) []*types.Func {
	recv := m.Signature().Recv()
	if recv == nil {
		return nil
	}
	it, ok := recv.Type().Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	var out []*types.Func
	for _, p := range append([]*types.Package{pkg}, pkg.Imports()...) {
		for _, c := range sinkMethodsOf(p, isSink, memo) {
			if c.Name() == m.Name() && types.Implements(c.Signature().Recv().Type(), it) {
				out = append(out, c)
			}
		}
	}
	return out
}

// factsWithSinks returns the objects of other packages whose facts say
// they reach a sink.
func factsWithSinks(pass *analysis.Pass) []types.Object {
	var out []types.Object
	for _, f := range pass.AllObjectFacts() {
		if s, ok := f.Fact.(Fact); ok && len(s.summary().Sinks) > 0 {
			out = append(out, f.Object)
		}
	}
	return out
}

// reachesSink reports whether a call in the package may reach a sink: it
// names a sink, or an interface method that a sink of the package or of
// a direct import may implement, or a function whose fact says it reaches
// one, or an interface method that a method with such a fact may implement; or the
// package registers a handler and some method has such a fact (the
// handler's methods are not named where it is registered). Every finding,
// and every summary with sinks, needs one of these.
func reachesSink(pass *analysis.Pass, isSink func(types.Object) bool, memo *SinkMethodMemo) bool {
	// Most packages that reach a sink name one: answer that before
	// listing every dependency's facts.
	var ifaceMethods []*types.Func
	for _, obj := range pass.TypesInfo.Uses {
		if isSink(obj) {
			return true
		}
		if fn, ok := obj.(*types.Func); ok {
			if recv := fn.Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) {
				ifaceMethods = append(ifaceMethods, fn)
			}
		}
	}
	// An interface method that a sink of the package or of a direct
	// import implements.
	for _, m := range ifaceMethods {
		if len(sinkImplementations(pass.Pkg, m, isSink, memo)) > 0 {
			return true
		}
	}
	withSinks := make(map[types.Object]bool)
	methods := make(map[string]bool) // names of methods with sinks
	for _, obj := range factsWithSinks(pass) {
		withSinks[obj] = true
		if fn, ok := obj.(*types.Func); ok && fn.Signature().Recv() != nil {
			methods[fn.Name()] = true
		}
	}
	for _, obj := range pass.TypesInfo.Uses {
		fn, ok := obj.(*types.Func)
		if !ok {
			continue
		}
		if withSinks[fn.Origin()] {
			return true
		}
		if len(methods) > 0 {
			if recv := fn.Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) && methods[fn.Name()] {
				return true
			}
			if kind, _ := registration(fn); kind != notHandler {
				return true
			}
		}
	}
	return false
}

// concreteMethods yields the methods of p's named types that are neither
// interfaces nor generic, in the order of the type names: the methods an
// interface call may reach in p.
func concreteMethods(p *types.Package) iter.Seq[*types.Func] {
	return func(yield func(*types.Func) bool) {
		scope := p.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() || types.IsInterface(tn.Type()) {
				continue
			}
			n, ok := tn.Type().(*types.Named)
			if !ok || n.TypeParams().Len() > 0 {
				continue
			}
			for m := range n.Methods() {
				if !yield(m) {
					return
				}
			}
		}
	}
}
