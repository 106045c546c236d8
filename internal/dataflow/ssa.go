package dataflow

import (
	"go/ast"
	"go/token"
	"go/types"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"weak"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
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
// library, which Analyze skips. The package is built much as buildssa
// builds it (NoReturn's predicate, as ctrlflow's, imports created from type
// information), but only the imports whose functions or variables the
// package names are created, package initializers do not call their
// imports' (ssa.BareInits), and the program is shared with other packages
// (see programs): none of this changes the functions Analyze reads. A
// client that does require buildssa.Analyzer gets its result.
//
// With exportsOnly, for an idle Analyze, the package may be built pruned
// (see pruning); the result says so.
func buildSSA(pass *analysis.Pass, exportsOnly bool) *built {
	if res, ok := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA); ok {
		return &built{pkg: res.Pkg, funcs: res.SrcFuncs}
	}
	exits, ok := pass.ResultOf[NoReturn].(*Exits)
	if !ok {
		panic("dataflow: analyzer " + pass.Analyzer.Name + " must require dataflow.NoReturn")
	}
	if exportsOnly {
		// The whole form, if another client built it and still holds
		// it, serves as well.
		if v, ok := ssaCache.Load(ssaKey{pass.Pkg, false}); ok {
			if entry := v.(*ssaEntry); entry.built.Load() {
				if b := entry.ptr.Value(); b != nil {
					return b
				}
			}
		}
	}
	return sharedSSA(pass, exits, exportsOnly)
}

// built is the SSA form of one package, as newSSA returns it.
type built struct {
	pkg    *ssa.Package
	funcs  []*ssa.Function
	pruned *pruning // nil: built whole
}

// ssaEntry is a package's SSA form while some client holds it.
type ssaEntry struct {
	once  sync.Once
	ptr   weak.Pointer[built]
	built atomic.Bool // ptr is set: for a reader that does not go through once
}

// ssaKey names a package's SSA form, whole or pruned.
type ssaKey struct {
	pkg    *types.Package
	pruned bool
}

// ssaCache lets the clients that analyse the same package (sqlconcat and
// cmdinjection, which the driver runs side by side) share one SSA form
// instead of building it each: SSA is a third of their cost. It holds the
// form weakly, so that it is freed once no client uses it (its program,
// see programs, may hold the package a while longer); a client that comes
// after that builds it again. The form is read-only once built, and built
// the same way each time, so sharing it changes no result.
var ssaCache sync.Map // ssaKey → *ssaEntry

func sharedSSA(pass *analysis.Pass, exits *Exits, exportsOnly bool) *built {
	key := ssaKey{pass.Pkg, exportsOnly}
	v, _ := ssaCache.LoadOrStore(key, new(ssaEntry))
	entry := v.(*ssaEntry)
	var mine *built
	entry.once.Do(func() {
		mine = newSSA(pass, exits, exportsOnly)
		entry.ptr = weak.Make(mine)
		entry.built.Store(true)
		// Once the form is freed, the entry goes too: a language
		// server analyses new packages all day.
		runtime.AddCleanup(mine, func(key ssaKey) { ssaCache.CompareAndDelete(key, entry) }, key)
	})
	if mine != nil {
		return mine
	}
	if b := entry.ptr.Value(); b != nil {
		return b
	}
	// Freed before this client came: build a private copy.
	return newSSA(pass, exits, exportsOnly)
}

// namedImports returns the imported packages whose package-level functions
// or variables the package names: the builder needs their members, and
// creates the methods of other packages' types when a call needs them.
// Creating every import costs as much as building the package's own
// bodies, mostly for members no code names.
func namedImports(pass *analysis.Pass) []*types.Package {
	named := make(map[*types.Package]bool)
	for _, obj := range pass.TypesInfo.Uses {
		p := obj.Pkg()
		if p == nil || p == pass.Pkg || named[p] || obj.Parent() != p.Scope() {
			continue
		}
		switch obj.(type) {
		case *types.Func, *types.Var:
			named[p] = true
		}
	}
	var out []*types.Package
	for _, imp := range pass.Pkg.Imports() {
		if named[imp] {
			out = append(out, imp)
		}
	}
	return out
}

// newSSA builds the package's SSA form and lists its source functions;
// with exportsOnly, pruned if prune finds functions to leave out.
func newSSA(pass *analysis.Pass, exits *Exits, exportsOnly bool) *built {
	files, info := pass.Files, pass.TypesInfo
	var pr *pruning
	if exportsOnly {
		if pr = prune(pass.Pkg, files, info); pr != nil {
			files, info = pr.files, pr.info
		}
	}
	lent := programs.get(pass.Fset, pass.Pkg)
	prog := lent.prog
	// Calls that cannot return (os.Exit, log.Fatal, t.Fatal, and this
	// package's functions that end in them) end their block. The
	// predicate holds the pass: it is dropped once the build is done.
	prog.SetNoReturn(exits.NoReturn)
	for _, imp := range namedImports(pass) {
		if prog.Package(imp) == nil {
			prog.CreatePackage(imp, nil, nil, true)
		}
	}
	pkg := prog.CreatePackage(pass.Pkg, files, info, false)
	pkg.Build()
	prog.SetNoReturn(nil)

	var funcs []*ssa.Function
	var add func(fn *ssa.Function)
	add = func(fn *ssa.Function) {
		funcs = append(funcs, fn)
		for _, lit := range fn.AnonFuncs {
			add(lit)
		}
	}
	for _, file := range files {
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
	programs.put(lent, fromSyntax(pkg, funcs))
	return &built{pkg: pkg, funcs: funcs, pruned: pr}
}

// fromSyntax counts the functions built from a package's syntax: its source
// functions and the package initializer, with their function literals.
// The initializer holds the literals of package-level variables, which a
// package may be made of.
func fromSyntax(pkg *ssa.Package, funcs []*ssa.Function) int {
	n := len(funcs)
	var count func(fn *ssa.Function)
	count = func(fn *ssa.Function) {
		n++
		for _, lit := range fn.AnonFuncs {
			count(lit)
		}
	}
	if init, ok := pkg.Members["init"].(*ssa.Function); ok {
		count(init)
	}
	return n
}

// programs lends the ssa.Programs that newSSA builds packages in.
//
// A program per package would create, for every package, the members of
// each import its code names, and walk again the types its values are
// converted to interfaces from (ssa's test for type parameters, which it
// caches per program); on 1000 small services that was half the cost of
// SSA. A program lent to one builder at a time and used for many packages
// creates each import once. The ssa package allows no package to be
// created in a program while another is being built, so a program is
// never lent to two builders at once; once lent back, the packages built
// in it are only read, which is safe beside the next build. No client of
// the built form looks anything up in the program (see funcOf), so what
// else a program holds changes no result.
//
// A program keeps every package built in it: it is retired once it has
// built maxLent functions from syntax (see fromSyntax), to bound that
// memory, and freed when the last client of those packages is done. The
// members of the imports it creates are not counted: each import is
// created once per program, bodiless, and sharing them is the point.
// Between runs the pool keeps the last run's free programs until a run on
// another file set comes.
var programs programPool

// maxLent is the number of functions a program builds from syntax before
// it is retired. On 1000 services of about ten functions each, 50, 100,
// 200 and 1000 all saved a fifth of the CPU; from 300 up, peak memory grew
// (by a third at 1000).
const maxLent = 100

type programPool struct {
	mu   sync.Mutex
	fset *token.FileSet
	free []*lentProgram
}

type lentProgram struct {
	prog  *ssa.Program
	funcs int // functions built from syntax in prog (see fromSyntax)
}

// get lends a program for building pkg, whose files are in fset.
func (pp *programPool) get(fset *token.FileSet, pkg *types.Package) *lentProgram {
	pp.mu.Lock()
	defer pp.mu.Unlock()
	if pp.fset != fset {
		// Another run (a language server's next analysis): the
		// programs of the last one are of no use.
		pp.fset, pp.free = fset, nil
	}
	for i := len(pp.free) - 1; i >= 0; i-- {
		if l := pp.free[i]; l.prog.Package(pkg) == nil {
			pp.free = slices.Delete(pp.free, i, i+1)
			return l
		}
	}
	// BareInits: the package initializer does not call its imports'
	// initializers, which lets the imports no code names go uncreated.
	return &lentProgram{prog: ssa.NewProgram(fset, ssa.BareInits)}
}

// put takes back a program that has built n more functions from syntax.
func (pp *programPool) put(l *lentProgram, n int) {
	l.funcs += n
	pp.mu.Lock()
	defer pp.mu.Unlock()
	if l.funcs < maxLent && l.prog.Fset == pp.fset {
		pp.free = append(pp.free, l)
	}
}
