package missingauthwrapper

import (
	"go/ast"
	"go/build"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/microsec-lint/microsec-lint/internal/gomicro"
)

// A wrapper often checks the token with a call the rule cannot see into:
// an auth service's generated client (authSvc.Validate(ctx,
// &authpb.ValidateRequest{Token: tok})), an interface, a function value
// or a function of another package it has no fact for. Such a call is a
// credential check when the credential read from the request flows into
// its arguments, directly or as a field of a composite literal, and its
// result decides a path that fails the request without calling the next
// handler: if err != nil || !res.Valid { return errors.Unauthorized(...) }.
// A call that only receives the token (a log, a metric) and whose result
// decides nothing is none. Nor is one whose name does not say it checks
// (see namesCheck): a rate limiter (limiter.Allow(tok)) or an audit log
// (recorder.Record(ctx, tok)) is given the token and may fail the
// request, and authenticates nobody.

// opaqueCallee reports whether call calls something the rule cannot see
// into and, with high confidence, checks a credential:
//
//   - a method of a client protoc-gen-micro generated (its last parameter
//     is ...client.CallOption of go-micro) whose name says it checks
//     (authSvc.Validate);
//   - another interface method, or a function of another package of the
//     module that the rule does not read (learntFrom), whose own name
//     says it checks (namesCheck: tokens.DecodeClaims, session.Touch and
//     auditor.RecordLogin do not);
//   - a function value (variable, struct field, parameter) whose name
//     says it checks and that the package gives no value the rule can
//     read;
//   - a function learnt to check its argument only through such a call
//     (authFact.Via).
//
// A function value given function literals or functions the rule reads
// (ValidateToken: func(context.Context, string) error { return nil }),
// and an interface method called on a variable given values of types
// whose methods the rule reads (var validator TokenValidator =
// allowAllValidator{}), are judged by those bodies instead (valuesCheck).
func (c *checker) opaqueCallee(call *ast.CallExpr) bool {
	obj := gomicro.Callee(c.pass.TypesInfo, call)
	if fn, isFn := obj.(*types.Func); isFn && fn.Pkg() != nil {
		var f authFact
		if c.pass.ImportObjectFact(fn, &f) {
			return f.Via // learnt from a call whose name says it checks
		}
	}
	if obj == nil || !namesCheck(obj) {
		return false
	}
	switch obj := obj.(type) {
	case *types.Var:
		// A configured verifier (cfg.Verify(tok)); not the next handler.
		if isHandlerFunc(obj.Type()) {
			return false
		}
		if checks, known := c.valuesCheck(obj, 0); known {
			return checks
		}
		return true
	case *types.Func:
		if obj.Pkg() == nil {
			return false
		}
		if c.trusted[key(obj)] || credentialChecks.Has(obj) {
			return false
		}
		recv := obj.Signature().Recv()
		iface := recv != nil && types.IsInterface(recv.Type())
		if obj.Pkg() == c.pass.Pkg && !iface {
			return false // its body is judged here, and has a fact if it checks
		}
		if _, _, ok := gomicro.Split(obj.Pkg().Path()); ok || credentialPackages[gomicro.VersionlessPath(obj.Pkg().Path())] {
			// go-micro, or a library whose checks are known by name:
			// its other functions (jwt's ParseUnverified) check nothing.
			return false
		}
		if iface {
			// validator.Validate(ctx, tok) on a variable given
			// allowAllValidator{}: judged by that method's body.
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				if v := c.model.VarOf(sel.X); v != nil {
					if checks, known := c.implsCheck(v, obj, 0); known {
						return checks
					}
				}
			}
			if generatedClientMethod(obj) {
				return true
			}
		}
		if !c.inModule(obj.Pkg()) || c.isStd(obj) {
			// A library's, which may only parse the token
			// (uuid.Parse), or the standard library's.
			return false
		}
		if !iface && learntFrom(obj.Pkg()) {
			return false // read there, it would have a fact if it checked
		}
		return true
	}
	return false
}

// generatedClientMethod reports whether fn is a method of a client
// protoc-gen-micro generates: its last parameter is ...client.CallOption
// of go-micro.
func generatedClientMethod(fn *types.Func) bool {
	sig := fn.Signature()
	if !sig.Variadic() || sig.Params().Len() == 0 {
		return false
	}
	s, ok := sig.Params().At(sig.Params().Len() - 1).Type().(*types.Slice)
	return ok && gomicro.IsNamedType(s.Elem(), "client", "CallOption")
}

// valuesCheck judges the function value v (a variable, struct field or
// parameter) by the values the package gives it that the rule can read:
// function literals and functions with a verdict (see funcValueChecks).
// A parameter's values are the arguments the package's calls of its
// function pass. known is false when there is none; checks is set when
// every one checks a credential (a no-op returning nil checks nothing).
func (c *checker) valuesCheck(v *types.Var, depth int) (checks, known bool) {
	return c.judgeValues(v, depth, func(r ast.Expr) (bool, bool) { return c.funcValueChecks(r, depth) })
}

// implsCheck judges the interface method m called on the variable v by
// the methods of the values the package gives v whose types are not
// interfaces, as valuesCheck judges function values.
func (c *checker) implsCheck(v *types.Var, m *types.Func, depth int) (checks, known bool) {
	return c.judgeValues(v, depth, func(r ast.Expr) (ok, readable bool) {
		t := c.pass.TypesInfo.TypeOf(r)
		switch {
		case t == nil:
		case types.IsInterface(t):
			if w := c.model.VarOf(r); w != nil {
				ok, readable = c.implsCheck(w, m, depth+1)
			}
		default:
			if fn, isFn := lookupMethod(t, m); isFn {
				ok, readable = c.funcChecks(fn)
			}
		}
		return ok, readable
	})
}

// judgeValues judges v by judge's verdicts on the values the package gives
// it (see valuesOf), guarding against a variable given itself and against
// depth: known is false when judge can read none; checks is set when
// every readable one checks a credential.
func (c *checker) judgeValues(v *types.Var, depth int, judge func(r ast.Expr) (ok, readable bool)) (checks, known bool) {
	if depth > 4 || c.judging[v] {
		return false, false
	}
	c.judging[v] = true
	defer delete(c.judging, v)
	checks = true
	for _, r := range c.valuesOf(v) {
		if ok, readable := judge(r); readable {
			known = true
			checks = checks && ok
		}
	}
	return checks && known, known
}

// lookupMethod returns the method of t (or *t) named as m.
func lookupMethod(t types.Type, m *types.Func) (*types.Func, bool) {
	obj, _, _ := types.LookupFieldOrMethod(t, true, m.Pkg(), m.Name())
	fn, ok := obj.(*types.Func)
	return fn, ok
}

// valuesOf returns what the package gives v: the expressions assigned to
// it, or for a parameter of a function declared here the arguments the
// package's calls of the function pass.
func (c *checker) valuesOf(v *types.Var) []ast.Expr {
	rhs, _ := c.model.Assigned(v)
	if v.IsField() || v.Parent() == nil || v.Parent() == v.Pkg().Scope() || v.Pkg() != c.pass.Pkg {
		return rhs
	}
	for fn, decl := range c.model.Funcs() {
		if decl.Type.Params == nil || v.Pos() < decl.Type.Params.Pos() || v.Pos() >= decl.Type.Params.End() {
			continue
		}
		params := fn.Signature().Params()
		i := 0
		for i < params.Len() && params.At(i) != v {
			i++
		}
		if i == params.Len() || fn.Signature().Variadic() && i == params.Len()-1 {
			return rhs
		}
		for _, call := range c.model.Calls() {
			if i < len(call.Args) && gomicro.Callee(c.pass.TypesInfo, call) == fn {
				rhs = append(rhs, call.Args[i])
			}
		}
		return rhs
	}
	return rhs
}

// funcValueChecks judges a value given to a function variable: a
// function literal by its body, a function by its verdict (funcChecks),
// another variable by its own values. readable is false for anything
// else (a call's result, a parameter of a literal).
func (c *checker) funcValueChecks(e ast.Expr, depth int) (checks, readable bool) {
	e = ast.Unparen(e)
	if lit, ok := e.(*ast.FuncLit); ok {
		sig, _ := c.pass.TypesInfo.TypeOf(lit).(*types.Signature)
		if sig == nil || c.judging[lit] {
			return false, false
		}
		c.judging[lit] = true
		defer delete(c.judging, lit)
		return c.judgeFunc(sig, lit.Body).Verifier, true
	}
	var id *ast.Ident
	switch x := e.(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		id = x.Sel
	default:
		return false, false
	}
	switch obj := c.pass.TypesInfo.Uses[id].(type) {
	case *types.Func:
		return c.funcChecks(obj)
	case *types.Var:
		if isHandlerFunc(obj.Type()) {
			return false, false
		}
		return c.valuesCheck(obj, depth+1)
	}
	return false, false
}

// funcChecks judges a function given as a value: a known check, a
// function of this package by its fact (none: it checks nothing), a
// function of another package by its fact when it has one.
func (c *checker) funcChecks(fn *types.Func) (checks, readable bool) {
	if c.isCredentialCheck(fn) {
		return true, true
	}
	var f authFact
	has := c.pass.ImportObjectFact(fn, &f)
	if fn.Pkg() == c.pass.Pkg {
		if recv := fn.Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) {
			return false, false
		}
		return f.Verifier, true
	}
	return f.Verifier, has
}

// checkWords are the beginnings of the words of a name that says it
// checks a credential (ValidateToken, IsAuthorized, VerifyJWT,
// introspect.Active). Allow, Record, Write, Log, Audit, Limit, Count,
// Token, Claims and Session do not.
var checkWords = []string{"auth", "verif", "valid", "inspect", "introspect", "check", "login", "identif"}

// otherWords are the beginnings of words that say a name whose other
// words say it checks does something else with the credential: a rate
// limiter (CheckRateLimit), an audit log (RecordLogin), a decoder
// (DecodeClaims, ParseUnverified), a metric (CountAuthFailures).
var otherWords = []string{"rate", "limit", "quota", "log", "record", "audit", "touch", "decode", "unverif", "format", "count", "metric", "trace",
	// What else a generated client checks or validates: CheckHealth,
	// ValidateEmail, ValidateSchema, Checkout.
	"health", "ping", "status", "version", "email", "mail", "phone", "address", "schema", "payload", "body", "input", "checkout", "order", "cart", "stock"}

// otherNames are whole words that begin as a word of checkWords but name
// something else (GetAuthor).
var otherNames = map[string]bool{"author": true, "authors": true}

// namesCheck reports whether the name of obj, a function, method or
// variable holding a function, has a word that begins as one of
// checkWords and none that begins as one of otherWords (login is no log).
// The name of a function's package does not count: session.Touch and
// authlog.Write check nothing.
func namesCheck(obj types.Object) bool {
	checks := false
	for _, w := range nameWords(obj.Name()) {
		if otherNames[w] {
			return false
		}
		for _, ow := range otherWords {
			if strings.HasPrefix(w, ow) && !strings.HasPrefix(w, "login") {
				return false
			}
		}
		for _, cw := range checkWords {
			if strings.HasPrefix(w, cw) {
				checks = true
			}
		}
	}
	return checks
}

// nameWords splits an identifier into its lower-cased words, at
// underscores, digits and case changes: "VerifyJWTToken" gives verify,
// jwt, token.
func nameWords(name string) []string {
	var words []string
	r := []rune(name)
	start := 0
	flush := func(end int) {
		if end > start {
			words = append(words, strings.ToLower(string(r[start:end])))
		}
	}
	for i := 0; i < len(r); i++ {
		ch := r[i]
		if !unicode.IsLetter(ch) {
			flush(i)
			start = i + 1
			continue
		}
		if i > start && unicode.IsUpper(ch) && (unicode.IsLower(r[i-1]) || i+1 < len(r) && unicode.IsLower(r[i+1]) && unicode.IsUpper(r[i-1])) {
			flush(i)
			start = i
		}
	}
	flush(len(r))
	return words
}

// inModule reports whether pkg belongs to the module of the package
// analysed: the function is the program's own. Without module
// information (GOPATH), any package is taken to be.
func (c *checker) inModule(pkg *types.Package) bool {
	m := c.pass.Module
	if m == nil || m.Path == "" {
		return true
	}
	p := pkg.Path()
	return strings.HasPrefix(p, m.Path) && (len(p) == len(m.Path) || p[len(m.Path)] == '/')
}

// learntFrom reports whether the rule reads the functions of pkg, and
// gives those that check a credential a fact: pkg imports go-micro or a
// package of the checks known by name (see run and mayVerify).
func learntFrom(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if _, _, ok := gomicro.Split(imp.Path()); ok || credentialPackages[gomicro.VersionlessPath(imp.Path())] {
			return true
		}
	}
	return false
}

// isStd reports whether obj belongs to the standard library: its package
// path has no domain and it is declared under GOROOT (or at no known
// place).
func (c *checker) isStd(obj types.Object) bool {
	first, _, _ := strings.Cut(obj.Pkg().Path(), "/")
	if strings.Contains(first, ".") {
		return false
	}
	name := c.pass.Fset.Position(obj.Pos()).Filename
	if name == "" || strings.HasPrefix(name, "$GOROOT") {
		return true
	}
	goroot := filepath.Clean(build.Default.GOROOT)
	return goroot != "." && strings.HasPrefix(filepath.Clean(name), goroot+string(filepath.Separator))
}

// givenCredential reports whether an argument of call is the credential
// or text cut from it, or a composite literal (or its address) with a
// field that is: &authpb.ValidateRequest{Token: tok}, or a local
// variable given such a literal, or whose field is given the credential,
// before the call.
func (c *checker) givenCredential(call *ast.CallExpr, authVars map[*types.Var]bool) bool {
	var carries func(e ast.Expr, depth int) bool
	carries = func(e ast.Expr, depth int) bool {
		if depth > 3 {
			return false
		}
		switch x := ast.Unparen(e).(type) {
		case *ast.UnaryExpr:
			return carries(x.X, depth+1)
		case *ast.CompositeLit:
			for _, elt := range x.Elts {
				if kv, ok := elt.(*ast.KeyValueExpr); ok {
					elt = kv.Value
				}
				if carries(elt, depth+1) {
					return true
				}
			}
			return false
		case *ast.Ident:
			if c.fromCredential(e, authVars) {
				return true
			}
			// in := &authpb.ValidateRequest{Token: tok}, or in.Token =
			// tok, before the call: a local request built to carry it.
			v, ok := c.pass.TypesInfo.Uses[x].(*types.Var)
			if !ok || v.Parent() == nil || v.Parent() == v.Pkg().Scope() || isText(v.Type()) {
				return false
			}
			found := false
			// fields are those the credential is given; swapped is
			// set when one of them, or v itself, is given anything
			// else in v's scope after it is first given the credential:
			// in.Token = serviceToken.
			fields := map[string]bool{}
			first := token.NoPos
			swapped := false
			var file *ast.File
			for _, f := range c.pass.Files {
				if f.Pos() <= v.Pos() && v.Pos() < f.End() {
					file = f
				}
			}
			if file == nil {
				return false
			}
			ast.Inspect(file, func(n ast.Node) bool {
				if found || n == nil || n.End() <= v.Parent().Pos() || n.Pos() >= call.Pos() {
					return false
				}
				as, isAssign := n.(*ast.AssignStmt)
				if !isAssign || n.End() > call.Pos() {
					return true
				}
				for i, l := range as.Lhs {
					r := rhsOf(as.Lhs, as.Rhs, i)
					switch l := ast.Unparen(l).(type) {
					case *ast.Ident:
						if c.pass.TypesInfo.ObjectOf(l) == v && carries(r, depth+1) {
							if _, isLit := ast.Unparen(r).(*ast.Ident); !isLit {
								if !found {
									first = as.Pos()
								}
								found = true
								c.credentialFields(r, authVars, fields)
							}
						}
					case *ast.SelectorExpr:
						if id := identOf(l.X); id != nil && c.pass.TypesInfo.Uses[id] == v && c.fromCredential(r, authVars) {
							if !found {
								first = as.Pos()
							}
							found = true
							fields[l.Sel.Name] = true
						}
					}
				}
				return true
			})
			if !found {
				return false
			}
			ast.Inspect(file, func(n ast.Node) bool {
				if swapped || n == nil || n.End() <= v.Parent().Pos() || n.Pos() >= v.Parent().End() {
					return false
				}
				as, isAssign := n.(*ast.AssignStmt)
				if !isAssign || as.Pos() <= first {
					return true
				}
				for i, l := range as.Lhs {
					r := rhsOf(as.Lhs, as.Rhs, i)
					switch l := ast.Unparen(l).(type) {
					case *ast.Ident:
						if c.pass.TypesInfo.ObjectOf(l) == v && !carries(r, depth+1) {
							swapped = true
						}
					case *ast.SelectorExpr:
						if id := identOf(l.X); id != nil && c.pass.TypesInfo.Uses[id] == v && fields[l.Sel.Name] && !c.fromCredential(r, authVars) && !c.cutFromField(r, v, fields) {
							swapped = true
						}
					}
				}
				return true
			})
			return !swapped
		}
		return c.fromCredential(e, authVars)
	}
	for _, a := range call.Args {
		if carries(a, 0) {
			return true
		}
	}
	return false
}

// cutFromField reports whether e is text cut from a field of v that
// holds the credential: strings.TrimPrefix(in.Token, "Bearer ").
func (c *checker) cutFromField(e ast.Expr, v *types.Var, fields map[string]bool) bool {
	if !isText(c.pass.TypesInfo.TypeOf(e)) {
		return false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		id := identOf(x.X)
		return id != nil && c.pass.TypesInfo.Uses[id] == v && fields[x.Sel.Name]
	case *ast.SliceExpr:
		return c.cutFromField(x.X, v, fields)
	case *ast.CallExpr:
		for _, a := range x.Args {
			if c.cutFromField(a, v, fields) {
				return true
			}
		}
	}
	return false
}

// credentialFields adds to fields the names of the fields of the
// composite literal e (or its address) given the credential.
func (c *checker) credentialFields(e ast.Expr, authVars map[*types.Var]bool, fields map[string]bool) {
	if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok {
		e = u.X
	}
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok {
		return
	}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && c.fromCredential(kv.Value, authVars) {
				fields[id.Name] = true
			}
		}
	}
}

// swappedCredentials returns the variables of body that hold the
// credential at one point and are given something else at another (tok
// = serviceToken when the header is missing): a check given one checks
// what the wrapper chose, not what the caller sent.
func (c *checker) swappedCredentials(body *ast.BlockStmt) map[*types.Var]bool {
	all := map[*types.Var]bool{}
	for range 2 {
		ast.Inspect(body, func(n ast.Node) bool {
			if lhs, rhs := sides(n); lhs != nil {
				c.noteCredentialVars(lhs, rhs, all)
			}
			return true
		})
	}
	swapped := map[*types.Var]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Rhs) == 0 {
			return true
		}
		for i, l := range as.Lhs {
			v, _ := c.pass.TypesInfo.ObjectOf(identOf(l)).(*types.Var)
			if id := identOf(l); id == nil || v == nil || !all[v] {
				continue
			}
			r := as.Rhs[0]
			if len(as.Rhs) == len(as.Lhs) {
				r = as.Rhs[i]
			} else if i > 0 {
				continue
			}
			if !c.fromCredential(r, all) {
				swapped[v] = true
			}
		}
		return true
	})
	return swapped
}

// callResults records, for the calls an assignment or declaration makes
// alone, the variables given their results: res, err := f(tok).
func (c *checker) callResults(n ast.Node, results map[*ast.CallExpr][]*types.Var) {
	var lhs []*ast.Ident
	var rhs []ast.Expr
	switch n := n.(type) {
	case *ast.AssignStmt:
		for _, l := range n.Lhs {
			lhs = append(lhs, identOf(l))
		}
		rhs = n.Rhs
	case *ast.ValueSpec:
		lhs, rhs = n.Names, n.Values
	default:
		return
	}
	if len(rhs) != 1 {
		return
	}
	call, ok := ast.Unparen(rhs[0]).(*ast.CallExpr)
	if !ok {
		return
	}
	for _, id := range lhs {
		if id == nil {
			continue
		}
		if v, ok := c.pass.TypesInfo.ObjectOf(id).(*types.Var); ok {
			results[call] = append(results[call], v)
		}
	}
}

// decides reports whether the result of call, made in body (the call
// itself or the variables given its results), decides a path that fails:
// an if statement whose condition reads it and whose branch fails
// (fails, with no call of the next handler), or whose branch calls the
// next handler while the other one, or the statement after the if,
// fails. direct also accepts a return that hands the result on (return
// err, return res.Valid), for a helper whose caller decides.
func (c *checker) decides(body *ast.BlockStmt, call *ast.CallExpr, results []*types.Var, fails func(*ast.ReturnStmt) bool, direct bool) bool {
	reads := func(e ast.Node) bool {
		found := false
		ast.Inspect(e, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.CallExpr:
				if n == call {
					found = true
				}
			case *ast.Ident:
				if v, ok := c.pass.TypesInfo.Uses[n].(*types.Var); ok {
					for _, r := range results {
						if r == v {
							found = true
						}
					}
				}
			}
			return !found
		})
		return found
	}
	// failsIn reports whether s returns failure and calls no next handler.
	failsIn := func(s ast.Node) bool {
		if s == nil || c.callsNextIn(s) {
			return false
		}
		found := false
		ast.Inspect(s, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				if fails(n) {
					found = true
				}
			}
			return !found
		})
		return found
	}
	contains := func(n ast.Node) bool { return n.Pos() <= call.Pos() && call.End() <= n.End() }
	// assigns reports whether n assigns a variable of results other than
	// by the assignment of call's results: b, err := json.Marshal(v)
	// after res, err := authSvc.Validate(...) makes a later err != nil
	// say nothing of the check.
	assigns := func(n ast.Node) bool {
		found := false
		mine := func(rhs []ast.Expr) bool {
			return len(rhs) == 1 && ast.Unparen(rhs[0]) == call
		}
		isResult := func(id *ast.Ident) bool {
			v, _ := c.pass.TypesInfo.ObjectOf(id).(*types.Var)
			for _, r := range results {
				if v != nil && r == v {
					return true
				}
			}
			return false
		}
		ast.Inspect(n, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if !mine(n.Rhs) {
					for _, l := range n.Lhs {
						if id := identOf(l); id != nil && isResult(id) {
							found = true
						}
					}
				}
			case *ast.ValueSpec:
				if !mine(n.Values) {
					for _, id := range n.Names {
						if isResult(id) {
							found = true
						}
					}
				}
			case *ast.UnaryExpr:
				if id := identOf(n.X); n.Op == token.AND && id != nil && isResult(id) {
					found = true
				}
			}
			return !found
		})
		return found
	}
	// The statement deciding must make the call (if err := f(tok); err
	// != nil), or come after the statement that makes it in the same
	// list with no other assignment of the results between them.
	readsFresh := func(list []ast.Stmt, i int) bool {
		if contains(list[i]) {
			return true
		}
		for j := i - 1; j >= 0; j-- {
			if contains(list[j]) {
				return !assigns(list[j])
			}
			if assigns(list[j]) {
				return false
			}
		}
		return false
	}
	ok := false
	ast.Inspect(body, func(n ast.Node) bool {
		if ok {
			return false
		}
		var list []ast.Stmt
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if direct && len(n.Results) > 0 && contains(n.Results[len(n.Results)-1]) {
				ok = true // return f(tok)
			}
			return true
		case *ast.BlockStmt:
			list = n.List
		case *ast.CaseClause:
			list = n.Body
		case *ast.CommClause:
			list = n.Body
		default:
			return true
		}
		for i, s := range list {
			if r, isRet := s.(*ast.ReturnStmt); isRet && direct && len(r.Results) > 0 && reads(r.Results[len(r.Results)-1]) && readsFresh(list, i) {
				ok = true
			}
			ifs, isIf := s.(*ast.IfStmt)
			if !isIf || !reads(ifs.Cond) || !readsFresh(list, i) || ifs.Init != nil && !contains(ifs.Init) && assigns(ifs.Init) {
				continue
			}
			switch {
			case failsIn(ifs.Body), ifs.Else != nil && failsIn(ifs.Else):
				ok = true
			case c.callsNextIn(ifs.Body) && ifs.Else == nil && i+1 < len(list) && failsIn(list[i+1]):
				if _, isRet := list[i+1].(*ast.ReturnStmt); isRet {
					ok = true
				}
			}
		}
		return !ok
	})
	return ok
}

// callsNextIn reports whether n, outside nested function literals, calls
// a handler (the next one).
func (c *checker) callsNextIn(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if _, isLit := n.(*ast.FuncLit); isLit {
			return false
		}
		if e, ok := n.(ast.Expr); ok && c.isNextCall(e) {
			found = true
		}
		return !found
	})
	return found
}

// handlerFails reports whether a return of a handler fails the request:
// its result is neither nil nor the next handler's.
func (c *checker) handlerFails(r *ast.ReturnStmt) bool {
	return len(r.Results) == 1 && !c.model.IsNil(r.Results[0]) && !c.isNextCall(r.Results[0])
}

// helperFails reports whether a return of a function reporting failure
// through its last result reports one: a non-nil error or false.
func (c *checker) helperFails(r *ast.ReturnStmt) bool {
	if len(r.Results) == 0 {
		return false
	}
	e := r.Results[len(r.Results)-1]
	if c.model.IsNil(e) {
		return false
	}
	if isBoolConst(c.pass.TypesInfo, e, false) {
		return true
	}
	return types.Identical(c.pass.TypesInfo.TypeOf(e), types.Universe.Lookup("error").Type())
}

// checksParamVia reports whether a function reporting failure passes a
// text parameter (the credential its caller gives it) to a call it
// cannot see into whose result decides its failure: func Check(ctx
// context.Context, tok string) error { res, err := authSvc.Validate(...);
// ... }. Such a function is a verifier that its callers judge as they
// judge that call (authFact.Via).
func (c *checker) checksParamVia(sig *types.Signature, body *ast.BlockStmt) bool {
	authVars := map[*types.Var]bool{}
	for i := 0; i < sig.Params().Len(); i++ {
		if p := sig.Params().At(i); isText(p.Type()) {
			authVars[p] = true
		}
	}
	if len(authVars) == 0 {
		return false
	}
	results := map[*ast.CallExpr][]*types.Var{}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt, *ast.ValueSpec:
			lhs, rhs := sides(n)
			c.noteCredentialVars(lhs, rhs, authVars)
			c.callResults(n, results)
		case *ast.CallExpr:
			if c.opaqueCallee(n) && c.givenCredential(n, authVars) && c.decides(body, n, results[n], c.helperFails, true) {
				found = true
			}
		}
		return !found
	})
	return found
}
