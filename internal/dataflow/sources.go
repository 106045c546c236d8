package dataflow

import (
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/microsec-lint/microsec-lint/internal/analysisutil"
	"github.com/microsec-lint/microsec-lint/internal/gomicro"
)

// handlerKind tells RPC handlers from subscribers.
type handlerKind int

const (
	notHandler handlerKind = iota
	rpcHandler
	subscriber
)

// String names the kind as findings do.
func (k handlerKind) String() string {
	if k == subscriber {
		return "subscriber"
	}
	return "handler"
}

// foreignHandler is a handler method or subscriber function declared in
// another package and registered in this one: its sinks are judged at the
// registration.
type foreignHandler struct {
	pos    token.Pos
	method *types.Func
	param  int    // SSA index of the parameter carrying the request
	what   string // "handler" or "subscriber", as the message names it
}

// findSources marks the parameters that carry external input: the request
// of go-micro handler methods and the message of subscribers, for handlers
// registered in this package and for types that implement a handler
// interface of generated code (protoc-gen-micro's XxxHandler, accepted by
// RegisterXxxHandler).
func (e *engine) findSources() {
	for _, fn := range e.funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				obj, _, args := callee(call.Common())
				kind, i := registration(obj)
				if kind != notHandler && i < len(args) {
					e.markHandler(args[i], kind, call.Common().Pos())
				}
			}
		}
	}
	e.markGenerated()
}

// registration reports whether obj registers a handler or subscriber, and
// which operand (receiver excluded) is the handler.
func registration(obj types.Object) (handlerKind, int) {
	if obj == nil || obj.Pkg() == nil {
		return notHandler, 0
	}
	name := obj.Name()
	isMethod := receiverTypeName(obj) != ""
	if _, rel, ok := gomicro.Split(obj.Pkg().Path()); ok {
		switch rel {
		case "", "service":
			switch name {
			case "RegisterHandler":
				return rpcHandler, 1
			case "Handle":
				return rpcHandler, 0
			case "RegisterSubscriber":
				return subscriber, 2
			case "Subscribe":
				if isMethod {
					return subscriber, 1
				}
			}
		case "server":
			switch name {
			case "NewHandler":
				return rpcHandler, 0
			case "NewSubscriber":
				return subscriber, 1
			}
		}
		return notHandler, 0
	}
	if isGeneratedRegister(obj) {
		return rpcHandler, 1
	}
	return notHandler, 0
}

// isGeneratedRegister recognises protoc-gen-micro's
// RegisterXxxHandler(s server.Server, hdlr XxxHandler, ...).
func isGeneratedRegister(obj types.Object) bool {
	f, ok := obj.(*types.Func)
	if !ok || !strings.HasPrefix(f.Name(), "Register") || !strings.HasSuffix(f.Name(), "Handler") {
		return false
	}
	sig := f.Signature()
	if sig.Recv() != nil || sig.Params().Len() < 2 {
		return false
	}
	path, name := namedOf(sig.Params().At(0).Type())
	if name != "Server" {
		return false
	}
	_, rel, ok := gomicro.Split(path)
	return ok && rel == "server"
}

// markHandler marks the request parameters of a registered handler value.
// Given as a generated XxxHandler interface, only that interface's methods
// are served; given as an empty interface (micro.RegisterHandler's), every
// exported method is.
func (e *engine) markHandler(v ssa.Value, kind handlerKind, pos token.Pos) {
	var served *types.Interface
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			if it, ok := x.Type().Underlying().(*types.Interface); ok && it.NumMethods() > 0 && served == nil {
				served = it
			}
			v = x.X
			continue
		case *ssa.ChangeType:
			v = x.X
			continue
		}
		break
	}
	var fn *ssa.Function
	switch x := v.(type) {
	case *ssa.Function:
		fn = x
	case *ssa.MakeClosure:
		fn, _ = x.Fn.(*ssa.Function)
	}
	if fn != nil {
		if o := fn.Origin(); o != nil {
			// An instantiation of a generic function (Sub[Msg]):
			// its body is the generic function's.
			fn = o
		}
		if i := handlerParam(fn.Signature, kind); i >= 0 {
			if obj, ok := fn.Object().(*types.Func); ok && obj.Pkg() != e.pass.Pkg {
				if pos.IsValid() {
					e.foreign = append(e.foreign, foreignHandler{pos: pos, method: obj, param: i, what: kind.String()})
				}
				return
			}
			e.markParam(fn, i)
		}
		return
	}
	t := v.Type()
	if types.IsInterface(t) {
		return
	}
	ms := types.NewMethodSet(t)
	for i := 0; i < ms.Len(); i++ {
		m, ok := ms.At(i).Obj().(*types.Func)
		if !ok || !m.Exported() {
			continue
		}
		if served != nil {
			if obj, _, _ := types.LookupFieldOrMethod(served, false, nil, m.Name()); obj == nil {
				continue
			}
		}
		if p := handlerParam(m.Signature(), kind); p >= 0 {
			e.markMethod(m, p+1, pos, kind)
		}
	}
}

// handlerParam returns the index of the parameter (receiver excluded) that
// carries the request in a handler of the given kind, or -1.
func handlerParam(sig *types.Signature, kind handlerKind) int {
	ps := sig.Params()
	if sig.Results().Len() != 1 || !isError(sig.Results().At(0).Type()) {
		return -1
	}
	switch kind {
	case rpcHandler:
		if ps.Len() == 3 && isContext(ps.At(0).Type()) {
			return 1
		}
	case subscriber:
		if ps.Len() == 2 && isContext(ps.At(0).Type()) {
			return 1
		}
		if ps.Len() == 1 && !isContext(ps.At(0).Type()) {
			return 0
		}
	}
	return -1
}

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

func (e *engine) markParam(fn *ssa.Function, i int) {
	if e.sources[fn] == nil {
		e.sources[fn] = make(map[int]bool)
	}
	e.sources[fn][i] = true
}

// markMethod marks the request parameter of handler method m: for this
// package's methods, that of its SSA function; for another package's, the
// handler is judged at pos, its registration. A method of an instantiated
// generic type (G[int]) is marked as the generic method: SSA builds the
// body once, for G[T], and facts are exported for that method's object.
func (e *engine) markMethod(m *types.Func, param int, pos token.Pos, kind handlerKind) {
	m = m.Origin()
	if m.Pkg() == e.pass.Pkg {
		if fn := e.funcOf(m); fn != nil {
			e.markParam(fn, param)
		}
		return
	}
	if pos.IsValid() {
		e.foreign = append(e.foreign, foreignHandler{pos: pos, method: m, param: param, what: kind.String()})
	}
}

// markGenerated marks the handler methods of this package's types that
// implement a generated XxxHandler interface of an imported package.
func (e *engine) markGenerated() {
	var ifaces []*types.Interface
	for _, imp := range e.pass.Pkg.Imports() {
		for _, name := range generatedRegisters(imp) {
			obj := imp.Scope().Lookup(name)
			if it, ok := obj.Type().(*types.Signature).Params().At(1).Type().Underlying().(*types.Interface); ok && it.NumMethods() > 0 {
				ifaces = append(ifaces, it)
			}
		}
	}
	if len(ifaces) == 0 {
		return
	}
	scope := e.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() || types.IsInterface(tn.Type()) {
			continue
		}
		for _, it := range ifaces {
			for _, t := range []types.Type{tn.Type(), types.NewPointer(tn.Type())} {
				if !types.Implements(t, it) {
					continue
				}
				for i := 0; i < it.NumMethods(); i++ {
					obj, _, _ := types.LookupFieldOrMethod(t, true, e.pass.Pkg, it.Method(i).Name())
					if m, ok := obj.(*types.Func); ok {
						if p := handlerParam(m.Signature(), rpcHandler); p >= 0 {
							e.markMethod(m, p+1, token.NoPos, rpcHandler)
						}
					}
				}
				break
			}
		}
	}
}

// registerNames holds generatedRegisters' answers, by package: the
// packages imported in one run are shared by the units that import them,
// and every service imports its go-micro package.
var registerNames analysisutil.PackageMemo[[]string]

// generatedRegisters returns the names of the functions of p that
// isGeneratedRegister accepts, in order.
func generatedRegisters(p *types.Package) []string {
	if names, ok := registerNames.Load(p); ok {
		return names
	}
	var names []string
	// RegisterXxxHandler's first parameter is a go-micro server.Server:
	// without that import, p declares none, and listing its scope
	// (sorted) is the cost.
	if importsServer(p) {
		scope := p.Scope()
		for _, name := range scope.Names() {
			if isGeneratedRegister(scope.Lookup(name)) {
				names = append(names, name)
			}
		}
	}
	return registerNames.Store(p, names)
}

// importsServer reports whether p imports a go-micro server package.
func importsServer(p *types.Package) bool {
	for _, imp := range p.Imports() {
		if _, rel, ok := gomicro.Split(imp.Path()); ok && rel == "server" {
			return true
		}
	}
	return false
}

// checkForeignHandlers judges, at the registration, the sinks that the
// request of a handler declared in another package reaches.
func (e *engine) checkForeignHandlers() {
	for _, h := range e.foreign {
		s := e.importFact(h.method)
		if s == nil {
			continue
		}
		args := make([]Value, h.method.Signature().Params().Len()+1)
		args[h.param] = Value{Origin: External}
		for _, su := range s.Sinks {
			site := &Site{Kind: su.Kind, Callee: su.Callee, Where: su.Where, Extra: su.Extra, Via: joinVia(h.what+" "+Name(h.method), su.Via)}
			for _, a := range su.Args {
				site.Args = append(site.Args, Subst(a, args))
			}
			if len(su.Checked) == len(su.Args) {
				// The checks made on the way to the sink, by the
				// handler or a function it calls, hold whoever
				// registers it.
				for _, a := range su.Checked {
					site.Checked = append(site.Checked, Subst(a, args))
				}
			}
			// Each method's own sinks are faults of their own, reported
			// together at the registration.
			if d := e.cfg.Judge(site); d.Message != "" {
				e.report(h.pos, d, site, site.Via+"\x00"+su.Where)
			}
		}
	}
}

// implementations returns the methods that a call of interface method m
// may reach among the types of this package and of its direct imports, in
// a stable order; iface is the package of the interface type the call is
// made through (which may embed the interface declaring m), nil if that
// type has no name. Only methods whose summaries reach sinks are
// returned: the others add nothing at a call. A method whose summary is
// still being computed (the call is made on the way to it) counts for
// nothing at this call, and the answer is then not kept: a later call must
// see its sinks.
func (e *engine) implementations(m *types.Func, iface *types.Package) []*types.Func {
	key := implKey{m, iface}
	if ms, ok := e.impls[key]; ok {
		return ms
	}
	var out []*types.Func
	final := true
	recv := m.Signature().Recv()
	if recv != nil {
		if it, ok := recv.Type().Underlying().(*types.Interface); ok {
			for _, c := range e.candidateMethods() {
				if c.Name() != m.Name() || !e.related(c, m, iface) || !types.Implements(c.Signature().Recv().Type(), it) {
					continue
				}
				if e.summarizing(c) {
					// Its first summary, in the second pass (see
					// resummarize).
					final = false
					f := e.funcOf(c)
					e.sawPending = e.sawPending || f != e.current
					if p := e.prev[f]; p == nil || len(p.Sinks) == 0 {
						continue
					}
					out = append(out, c)
					continue
				}
				if s := e.importFact(c); s != nil && len(s.Sinks) > 0 {
					out = append(out, c)
				}
			}
		}
	}
	if final {
		e.impls[key] = out
	}
	return out
}

// related reports whether method c may be what a call of interface method
// m, made through an interface type of package iface, reaches, judged by
// whose code knows whose: c is declared in this package, or the interface
// is (the one called through, or the one declaring m), or c's package is
// one of theirs, imports it or is imported by it. A type that only happens
// to have the methods of an interface no code around it mentions
// (go-micro's runtime, whose Start, Stop and String are those of
// profile.Profile, called by a service that imports both) is not taken for
// an implementation.
func (e *engine) related(c, m *types.Func, iface *types.Package) bool {
	cp := c.Pkg()
	if cp == e.pass.Pkg || m.Pkg() == nil {
		return true
	}
	for _, p := range []*types.Package{m.Pkg(), iface} {
		if p == nil {
			continue
		}
		if p == e.pass.Pkg || p == cp || imports(cp, p) || imports(p, cp) {
			return true
		}
	}
	return false
}

// implKey is what the implementations of an interface method are kept
// by: the method, and the package of the interface type called through.
type implKey struct {
	m     *types.Func
	iface *types.Package
}

// namedPkg returns the package of the named type t, nil for another type.
func namedPkg(t types.Type) *types.Package {
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Pkg()
	}
	return nil
}

// imports reports whether p imports q directly.
func imports(p, q *types.Package) bool {
	for _, i := range p.Imports() {
		if i == q {
			return true
		}
	}
	return false
}

// summarizing reports whether the summary of fn, a function of this
// package, is being computed.
func (e *engine) summarizing(fn *types.Func) bool {
	if fn.Pkg() != e.pass.Pkg {
		return false
	}
	f := e.funcOf(fn)
	if f == nil {
		return false
	}
	s, ok := e.sums[f]
	return ok && s == nil
}

// candidateMethods lists, once, the methods of named types of this package
// and those of its direct imports whose facts say they reach sinks. The
// imports' methods come from the facts the package sees, so that only the
// imports that have such methods are looked at. Nothing is summarised here:
// the list must not depend on which summaries are computed first.
func (e *engine) candidateMethods() []*types.Func {
	if e.candidates != nil {
		return e.candidates
	}
	e.candidates = []*types.Func{}
	withSinks := make(map[*types.Func]bool)
	pkgs := map[*types.Package]bool{e.pass.Pkg: true}
	for _, obj := range factsWithSinks(e.pass) {
		if fn, ok := obj.(*types.Func); ok && fn.Signature().Recv() != nil {
			withSinks[fn] = true
			pkgs[fn.Pkg()] = true
		}
	}
	for _, p := range append([]*types.Package{e.pass.Pkg}, e.pass.Pkg.Imports()...) {
		if !pkgs[p] {
			continue
		}
		for m := range concreteMethods(p) {
			if p == e.pass.Pkg || withSinks[m] {
				e.candidates = append(e.candidates, m)
			}
		}
	}
	return e.candidates
}
