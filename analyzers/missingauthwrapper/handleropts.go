package missingauthwrapper

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"github.com/microsec-lint/microsec-lint/internal/gomicro"
)

// calledOptionsAuth reports whether the HandlerOptions that call returns
// may carry an auth provider that is not the no-op one: for a function of
// the package, one of the values it may return given call's arguments
// does (see returnsProvider); a function of another package does unless
// a noProviderFact marks it, or marks its provider as coming from a
// parameter that call gives the no-op auth.
func (c *checker) calledOptionsAuth(call *ast.CallExpr, depth int) bool {
	if decl := c.model.LocalFunc(call); decl != nil {
		saved := c.args
		c.args = c.argsOf(decl, call, depth)
		defer func() { c.args = saved }()
		return c.returnsProvider(decl, depth+1)
	}
	fn, ok := gomicro.Callee(c.pass.TypesInfo, call).(*types.Func)
	var f noProviderFact
	if !ok || fn.Pkg() == c.pass.Pkg || !c.pass.ImportObjectFact(fn, &f) {
		return true
	}
	if f.NoProvider {
		return false
	}
	i := f.AuthParam - 1
	return i < 0 || i >= len(call.Args) || fn.Signature().Variadic() || !c.isNoopAuth(call.Args[i], depth+1)
}

// paramArgs is what the parameters of a function are given by one call
// of it: the parameters given the no-op auth (or nil), and those given a
// constant.
type paramArgs struct {
	noop   map[*types.Var]bool
	consts map[*types.Var]constant.Value
}

// argsOf returns what call gives the parameters of decl, the function it
// calls, judging the arguments where call is (c.args still the caller's).
func (c *checker) argsOf(decl *ast.FuncDecl, call *ast.CallExpr, depth int) paramArgs {
	a := paramArgs{noop: map[*types.Var]bool{}, consts: map[*types.Var]constant.Value{}}
	fn, _ := c.pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if fn == nil || fn.Signature().Variadic() {
		return a
	}
	params := fn.Signature().Params()
	assigned := c.assignedParams(decl)
	for i := 0; i < params.Len() && i < len(call.Args); i++ {
		if assigned[params.At(i)] {
			continue // not bound to the argument: unknown
		}
		if val, ok := c.constValue(call.Args[i]); ok {
			a.consts[params.At(i)] = val
		}
		if isAuthType(params.At(i).Type()) && c.isNoopAuth(call.Args[i], depth+1) {
			a.noop[params.At(i)] = true
		}
	}
	return a
}

// returnsProvider reports whether one of the HandlerOptions values that
// decl may return (see mayReturn) may carry an auth provider, with the
// parameters given what c.args says. A function with named results may
// return them with a bare return, which it does not follow, and one
// with no return it can read gets the benefit too.
func (c *checker) returnsProvider(decl *ast.FuncDecl, depth int) bool {
	if res := decl.Type.Results; res != nil && len(res.List) > 0 && len(res.List[0].Names) > 0 {
		return true
	}
	values := c.mayReturn(decl.Body)
	for _, v := range values {
		if c.handlerOptionsAuth(v, depth) {
			return true
		}
	}
	return len(values) == 0
}

// mayReturn returns the first result of every return statement of body
// that may run, outside function literals: not in code that never runs
// (see gomicro.Syntax.Dead), nor in a branch that the constant
// arguments in c.args rule out, nor after a statement that always
// returns (if name == "public" { return o } given "public"). With a goto
// in body, every return may run.
func (c *checker) mayReturn(body *ast.BlockStmt) []ast.Expr {
	if hasGoto(body) {
		return c.model.ReturnedIn(body)
	}
	var res []ast.Expr
	collect := func(n ast.Node) {
		ast.Inspect(n, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				if len(n.Results) > 0 && !c.model.Dead(n.Pos()) {
					res = append(res, n.Results[0])
				}
			}
			return true
		})
	}
	var block func(list []ast.Stmt) bool
	// stmt collects the returns of s that may run, and reports whether
	// s always returns.
	stmt := func(s ast.Stmt) bool {
		switch s := s.(type) {
		case *ast.ReturnStmt:
			collect(s)
			return true
		case *ast.BlockStmt:
			return block(s.List)
		case *ast.IfStmt:
			if s.Init != nil {
				collect(s.Init)
			}
			taken, known := c.condValue(s.Cond)
			body, other := false, false
			if !known || taken {
				body = block(s.Body.List)
			}
			if s.Else != nil && (!known || !taken) {
				other = block([]ast.Stmt{s.Else})
			}
			switch {
			case !known:
				return body && other
			case taken:
				return body
			}
			return other
		}
		collect(s)
		return false
	}
	block = func(list []ast.Stmt) bool {
		for _, s := range list {
			if stmt(s) {
				return true
			}
		}
		return false
	}
	block(body.List)
	return res
}

// condValue returns the value of the boolean condition e given the
// constant arguments in c.args, when it is known.
func (c *checker) condValue(e ast.Expr) (value, known bool) {
	v, ok := c.constValue(e)
	if !ok || v.Kind() != constant.Bool {
		return false, false
	}
	return constant.BoolVal(v), true
}

// constValue returns the constant value of e, reading the parameters
// given a constant in c.args: a constant, such a parameter, or a
// comparison, negation, conjunction or disjunction of those.
func (c *checker) constValue(e ast.Expr) (constant.Value, bool) {
	e = ast.Unparen(e)
	if tv, ok := c.pass.TypesInfo.Types[e]; ok && tv.Value != nil {
		return tv.Value, true
	}
	switch x := e.(type) {
	case *ast.Ident:
		v, ok := c.args.consts[asVar(c.pass.TypesInfo.Uses[x])]
		return v, ok
	case *ast.UnaryExpr:
		if v, ok := c.constValue(x.X); ok && x.Op == token.NOT && v.Kind() == constant.Bool {
			return constant.MakeBool(!constant.BoolVal(v)), true
		}
	case *ast.BinaryExpr:
		l, lok := c.constValue(x.X)
		r, rok := c.constValue(x.Y)
		switch {
		case x.Op == token.LAND || x.Op == token.LOR:
			return logical(x.Op, l, lok, r, rok)
		case !lok || !rok || l.Kind() != r.Kind():
			return nil, false
		}
		switch x.Op {
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
			return constant.MakeBool(constant.Compare(l, x.Op, r)), true
		}
	}
	return nil, false
}

// logical returns the value of l op r for op && or ||, when one known
// side settles it or both are known.
func logical(op token.Token, l constant.Value, lok bool, r constant.Value, rok bool) (constant.Value, bool) {
	isBool := func(v constant.Value, ok bool) bool { return ok && v.Kind() == constant.Bool }
	lb, rb := isBool(l, lok), isBool(r, rok)
	short := op == token.LOR // the value that settles it
	switch {
	case lb && constant.BoolVal(l) == short, rb && constant.BoolVal(r) == short:
		return constant.MakeBool(short), true
	case lb && rb:
		return constant.MakeBool(!short), true
	}
	return nil, false
}

// exportNoProviderHelpers exports a noProviderFact for every exported
// function of the package whose result is wrapper/auth HandlerOptions that
// never carry an auth provider, or carry none when one auth.Auth
// parameter is given the no-op auth, so that AuthHandler given its result
// in another package is judged as here.
func (c *checker) exportNoProviderHelpers() {
	for fn, decl := range c.model.Funcs() {
		res := fn.Signature().Results()
		if !fn.Exported() || res.Len() == 0 || !isHandlerOptions(res.At(0).Type()) {
			continue
		}
		if f, ok := c.noProvider(fn, decl); ok {
			c.pass.ExportObjectFact(fn, &f)
		}
	}
}

// noProvider returns the noProviderFact fn, declared by decl, deserves.
func (c *checker) noProvider(fn *types.Func, decl *ast.FuncDecl) (noProviderFact, bool) {
	saved := c.args
	defer func() { c.args = saved }()
	c.args = paramArgs{}
	if !c.returnsProvider(decl, 1) {
		return noProviderFact{NoProvider: true}, true
	}
	params := fn.Signature().Params()
	assigned := c.assignedParams(decl)
	for i := 0; i < params.Len() && !fn.Signature().Variadic(); i++ {
		if !isAuthType(params.At(i).Type()) || assigned[params.At(i)] {
			continue
		}
		c.args = paramArgs{noop: map[*types.Var]bool{params.At(i): true}}
		if !c.returnsProvider(decl, 1) {
			return noProviderFact{AuthParam: i + 1}, true
		}
	}
	return noProviderFact{}, false
}

// assignedParams returns the parameters of decl that its body may give
// another value: assigned (a = x, a, err = f(), a += x, a++), ranged
// into, or with their address taken (fill(&a)). Such a parameter is not
// bound to what a call gives it (if a == nil { a = def } replaces a nil
// provider), so the rule does not judge a helper by that argument.
func (c *checker) assignedParams(decl *ast.FuncDecl) map[*types.Var]bool {
	params := map[*types.Var]bool{}
	fn, _ := c.pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if fn == nil || decl.Body == nil {
		return params
	}
	sig := fn.Signature()
	for i := 0; i < sig.Params().Len(); i++ {
		params[sig.Params().At(i)] = false
	}
	note := func(e ast.Expr) {
		if id := identOf(e); id != nil {
			if v, ok := c.pass.TypesInfo.ObjectOf(id).(*types.Var); ok {
				if _, isParam := params[v]; isParam {
					params[v] = true
				}
			}
		}
	}
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				note(l)
			}
		case *ast.IncDecStmt:
			note(n.X)
		case *ast.RangeStmt:
			note(n.Key)
			note(n.Value)
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				note(n.X)
			}
		}
		return true
	})
	return params
}

// isAuthType reports whether t is go-micro's auth.Auth.
func isAuthType(t types.Type) bool {
	return gomicro.IsNamedType(t, "auth", "Auth")
}

// optionStores are the values a variable of wrapper/auth's HandlerOptions
// type is given in the package.
type optionStores struct {
	// whole holds the values given to the variable itself: its
	// initialiser, later assignments, stores through a pointer (*p = x);
	// a nil value stands for the zero value of a declaration without one.
	whole []optionStore
	// auth holds the values given to its Auth field (opts.Auth = x, or
	// p.Auth = x through a pointer to it).
	auth []optionStore
}

// An optionStore is one value given to a HandlerOptions variable or its
// Auth field, with the ancestors of the statement or declaration that
// gives it, that statement last.
type optionStore struct {
	value ast.Expr
	path  []ast.Node
}

// handlerOptionsVarAuth reports whether the HandlerOptions variable v, as
// read by the identifier use, may carry an auth provider that is not the
// no-op one: any value given to its Auth field, or any whole value
// carrying one, that may be given before use (see mayPrecede). A
// variable the rule cannot follow (see optionsStores) is given the
// benefit.
func (c *checker) handlerOptionsVarAuth(v *types.Var, use *ast.Ident, depth int) bool {
	st, at, ok := c.optionsStores(v, use)
	if !ok {
		return true
	}
	for _, a := range st.auth {
		if mayPrecede(a.path, at) && !c.isNoopAuth(a.value, depth+1) {
			return true
		}
	}
	for _, w := range st.whole {
		if w.value != nil && mayPrecede(w.path, at) && c.handlerOptionsAuth(w.value, depth+1) {
			return true
		}
	}
	return false
}

// optionsStores returns what the package stores into the HandlerOptions
// variable v, a local variable or a package variable of this package,
// and the ancestors of use, an identifier of v, use last (nil when it is
// not found).
// ok is false when v may change in a way it cannot follow: a parameter or
// result (given by a caller), a range or multi-value assignment, its
// address or its Auth field's taken other than into a local pointer
// (p := &opts) used only to read or store fields and through *p, a method
// call on it, a store in a function literal that v is not declared in.
// Stores in code that never runs (see gomicro.Syntax.Dead) are left out.
func (c *checker) optionsStores(v *types.Var, use *ast.Ident) (st optionStores, at []ast.Node, ok bool) {
	if v.IsField() || v.Pkg() != c.pass.Pkg || v.Parent() == nil {
		return st, nil, false
	}
	w := &storeWalk{c: c, v: v, ptrs: map[*types.Var]bool{}}
	for _, root := range c.scopeOf(v) {
		var stack []ast.Node
		ast.Inspect(root, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			if n == use {
				at = append(slices.Clone(stack), n)
			}
			if id, ok := n.(*ast.Ident); ok && len(stack) > 0 {
				switch obj := c.pass.TypesInfo.ObjectOf(id); {
				case obj == v:
					w.use(id, false, stack)
				case w.ptrs[asVar(obj)]:
					w.use(id, true, stack)
				}
			}
			stack = append(stack, n)
			return true
		})
	}
	return w.st, at, w.declared && !w.escapes
}

// mayPrecede reports whether the store whose statement ends store (a
// path of ancestors, see optionStore) may run before the read that ends
// use. HandlerOptions are copied when read (AuthHandler takes them by
// value, a return copies them), so a store that runs only later does not
// reach what was read. In the same function, a store written after the
// read runs later unless a loop holds both or the function has a goto;
// a store in another function, or a read in a function literal (which
// may run later), may come first.
func mayPrecede(store, use []ast.Node) bool {
	if use == nil {
		return true
	}
	fn := innermostFunc(use)
	if fn == nil || innermostFunc(store) != fn {
		return true
	}
	at := store[len(store)-1]
	if at.Pos() < use[len(use)-1].Pos() {
		return true
	}
	for _, n := range use[slices.Index(use, fn):] {
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			if n.Pos() <= at.Pos() && at.End() <= n.End() {
				return true
			}
		}
	}
	return hasGoto(fn)
}

// innermostFunc returns the innermost function declaration or literal
// among the ancestors path, or nil.
func innermostFunc(path []ast.Node) ast.Node {
	for i := len(path) - 1; i >= 0; i-- {
		switch path[i].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return path[i]
		}
	}
	return nil
}

// hasGoto reports whether fn has a goto statement, which may run a later
// statement before an earlier one.
func hasGoto(fn ast.Node) bool {
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		if b, ok := n.(*ast.BranchStmt); ok && b.Tok == token.GOTO {
			found = true
		}
		return !found
	})
	return found
}

// A storeWalk collects the stores into one HandlerOptions variable v (see
// optionsStores).
type storeWalk struct {
	c        *checker
	v        *types.Var
	ptrs     map[*types.Var]bool // local pointers to v (p := &opts)
	st       optionStores
	declared bool // v's declaration was seen
	escapes  bool // v may change in a way the walk cannot follow
}

// use judges one appearance id of v (ptr false) or of a pointer to it
// (ptr true); stack holds id's ancestors.
func (w *storeWalk) use(id *ast.Ident, ptr bool, stack []ast.Node) {
	stack = outer(stack)
	switch p := stack[len(stack)-1].(type) {
	case *ast.ValueSpec:
		// A pointer's own declaration comes before it is known to be one.
		i := slices.Index(p.Names, id)
		if i < 0 {
			break // read in an initialiser
		}
		w.declared = true
		switch {
		case len(p.Values) == 0:
			w.store(stack, "", nil)
		case len(p.Values) == len(p.Names):
			w.store(stack, "", p.Values[i])
		default:
			w.escapes = true
		}
		return
	case *ast.AssignStmt:
		i := exprIndex(p.Lhs, id)
		if i < 0 {
			break // read on the right-hand side
		}
		if ptr || len(p.Lhs) != len(p.Rhs) || p.Tok != token.ASSIGN && p.Tok != token.DEFINE {
			w.escapes = true
			return
		}
		w.declared = w.declared || p.Tok == token.DEFINE
		w.store(stack, "", p.Rhs[i])
		return
	case *ast.SelectorExpr:
		if sel := w.c.pass.TypesInfo.Selections[p]; sel == nil || sel.Kind() != types.FieldVal {
			w.escapes = true // a method may take its address
			return
		}
		w.fieldUse(p, stack)
		return
	case *ast.StarExpr:
		if ptr {
			w.wholeUse(p, stack)
			return
		}
	case *ast.UnaryExpr:
		if !ptr && p.Op == token.AND {
			if pv := w.c.pointerTo(p, outer(stack[:len(stack)-1])); pv != nil {
				w.ptrs[pv] = true
			} else {
				w.escapes = true
			}
			return
		}
	}
	if ptr {
		w.escapes = true // the pointer goes where the walk does not follow
	}
}

// fieldUse judges a use of a field of v (opts.F or p.F), sel, whose
// ancestors up to sel are stack: a store into it is recorded, taking its
// address escapes, anything else reads it.
func (w *storeWalk) fieldUse(sel *ast.SelectorExpr, stack []ast.Node) {
	up := outer(stack[:len(stack)-1])
	switch p := up[len(up)-1].(type) {
	case *ast.AssignStmt:
		i := exprIndex(p.Lhs, sel)
		if i < 0 {
			return // read on the right-hand side
		}
		if len(p.Lhs) != len(p.Rhs) || p.Tok != token.ASSIGN {
			if sel.Sel.Name == "Auth" {
				w.escapes = true // opts.Auth, err = load()
			}
			return
		}
		w.store(up, sel.Sel.Name, p.Rhs[i])
	case *ast.UnaryExpr:
		if p.Op == token.AND {
			w.escapes = true
		}
	}
}

// wholeUse judges *p, star, for a pointer p to v, whose ancestors up to
// star are stack: *p = x stores x into v, reading *p copies it, and
// anything else escapes.
func (w *storeWalk) wholeUse(star *ast.StarExpr, stack []ast.Node) {
	up := outer(stack[:len(stack)-1])
	switch p := up[len(up)-1].(type) {
	case *ast.AssignStmt:
		i := exprIndex(p.Lhs, star)
		if i < 0 {
			return
		}
		if len(p.Lhs) != len(p.Rhs) || p.Tok != token.ASSIGN {
			w.escapes = true
			return
		}
		w.store(up, "", p.Rhs[i])
	case *ast.UnaryExpr:
		if p.Op == token.AND {
			w.escapes = true
		}
	}
}

// store records value given to field of v ("" for v itself) by the
// statement at the top of stack, unless that code never runs; a store in
// a function literal v is not declared in escapes.
func (w *storeWalk) store(stack []ast.Node, field string, value ast.Expr) {
	at := stack[len(stack)-1]
	if w.c.model.Dead(at.Pos()) {
		return
	}
	for _, n := range stack {
		if lit, ok := n.(*ast.FuncLit); ok && !(lit.Pos() <= w.v.Pos() && w.v.Pos() < lit.End()) {
			w.escapes = true
			return
		}
	}
	store := optionStore{value, slices.Clone(stack)}
	switch field {
	case "":
		w.st.whole = append(w.st.whole, store)
	case "Auth":
		w.st.auth = append(w.st.auth, store)
	}
}

// outer drops the parentheses at the end of stack, the ancestors of a
// node, so that it ends with the node's nearest other ancestor.
func outer(stack []ast.Node) []ast.Node {
	for len(stack) > 0 {
		if _, ok := stack[len(stack)-1].(*ast.ParenExpr); !ok {
			break
		}
		stack = stack[:len(stack)-1]
	}
	return stack
}

// pointerTo returns the local variable that &opts, addr, defines when it
// is the value of a definition (p := &opts, var p = &opts) with stack
// ending with addr's parent, or nil.
func (c *checker) pointerTo(addr *ast.UnaryExpr, stack []ast.Node) *types.Var {
	var id *ast.Ident
	switch p := stack[len(stack)-1].(type) {
	case *ast.AssignStmt:
		if i := exprIndex(p.Rhs, addr); p.Tok == token.DEFINE && i >= 0 && len(p.Lhs) == len(p.Rhs) {
			id, _ = p.Lhs[i].(*ast.Ident)
		}
	case *ast.ValueSpec:
		if i := exprIndex(p.Values, addr); i >= 0 && len(p.Values) == len(p.Names) {
			id = p.Names[i]
		}
	}
	if id == nil {
		return nil
	}
	v, _ := c.pass.TypesInfo.Defs[id].(*types.Var)
	if v == nil || v.Parent() == c.pass.Pkg.Scope() {
		return nil // a package variable may be used anywhere, in any order
	}
	return v
}

// scopeOf returns the syntax where v may be used: the function
// declaration v is declared in, or every file for a package variable.
func (c *checker) scopeOf(v *types.Var) []ast.Node {
	var roots []ast.Node
	for _, f := range c.pass.Files {
		if v.Parent() == c.pass.Pkg.Scope() {
			roots = append(roots, f)
			continue
		}
		if !(f.Pos() <= v.Pos() && v.Pos() < f.End()) {
			continue
		}
		for _, d := range f.Decls {
			if d.Pos() <= v.Pos() && v.Pos() < d.End() {
				roots = append(roots, d)
			}
		}
	}
	return roots
}

// isHandlerOptions reports whether t is wrapper/auth's HandlerOptions.
func isHandlerOptions(t types.Type) bool {
	return gomicro.IsNamedType(t, "wrapper/auth", "HandlerOptions")
}

// asVar returns obj as a variable, or nil.
func asVar(obj types.Object) *types.Var {
	v, _ := obj.(*types.Var)
	return v
}

// exprIndex returns the index of e in list, or -1.
func exprIndex(list []ast.Expr, e ast.Expr) int {
	for i, x := range list {
		if ast.Unparen(x) == e {
			return i
		}
	}
	return -1
}
