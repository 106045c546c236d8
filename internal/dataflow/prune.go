package dataflow

import (
	"go/ast"
	"go/types"
	"maps"
	"strings"
)

// A pruning is what SSA is built from in a package where Analyze is idle
// (no call reaches a sink): there it only exports the summaries of the
// package's exported text functions, checking helpers and variables
// (exportFacts), and those depend on a part of the package only. The functions outside that part
// are created without their bodies, and the initializers of the variables
// outside it are left out; on x/tools, building the rest was most of what
// SSA cost there (internal/stdlib's table alone, a fifth of it).
//
// The part kept is closed under what the engine reads across functions
// when idle: the functions and methods a kept one names (the summaries of
// its calls), every function and initializer that names a kept variable
// (global joins all writes), every function and initializer that uses a
// kept function other than by calling it (escapes: its callers are then
// unknown), and every function and initializer that names a handler
// registration (findSources marks the handler's parameters). Invoked
// methods need no closure: an idle engine judges no call, so it never
// looks for the implementations of an interface method. Should the engine
// still reach a function built without its body, or a variable not kept,
// it says so (engine.incomplete) and Analyze builds the package whole.
type pruning struct {
	files []*ast.File
	info  *types.Info
	// stubbed are the declared functions built without their bodies.
	stubbed map[*types.Func]bool
	// vars are the package-level variables kept: their initializers and
	// every function that names them are built.
	vars map[*types.Var]bool
}

// pruneUnit is a function declaration or a package-level variable
// initializer, and what its syntax names.
type pruneUnit struct {
	decl  *ast.FuncDecl      // or nil
	init  *types.Initializer // or nil
	kept  bool
	funcs []*types.Func // package functions and methods it names
	vars  []*types.Var  // package-level variables it names
}

// prune returns the pruning of pkg for an idle Analyze, or nil when every
// function would be kept.
func prune(pkg *types.Package, files []*ast.File, info *types.Info) *pruning {
	var units []*pruneUnit
	declOf := make(map[*types.Func]*pruneUnit)
	initOf := make(map[*types.Var]*pruneUnit)
	users := make(map[*types.Var][]*pruneUnit)       // units that name a variable
	valueUsers := make(map[*types.Func][]*pruneUnit) // units that use a function other than by calling it
	scope := pkg.Scope()

	// scan records what the syntax of u names.
	called := make(map[*ast.Ident]bool) // the names of calls' callees
	scan := func(u *pruneUnit, root ast.Node) {
		clear(called)
		ast.Inspect(root, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if id := calleeIdent(n.Fun); id != nil {
					called[id] = true
				}
			case *ast.Ident:
				switch obj := info.Uses[n].(type) {
				case *types.Func:
					if isRegistrationName(obj.Name()) {
						if kind, _ := registration(obj); kind != notHandler {
							u.kept = true
						}
					}
					if obj.Pkg() != pkg {
						break
					}
					obj = obj.Origin()
					u.funcs = append(u.funcs, obj)
					if !called[n] && obj.Signature().Recv() == nil {
						valueUsers[obj] = append(valueUsers[obj], u)
					}
				case *types.Var:
					if obj.Pkg() == pkg && obj.Parent() == scope {
						u.vars = append(u.vars, obj)
						users[obj] = append(users[obj], u)
					}
				}
			}
			return true
		})
	}
	for _, f := range files {
		for _, d := range f.Decls {
			decl, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			fn, ok := info.Defs[decl.Name].(*types.Func)
			if !ok || decl.Body == nil {
				continue
			}
			u := &pruneUnit{decl: decl}
			units = append(units, u)
			declOf[fn] = u
			scan(u, decl)
			// The roots: what exportFacts may export (see exported).
			if fn.Exported() && (textResult(fn) || checkResult(fn)) {
				u.kept = true
			}
		}
	}
	for _, in := range info.InitOrder {
		u := &pruneUnit{init: in}
		units = append(units, u)
		for _, v := range in.Lhs {
			initOf[v] = u
		}
		scan(u, in.Rhs)
	}

	p := &pruning{vars: make(map[*types.Var]bool), stubbed: make(map[*types.Func]bool)}
	var work []*pruneUnit
	keep := func(u *pruneUnit) {
		if u != nil && !u.kept {
			u.kept = true
			work = append(work, u)
		}
	}
	keepVar := func(v *types.Var) {
		if p.vars[v] {
			return
		}
		p.vars[v] = true
		keep(initOf[v])
		for _, u := range users[v] {
			keep(u)
		}
	}
	for _, u := range units {
		if u.kept {
			work = append(work, u)
		}
	}
	for _, name := range scope.Names() {
		if v, ok := scope.Lookup(name).(*types.Var); ok && v.Exported() && holdsText(v.Type()) {
			keepVar(v)
		}
	}
	for len(work) > 0 {
		u := work[len(work)-1]
		work = work[:len(work)-1]
		if u.decl != nil {
			fn := info.Defs[u.decl.Name].(*types.Func)
			for _, vu := range valueUsers[fn] {
				keep(vu)
			}
		}
		for _, fn := range u.funcs {
			keep(declOf[fn])
		}
		for _, v := range u.vars {
			keepVar(v)
		}
		if u.init != nil {
			for _, v := range u.init.Lhs {
				keepVar(v)
			}
		}
	}

	for v := range p.vars {
		if missed[v.Name()] {
			delete(p.vars, v)
		}
	}
	stubs := make(map[*ast.FuncDecl]*ast.FuncDecl)
	for fn, u := range declOf {
		if !u.kept || missed[fn.Name()] {
			p.stubbed[fn] = true
			stub := *u.decl
			stub.Body = nil
			stubs[u.decl] = &stub
		}
	}
	if len(p.stubbed) == 0 {
		return nil
	}
	inf := *info
	inf.InitOrder = nil
	for _, in := range info.InitOrder {
		if initOf[in.Lhs[0]].kept {
			inf.InitOrder = append(inf.InitOrder, in)
		}
	}
	// The copies of the files keep their Go versions: a file's version
	// decides, for one, whether a loop variable is per iteration.
	inf.FileVersions = maps.Clone(info.FileVersions)
	for _, f := range files {
		g := *f
		g.Decls = make([]ast.Decl, len(f.Decls))
		for i, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && stubs[fd] != nil {
				d = stubs[fd]
			}
			g.Decls[i] = d
		}
		if v, ok := info.FileVersions[f]; ok {
			inf.FileVersions[&g] = v
		}
		p.files = append(p.files, &g)
	}
	p.info = &inf
	return p
}

// missed names functions and variables that prune leaves out although
// they are needed, as a pruning with a gap would: tests set it to check
// that the engine notices and builds the package whole.
var missed map[string]bool

// calleeIdent returns the name a call calls, through parentheses and type
// arguments: F of F(x), F[T](x) and (F)(x), M of x.M(y); or nil.
func calleeIdent(fun ast.Expr) *ast.Ident {
	fun = ast.Unparen(fun)
	switch f := fun.(type) {
	case *ast.IndexExpr:
		fun = ast.Unparen(f.X)
	case *ast.IndexListExpr:
		fun = ast.Unparen(f.X)
	}
	switch f := fun.(type) {
	case *ast.Ident:
		return f
	case *ast.SelectorExpr:
		return f.Sel
	}
	return nil
}

// isRegistrationName is a cheap test that obj's name may be one that
// registration accepts.
func isRegistrationName(name string) bool {
	switch name {
	case "Handle", "Subscribe", "NewHandler", "NewSubscriber":
		return true
	}
	return strings.HasPrefix(name, "Register")
}
