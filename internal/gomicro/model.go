package gomicro

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
)

// Option is one option value that reaches a component, as the model
// resolved it.
type Option struct {
	// Expr is the expression the option was found at: the option call, or
	// for an Opaque option whatever expression could not be seen into. For
	// options expanded from a nats.Options literal it is the field's value.
	Expr ast.Expr
	// Call is the option call (transport.Secure(true)); nil when the option
	// is not a call the model recognised.
	Call *ast.CallExpr
	// Ref is the option function, when it is declared in go-micro.
	Ref  Ref
	Kind OptionKind
	// Arg is the option's argument: the bool of Secure, the *tls.Config of
	// TLSConfig, the component of micro.Transport.
	Arg ast.Expr
	// Target is, for a Component option, the kind of component installed.
	Target Kind
	// Value is, for a Component option, what the model knows of the
	// component installed.
	Value *Value
	// Init is the Init call that applied the option, or nil when the option
	// was passed to the constructor.
	Init *ast.CallExpr
	// Sub is the part of a service the option was applied to: Server for
	// svc.Server().Init(opts...), Client for svc.Client().Init(opts...),
	// NoKind for the component itself.
	Sub Kind
	// Fact is what an External resolver knows of an option built in
	// another package (an analyzer's fact); nil otherwise.
	Fact any
}

// Value is what the model knows of a component-typed expression, such as
// the argument of micro.Transport(t): the components it may hold.
type Value struct {
	// Components are the constructor calls (or go-micro defaults) the value
	// may come from, flow-insensitively.
	Components []*Component
	// Opaque is set when the value may also come from somewhere the model
	// cannot see (a parameter, another package's function).
	Opaque bool
}

// Component is one go-micro component: a constructor call in the package,
// or a go-micro default (transport.DefaultTransport and the like) that the
// package configures or relies on.
type Component struct {
	// Call is the constructor call; nil for a go-micro default.
	Call *ast.CallExpr
	Ctor Constructor
	// Global is, for a default, the package variable that holds it.
	Global *types.Var
	// Options are the options that reach the component, in order:
	// constructor arguments (through option slices and helper functions of
	// the package), then options applied by Init calls on any variable the
	// component is stored in.
	Options []Option
	// Holders are the variables (locals, package variables, struct fields,
	// go-micro globals) the component is assigned to.
	Holders []*types.Var
	// ConsumedBy lists the components this one is installed into through
	// Component options (micro.Server(s), server.Transport(t), ...).
	ConsumedBy []*Component
	// Inits are the Init calls found on the component's holders.
	Inits []*ast.CallExpr

	resolved bool
}

// Pos returns where the component is built: its constructor call, or for
// a default the first Init call or assignment that configures it.
func (c *Component) Pos() token.Pos {
	switch {
	case c.Call != nil:
		return c.Call.Pos()
	case len(c.Inits) > 0:
		return c.Inits[0].Pos()
	}
	return token.NoPos
}

// End is where the code Pos starts ends: with Pos, the range a finding
// about the component underlines (an analysis.Range).
func (c *Component) End() token.Pos {
	switch {
	case c.Call != nil:
		return c.Call.End()
	case len(c.Inits) > 0:
		return c.Inits[0].End()
	}
	return token.NoPos
}

// IsDefault reports whether c stands for a go-micro default component
// rather than a constructor call.
func (c *Component) IsDefault() bool { return c.Call == nil }

type assignment struct {
	rhs ast.Expr // nil: zero value (unknown is set otherwise)
	// at is the assignment statement or value spec, or nil (a struct
	// literal's field); block is the block it is a statement of, or nil.
	at, block ast.Node
	unknown   bool // from a multi-value expression, range, and the like
	// first is, for the first variable a multi-value call is assigned to
	// (ctx, cancel := context.WithTimeout(...)), that call.
	first *ast.CallExpr
}

// Model is what the model knows about one package: its components, the
// options that reach each, and the defaults it configures. It is built from
// the syntax and type information of one package (a pass), works without
// SSA, and is flow-insensitive: every value ever assigned to a variable in
// the package may reach every use of it.
type Model struct {
	*Syntax

	components []*Component
	byCall     map[*ast.CallExpr]*Component
	defaults   map[*types.Var]*Component
	pkgs       map[string]*types.Package // the packages lookupPackage has seen, by path
	below      []*types.Package          // those whose imports it has yet to see
	tls        map[*Component]*TLSState
	external   External
}

// Syntax is what a model reads from the files of a package, in one walk:
// the assignments, Init calls and constructor calls. It does not change
// once made, so the models of several rules over one package share it
// (see SyntaxAnalyzer); each model resolves the options of its own
// components.
type Syntax struct {
	pkg  *types.Package
	info *types.Info

	funcs     map[*types.Func]*ast.FuncDecl
	assigns   map[*types.Var][]assignment
	inits     map[*types.Var][]*ast.CallExpr
	initOrder []*types.Var // the keys of inits in source order
	subInits  map[*types.Var]map[Kind][]*ast.CallExpr
	holders   map[*ast.CallExpr][]*types.Var
	calls     []*ast.CallExpr       // every call in the files, in source order
	lits      []*ast.CompositeLit   // every composite literal, in source order
	stmts     []*ast.AssignStmt     // every assignment statement, in source order
	ctors     []ctorCall            // the constructor calls, in source order
	dead      []ast.Node            // branches that never run (deadBranches)
	always    []ast.Node            // if bodies that run whenever their if does (deadBranches)
	blockOf   map[ast.Node]ast.Node // statements (and specs of declarations) directly in a block, to it
	funcLits  []*ast.FuncLit        // every function literal, in source order
	stmt      ast.Node              // the assignment statement or value spec being indexed
}

// Dead reports whether pos lies in a branch that never runs in any build:
// the body of an if statement whose condition is a constant false, or the
// else branch of one whose condition is a constant true, where the
// condition is made of literals and constants that no build constraint
// or test file can define otherwise. The model ignores what such code
// builds, assigns and applies.
func (s *Syntax) Dead(pos token.Pos) bool {
	for _, n := range s.dead {
		if n.Pos() <= pos && pos < n.End() {
			return true
		}
	}
	return false
}

// Always reports whether block is the body of an if statement whose
// condition is a constant true that no build can make false (see Dead):
// it runs whenever the if statement does, as if written in its place.
func (s *Syntax) Always(block ast.Node) bool {
	for _, n := range s.always {
		if n == block {
			return true
		}
	}
	return false
}

// Calls returns every call expression of the package's files, in source
// order; CompositeLits every composite literal and AssignStmts every
// assignment statement (op-assignments included). Rules that look at these
// nodes alone read them here instead of walking the files again.
func (s *Syntax) Calls() []*ast.CallExpr { return s.calls }

// CompositeLits: see Calls.
func (s *Syntax) CompositeLits() []*ast.CompositeLit { return s.lits }

// AssignStmts: see Calls.
func (s *Syntax) AssignStmts() []*ast.AssignStmt { return s.stmts }

// A ctorCall is a call of a go-micro constructor.
type ctorCall struct {
	call *ast.CallExpr
	ctor Constructor
}

// External resolves a call of a function declared in another package that
// returns an option (slice is false) or an option slice (slice is true),
// typically from an analysis fact exported by that package's pass. ok is
// false when it knows nothing, and the option stays opaque.
type External func(call *ast.CallExpr, slice bool) (opts []Option, ok bool)

// NewSyntax walks the files of package pkg once. info must hold Types,
// Defs, Uses and Selections, as a go/analysis pass's TypesInfo does; fset
// names the files (nil: only if statements with the literal true or false
// as condition are taken for dead code, see Dead). Its Model method makes
// a model of the package; rules get theirs through SyntaxAnalyzer
// (ModelOf).
func NewSyntax(fset *token.FileSet, pkg *types.Package, info *types.Info, files []*ast.File) *Syntax {
	s := &Syntax{
		pkg:      pkg,
		info:     info,
		funcs:    map[*types.Func]*ast.FuncDecl{},
		assigns:  map[*types.Var][]assignment{},
		inits:    map[*types.Var][]*ast.CallExpr{},
		subInits: map[*types.Var]map[Kind][]*ast.CallExpr{},
		holders:  map[*ast.CallExpr][]*types.Var{},
		blockOf:  map[ast.Node]ast.Node{},
	}
	s.dead, s.always = deadBranches(fset, pkg, info, files)
	for _, f := range files {
		ast.Inspect(f, s.index)
	}
	return s
}

// Model makes a model of the package from s, with a resolver for option
// helpers of other packages (nil for none). Each call makes components of
// its own, which the model resolves and fills in.
func (s *Syntax) Model(ext External) *Model {
	m := &Model{
		Syntax:   s,
		external: ext,
		byCall:   make(map[*ast.CallExpr]*Component, len(s.ctors)),
		defaults: map[*types.Var]*Component{},
		tls:      map[*Component]*TLSState{},
	}
	for _, cc := range s.ctors {
		c := &Component{Call: cc.call, Ctor: cc.ctor}
		m.components = append(m.components, c)
		m.byCall[cc.call] = c
	}
	for _, c := range m.components {
		m.resolve(c)
	}
	// Defaults configured through Init calls become components too, so that
	// transport.DefaultTransport.Init(transport.Secure(true)) is judged
	// like a constructor call.
	for _, v := range m.initOrder {
		if d := m.defaultFor(v); d != nil && len(m.assigns[v]) == 0 {
			m.components = append(m.components, d)
		}
	}
	return m
}

// Components returns every component of the package: constructor calls in
// source order, then the go-micro defaults the package configures.
func (m *Model) Components() []*Component { return m.components }

// Component returns the component built by call, or nil.
func (m *Model) Component(call *ast.CallExpr) *Component { return m.byCall[call] }

func (s *Syntax) index(n ast.Node) bool {
	if n != nil && s.Dead(n.Pos()) {
		// Code that never runs builds, assigns and applies nothing; rules
		// still see its calls, literals and statements.
		switch n := n.(type) {
		case *ast.CompositeLit:
			s.lits = append(s.lits, n)
		case *ast.AssignStmt:
			s.stmts = append(s.stmts, n)
		case *ast.CallExpr:
			s.calls = append(s.calls, n)
		}
		return true
	}
	switch n := n.(type) {
	case *ast.FuncDecl:
		if fn, ok := s.info.Defs[n.Name].(*types.Func); ok && n.Body != nil {
			s.funcs[fn] = n
		}
	case *ast.BlockStmt:
		s.recordBlock(n, n.List)
	case *ast.CaseClause:
		s.recordBlock(n, n.Body)
	case *ast.CommClause:
		s.recordBlock(n, n.Body)
	case *ast.FuncLit:
		s.funcLits = append(s.funcLits, n)
	case *ast.CompositeLit:
		s.lits = append(s.lits, n)
		s.stmt = nil
		s.assignFields(n)
	case *ast.AssignStmt:
		s.stmts = append(s.stmts, n)
		if n.Tok != token.ASSIGN && n.Tok != token.DEFINE {
			return true
		}
		s.stmt = n
		for i, lhs := range n.Lhs {
			v := s.varOf(lhs)
			if v == nil {
				continue
			}
			if len(n.Lhs) != len(n.Rhs) {
				a := assignment{unknown: true}
				if call, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr); ok && i == 0 && len(n.Rhs) == 1 {
					a.first = call
				}
				a.at, a.block = n, s.blockOf[n]
				s.assigns[v] = append(s.assigns[v], a)
				continue
			}
			s.assign(v, n.Rhs[i])
		}
	case *ast.ValueSpec:
		s.stmt = n
		for i, name := range n.Names {
			v, _ := s.info.Defs[name].(*types.Var)
			switch {
			case v == nil:
			case len(n.Values) == 0:
				s.assigns[v] = append(s.assigns[v], assignment{at: n, block: s.blockOf[n]})
			case len(n.Values) != len(n.Names):
				s.assigns[v] = append(s.assigns[v], assignment{unknown: true, at: n, block: s.blockOf[n]})
			default:
				s.assign(v, n.Values[i])
			}
		}
	case *ast.RangeStmt:
		for _, e := range []ast.Expr{n.Key, n.Value} {
			if v := s.varOf(e); v != nil {
				s.assigns[v] = append(s.assigns[v], assignment{unknown: true})
			}
		}
	case *ast.UnaryExpr:
		// &v lets anything write v.
		if v := s.varOf(n.X); n.Op == token.AND && v != nil {
			s.assigns[v] = append(s.assigns[v], assignment{unknown: true})
		}
	case *ast.CallExpr:
		s.calls = append(s.calls, n)
		s.indexCall(n)
	}
	return true
}

// assignFields records the values a struct literal gives its fields:
// &App{svc: micro.NewService(...)} assigns the field as app.svc = ...
// does.
func (s *Syntax) assignFields(lit *ast.CompositeLit) {
	t := s.info.TypeOf(lit)
	if t == nil {
		return
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return
	}
	for i, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			if i < st.NumFields() {
				s.assign(st.Field(i), elt)
			}
			continue
		}
		if id, ok := kv.Key.(*ast.Ident); ok {
			if v, ok := s.info.Uses[id].(*types.Var); ok && v.IsField() {
				s.assign(v, kv.Value)
			}
		}
	}
}

// recordBlock notes that the statements list are directly in block, and
// so are the specs of the declarations among them.
func (s *Syntax) recordBlock(block ast.Node, list []ast.Stmt) {
	for _, st := range list {
		s.blockOf[st] = block
		if d, ok := st.(*ast.DeclStmt); ok {
			if g, ok := d.Decl.(*ast.GenDecl); ok {
				for _, spec := range g.Specs {
					s.blockOf[spec] = block
				}
			}
		}
	}
}

// assign records rhs as a value of v, given by the statement or spec being
// indexed (s.stmt).
func (s *Syntax) assign(v *types.Var, rhs ast.Expr) {
	rhs = ast.Unparen(rhs)
	a := assignment{rhs: rhs}
	if s.stmt != nil {
		a.at, a.block = s.stmt, s.blockOf[s.stmt]
	}
	s.assigns[v] = append(s.assigns[v], a)
	if call, ok := rhs.(*ast.CallExpr); ok {
		s.holders[call] = append(s.holders[call], v)
	}
}

func (s *Syntax) indexCall(call *ast.CallExpr) {
	if ctor, ok := ConstructorOf(s.info, call); ok {
		s.ctors = append(s.ctors, ctorCall{call, ctor})
		return
	}
	ref, ok := CalleeRef(s.info, call)
	if !ok {
		return
	}
	if global, ok := packageInits[ctorKey{ref.Path, ref.Name}]; ok {
		fn, _ := Callee(s.info, call).(*types.Func)
		if fn == nil || fn.Signature().Recv() != nil {
			return
		}
		if v, ok := fn.Pkg().Scope().Lookup(global).(*types.Var); ok {
			s.addInit(v, call)
		}
		return
	}
	if !isInitMethod(Callee(s.info, call)) {
		return
	}
	method, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return
	}
	recv := ast.Unparen(method.X)
	if v := s.varOf(recv); v != nil {
		s.addInit(v, call)
		return
	}
	// svc.Server().Init(...) and svc.Client().Init(...) configure the
	// service's own server or client.
	inner, ok := recv.(*ast.CallExpr)
	if !ok {
		return
	}
	sel, ok := inner.Fun.(*ast.SelectorExpr)
	if !ok {
		return
	}
	sub := NoKind
	switch sel.Sel.Name {
	case "Server":
		sub = Server
	case "Client":
		sub = Client
	}
	if v := s.varOf(sel.X); v != nil && sub != NoKind {
		if _, isMethod := s.info.Selections[sel]; isMethod {
			if s.subInits[v] == nil {
				s.subInits[v] = map[Kind][]*ast.CallExpr{}
			}
			s.subInits[v][sub] = append(s.subInits[v][sub], call)
		}
	}
}

func (s *Syntax) addInit(v *types.Var, call *ast.CallExpr) {
	if len(s.inits[v]) == 0 {
		s.initOrder = append(s.initOrder, v)
	}
	s.inits[v] = append(s.inits[v], call)
}

// isInitMethod reports whether obj is a method called Init of a go-micro
// type (an interface such as transport.Transport or micro.Service, or a
// concrete type such as v4's *httpTransport).
func isInitMethod(obj types.Object) bool {
	fn, ok := obj.(*types.Func)
	if !ok || fn.Name() != "Init" || fn.Signature().Recv() == nil {
		return false
	}
	_, ok = RefOf(fn)
	return ok
}

// varOf returns the variable an expression names: a local or package
// variable, a go-micro global (transport.DefaultTransport) or a struct
// field (s.transport).
func (s *Syntax) varOf(e ast.Expr) *types.Var {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if e.Name == "_" {
			return nil
		}
		v, _ := s.info.ObjectOf(e).(*types.Var)
		return v
	case *ast.SelectorExpr:
		v, _ := s.info.Uses[e.Sel].(*types.Var)
		return v
	}
	return nil
}

// resolve fills in the options of c, once.
func (m *Model) resolve(c *Component) {
	if c.resolved {
		return
	}
	c.resolved = true
	if c.Call != nil {
		c.Options = m.args(c.Call, nil, NoKind)
		c.Holders = m.holders[c.Call]
	} else {
		c.Holders = []*types.Var{c.Global}
	}
	for _, v := range c.Holders {
		for _, init := range m.inits[v] {
			c.Inits = append(c.Inits, init)
			c.Options = append(c.Options, m.args(init, init, NoKind)...)
		}
		for _, sub := range []Kind{Server, Client} {
			for _, init := range m.subInits[v][sub] {
				c.Options = append(c.Options, m.args(init, init, sub)...)
			}
		}
	}
	for _, o := range c.Options {
		if o.Value == nil {
			continue
		}
		for _, d := range o.Value.Components {
			d.ConsumedBy = append(d.ConsumedBy, c)
		}
	}
}

// args resolves the option arguments of a constructor or Init call.
func (m *Model) args(call, init *ast.CallExpr, sub Kind) []Option {
	r := resolver{m: m, init: init, sub: sub, seen: map[types.Object]bool{}}
	args := OptionArgs(m.info, call)
	var opts []Option
	for i, a := range args {
		if i == len(args)-1 && call.Ellipsis.IsValid() {
			opts = append(opts, r.slice(a, 0)...)
		} else {
			opts = append(opts, r.option(a, 0)...)
		}
	}
	return opts
}

// maxDepth bounds how many helper functions and variables the resolver
// follows for one option.
const maxDepth = 6

type resolver struct {
	m    *Model
	init *ast.CallExpr
	sub  Kind
	seen map[types.Object]bool
}

func (r *resolver) opaque(e ast.Expr) []Option {
	return []Option{{Expr: e, Kind: OptOpaque, Init: r.init, Sub: r.sub}}
}

// option resolves an expression of option type to the options it may be.
func (r *resolver) option(e ast.Expr, depth int) []Option {
	e = ast.Unparen(e)
	if depth > maxDepth {
		return r.opaque(e)
	}
	switch e := e.(type) {
	case *ast.CallExpr:
		if ref, ok := CalleeRef(r.m.info, e); ok {
			return r.known(e, ref)
		}
		if decl := r.m.localFunc(e); decl != nil {
			var opts []Option
			for _, res := range r.m.returnedValues(decl) {
				opts = append(opts, r.option(res, depth+1)...)
			}
			return opts
		}
		if opts, ok := r.ext(e, false); ok {
			return opts
		}
	case *ast.Ident, *ast.SelectorExpr:
		v := r.m.varOf(e)
		if v == nil || r.seen[v] {
			break
		}
		as := r.m.assigns[v]
		if len(as) == 0 {
			break // a parameter, or set in another package
		}
		r.seen[v] = true
		defer delete(r.seen, v)
		var opts []Option
		for _, a := range as {
			if a.rhs == nil {
				opts = append(opts, r.opaque(e)...)
				continue
			}
			opts = append(opts, r.option(a.rhs, depth+1)...)
		}
		return opts
	}
	return r.opaque(e)
}

// slice resolves an expression of option-slice type (the argument of
// NewService(opts...)) to the options it may hold.
func (r *resolver) slice(e ast.Expr, depth int) []Option {
	e = ast.Unparen(e)
	if depth > maxDepth {
		return r.opaque(e)
	}
	switch e := e.(type) {
	case *ast.CompositeLit:
		var opts []Option
		for _, elt := range e.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			opts = append(opts, r.option(elt, depth+1)...)
		}
		return opts
	case *ast.CallExpr:
		if isBuiltin(r.m.info, e.Fun, "append") && len(e.Args) > 0 {
			opts := r.slice(e.Args[0], depth+1)
			for i, a := range e.Args[1:] {
				if i == len(e.Args)-2 && e.Ellipsis.IsValid() {
					opts = append(opts, r.slice(a, depth+1)...)
				} else {
					opts = append(opts, r.option(a, depth+1)...)
				}
			}
			return opts
		}
		if decl := r.m.localFunc(e); decl != nil {
			var opts []Option
			for _, res := range r.m.returnedValues(decl) {
				opts = append(opts, r.slice(res, depth+1)...)
			}
			return opts
		}
		if opts, ok := r.ext(e, true); ok {
			return opts
		}
	case *ast.Ident, *ast.SelectorExpr:
		if id, ok := e.(*ast.Ident); ok && r.m.info.Uses[id] == types.Universe.Lookup("nil") {
			return nil
		}
		v := r.m.varOf(e)
		if v == nil {
			break
		}
		if r.seen[v] {
			return nil // opts = append(opts, ...): the rest is visited already
		}
		as := r.m.assigns[v]
		if len(as) == 0 {
			break
		}
		r.seen[v] = true
		defer delete(r.seen, v)
		var opts []Option
		for _, a := range as {
			switch {
			case a.unknown:
				opts = append(opts, r.opaque(e)...)
			case a.rhs != nil:
				opts = append(opts, r.slice(a.rhs, depth+1)...)
			}
		}
		return opts
	}
	return r.opaque(e)
}

// ext asks the model's External resolver about call.
func (r *resolver) ext(call *ast.CallExpr, slice bool) ([]Option, bool) {
	if r.m.external == nil {
		return nil, false
	}
	opts, ok := r.m.external(call, slice)
	if !ok {
		return nil, false
	}
	for i := range opts {
		opts[i].Init, opts[i].Sub = r.init, r.sub
		if opts[i].Expr == nil {
			opts[i].Expr = call
		}
	}
	return opts, true
}

// OptionsOf resolves e, an expression of option type (or of option-slice
// type when slice is set), to the options it may be.
func (m *Model) OptionsOf(e ast.Expr, slice bool) []Option {
	r := resolver{m: m, seen: map[types.Object]bool{}}
	if slice {
		return r.slice(e, 0)
	}
	return r.option(e, 0)
}

// known turns a call of a go-micro function into an option.
func (r *resolver) known(call *ast.CallExpr, ref Ref) []Option {
	o := Option{Expr: call, Call: call, Ref: ref, Kind: OptOther, Init: r.init, Sub: r.sub}
	if len(call.Args) > 0 {
		o.Arg = call.Args[0]
	}
	info, ok := options[ctorKey{ref.Path, ref.Name}]
	if !ok {
		return []Option{o}
	}
	o.Kind = info.kind
	switch info.kind {
	case OptComponent:
		o.Target = info.target
		if o.Arg != nil {
			v := r.m.valueOf(o.Arg, 0, map[types.Object]bool{})
			o.Value = &v
		}
	case OptNatsOptions:
		if lit, ok := ast.Unparen(o.Arg).(*ast.CompositeLit); ok {
			return r.natsFields(o, lit)
		}
	}
	return []Option{o}
}

// natsFields expands nats.Options(nats.Options{Secure: b, TLSConfig: c})
// into Secure and TLSConfig options; other fields do not matter here.
func (r *resolver) natsFields(o Option, lit *ast.CompositeLit) []Option {
	opts := []Option{{Expr: o.Expr, Call: o.Call, Ref: o.Ref, Kind: OptOther, Init: o.Init, Sub: o.Sub}}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		key, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		f := o
		f.Expr, f.Arg = kv.Value, kv.Value
		switch key.Name {
		case "Secure":
			f.Kind = OptSecure
		case "TLSConfig":
			f.Kind = OptTLSConfig
		default:
			continue
		}
		opts = append(opts, f)
	}
	return opts
}

// valueOf resolves a component-typed expression.
func (m *Model) valueOf(e ast.Expr, depth int, seen map[types.Object]bool) Value {
	e = ast.Unparen(e)
	if depth > maxDepth {
		return Value{Opaque: true}
	}
	switch e := e.(type) {
	case *ast.CallExpr:
		if c := m.byCall[e]; c != nil {
			return Value{Components: []*Component{c}}
		}
		if decl := m.localFunc(e); decl != nil {
			var v Value
			for _, res := range m.returnedValues(decl) {
				v.merge(m.valueOf(res, depth+1, seen))
			}
			return v
		}
	case *ast.Ident, *ast.SelectorExpr:
		if v := m.varOf(e); v != nil && !seen[v] {
			return m.valueOfVar(v, depth, seen)
		}
	}
	return Value{Opaque: true}
}

// valueOfVar resolves what variable v may hold: every value assigned to it
// in the package or, for a go-micro global the package never assigns, the
// go-micro default.
func (m *Model) valueOfVar(v *types.Var, depth int, seen map[types.Object]bool) Value {
	as := m.assigns[v]
	if len(as) == 0 {
		if d := m.defaultFor(v); d != nil {
			return Value{Components: []*Component{d}}
		}
		return Value{Opaque: true} // a parameter, or set in another package
	}
	seen[v] = true
	defer delete(seen, v)
	var val Value
	for _, a := range as {
		if a.rhs == nil {
			val.Opaque = true
			continue
		}
		val.merge(m.valueOf(a.rhs, depth+1, seen))
	}
	return val
}

func (v *Value) merge(w Value) {
	v.Components = append(v.Components, w.Components...)
	v.Opaque = v.Opaque || w.Opaque
}

// Default returns what the default component of kind holds for go-micro
// module mod, as the package leaves it: the components the package assigns
// to the global (transport.DefaultTransport = ...) if it assigns it,
// otherwise go-micro's own default, with the options of any Init calls on
// it (transport.DefaultTransport.Init(...), server.Init(...)).
func (m *Model) Default(mod Module, kind Kind) Value {
	g, ok := defaultGlobals[kind]
	if !ok {
		return Value{}
	}
	if pkg := m.lookupPackage(mod.Root + "/" + g.path); pkg != nil {
		if v, ok := pkg.Scope().Lookup(g.name).(*types.Var); ok {
			return m.valueOfVar(v, 0, map[types.Object]bool{})
		}
	}
	// The package does not import the component's package, so it cannot
	// have changed the default.
	ref := Ref{Module: mod, Path: g.path, Name: g.name}
	d := &Component{Ctor: Constructor{Ref: ref, Kind: kind, Impl: DefaultImpl(mod.Version, kind)}, resolved: true}
	return Value{Components: []*Component{d}}
}

// builtin returns go-micro's own default component of kind for module
// mod, with the options of Init calls on the global, whatever the package
// assigns to the global.
func (m *Model) builtin(mod Module, kind Kind) Value {
	if g, ok := defaultGlobals[kind]; ok {
		if pkg := m.lookupPackage(mod.Root + "/" + g.path); pkg != nil {
			if v, ok := pkg.Scope().Lookup(g.name).(*types.Var); ok {
				if d := m.defaultFor(v); d != nil {
					return Value{Components: []*Component{d}}
				}
			}
		}
	}
	return m.Default(mod, kind)
}

// defaultFor returns the component standing for go-micro global v
// (transport.DefaultTransport, server.DefaultServer, ...), creating it on
// first use, or nil when v is not such a global.
func (m *Model) defaultFor(v *types.Var) *Component {
	if d, ok := m.defaults[v]; ok {
		return d
	}
	ref, ok := RefOf(v)
	if !ok || v.Parent() != v.Pkg().Scope() {
		return nil
	}
	for kind, g := range defaultGlobals {
		if g.path != ref.Path || g.name != ref.Name {
			continue
		}
		d := &Component{
			Ctor:   Constructor{Ref: ref, Kind: kind, Impl: DefaultImpl(ref.Module.Version, kind)},
			Global: v,
		}
		m.defaults[v] = d
		m.resolve(d)
		return d
	}
	return nil
}

// lookupPackage finds an imported package by path among the package's
// imports, transitively. It goes breadth first and only as far as it must:
// the go-micro packages it is asked for are near the top of a graph that
// holds all of gRPC and protobuf below them.
func (m *Model) lookupPackage(path string) *types.Package {
	if m.pkgs == nil {
		m.pkgs = map[string]*types.Package{}
		if m.pkg != nil {
			m.below = []*types.Package{m.pkg}
		}
	}
	for m.pkgs[path] == nil && len(m.below) > 0 {
		p := m.below[0]
		m.below = m.below[1:]
		for _, imp := range p.Imports() {
			if _, ok := m.pkgs[imp.Path()]; !ok {
				m.pkgs[imp.Path()] = imp
				m.below = append(m.below, imp)
			}
		}
	}
	return m.pkgs[path]
}

// localFunc returns the declaration of the package function call calls, if
// it is declared in the package being analysed.
func (m *Model) localFunc(call *ast.CallExpr) *ast.FuncDecl {
	fn, ok := Callee(m.info, call).(*types.Func)
	if !ok {
		return nil
	}
	return m.funcs[fn]
}

// returnedValues returns the first result of every return statement of
// decl that may run (see ReturnedIn).
func (s *Syntax) returnedValues(decl *ast.FuncDecl) []ast.Expr {
	return s.ReturnedIn(decl.Body)
}

// ReturnedIn returns the first result of every return statement of body,
// outside nested function literals and code that never runs (see Dead):
// a helper that returns TLS options only under if secure {...}, with const
// secure = false, returns none.
func (s *Syntax) ReturnedIn(body *ast.BlockStmt) []ast.Expr {
	var res []ast.Expr
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) > 0 && !s.Dead(n.Pos()) {
				res = append(res, n.Results[0])
			}
		}
		return true
	})
	return res
}

func isBuiltin(info *types.Info, fun ast.Expr, name string) bool {
	id, ok := ast.Unparen(fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == name
}

// BoolArg returns the constant boolean value of o's argument; known is
// false when it is not a constant (a variable, a flag).
func (m *Model) BoolArg(o Option) (value, known bool) {
	if o.Arg == nil {
		return false, false
	}
	tv, ok := m.info.Types[o.Arg]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Bool {
		return false, false
	}
	return constant.BoolVal(tv.Value), true
}

// IsNil reports whether e is the predeclared nil.
func (m *Model) IsNil(e ast.Expr) bool {
	tv, ok := m.info.Types[e]
	return ok && tv.IsNil()
}

// reaching returns the assignments of v that may give its value at use:
// when every assignment of v is a statement of one block that holds use,
// the last one before use (a later one in that block replaces it);
// otherwise, or when none comes before use, or when use is in a function
// literal of that block (which may run after any of them), all of them.
func (s *Syntax) reaching(v *types.Var, use token.Pos) []assignment {
	as := s.assigns[v]
	if len(as) < 2 {
		return as
	}
	block := as[0].block
	if block == nil || use < block.Pos() || use >= block.End() || s.inFuncLit(block, use) {
		return as
	}
	last := -1
	for i, a := range as {
		if a.block != block {
			return as
		}
		if a.at.End() <= use && (last < 0 || a.at.Pos() > as[last].at.Pos()) {
			last = i
		}
	}
	if last < 0 {
		return as
	}
	return as[last : last+1]
}

// inFuncLit reports whether pos lies in a function literal written in
// block: a closure that may run later than the statements around it.
func (s *Syntax) inFuncLit(block ast.Node, pos token.Pos) bool {
	for _, lit := range s.funcLits {
		if block.Pos() <= lit.Pos() && lit.End() <= block.End() && lit.Pos() <= pos && pos < lit.End() {
			return true
		}
	}
	return false
}
