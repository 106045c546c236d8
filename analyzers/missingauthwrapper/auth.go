package missingauthwrapper

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/microsec-lint/microsec-lint/internal/gomicro"
)

// verdict is what the analyzer knows of a wrapper.
type verdict uint8

const (
	no      verdict = iota // seen, and does not authenticate
	yes                    // authenticates
	unknown                // cannot be seen into
)

// credentialChecks are library functions that verify a token, a signature
// or a secret, by versionless import path and name.
var credentialChecks = gomicro.FuncTable{
	"github.com/golang-jwt/jwt":       {"Parse": true, "ParseWithClaims": true, "Parser.Parse": true, "Parser.ParseWithClaims": true},
	"github.com/dgrijalva/jwt-go":     {"Parse": true, "ParseWithClaims": true, "Parser.Parse": true, "Parser.ParseWithClaims": true},
	"github.com/form3tech-oss/jwt-go": {"Parse": true, "ParseWithClaims": true, "Parser.Parse": true, "Parser.ParseWithClaims": true},
	"github.com/lestrrat-go/jwx/jwt":  {"Parse": true, "ParseString": true, "ParseRequest": true, "ParseHeader": true},
	"github.com/lestrrat-go/jwx/jws":  {"Verify": true},
	"github.com/go-jose/go-jose":      {"JSONWebSignature.Verify": true, "JSONWebSignature.VerifyMulti": true},
	"github.com/go-jose/go-jose/jwt":  {"JSONWebToken.Claims": true},
	"gopkg.in/square/go-jose.v2":      {"JSONWebSignature.Verify": true, "JSONWebSignature.VerifyMulti": true},
	"gopkg.in/square/go-jose.v2/jwt":  {"JSONWebToken.Claims": true},
	"github.com/coreos/go-oidc":       {"IDTokenVerifier.Verify": true},
	"github.com/coreos/go-oidc/oidc":  {"IDTokenVerifier.Verify": true},
	"google.golang.org/api/idtoken":   {"Validate": true, "Validator.Validate": true},
	"crypto/subtle":                   {"ConstantTimeCompare": true},
	"crypto/hmac":                     {"Equal": true},
	"crypto/ed25519":                  {"Verify": true, "VerifyWithOptions": true},
	"crypto/rsa":                      {"VerifyPKCS1v15": true, "VerifyPSS": true},
	"crypto/ecdsa":                    {"Verify": true, "VerifyASN1": true},
}

// isCredentialCheck reports whether obj verifies a credential: a library
// check above, go-micro's auth.Auth.Inspect, auth.Auth.Verify (v2),
// auth.Rules.Verify and auth.Verify, a -trusted function, or a function
// with a Verifier or Wrapper fact.
func (c *checker) isCredentialCheck(obj types.Object) bool {
	if obj == nil {
		return false
	}
	if credentialChecks.Has(obj) || c.trusted[key(obj)] {
		return true
	}
	if ref, ok := gomicro.RefOf(obj); ok && ref.Path == "auth" {
		switch ref.Name {
		case "Auth.Inspect", "Auth.Verify", "Rules.Verify", "Verify":
			return true
		}
	}
	var f authFact
	return c.pass.ImportObjectFact(obj, &f) && (f.Verifier && !f.Via || f.Wrapper)
}

// learnFacts judges the package's functions, methods and package
// variables holding function literals, exporting authFacts until nothing
// changes (a wrapper calling a verifier declared below it).
func (c *checker) learnFacts() {
	funcs := c.model.Funcs()
	vars := c.funcVars()
	for range 8 {
		// Verdicts on literals depend on the facts learnt so far; a
		// "no" cached before a verifier was known must not survive.
		clear(c.litAuth)
		changed := false
		for fn, decl := range funcs {
			var old authFact
			if c.pass.ImportObjectFact(fn, &old) && old.Open == "" {
				continue
			}
			f := c.judgeFunc(fn.Signature(), decl.Body)
			if f != old {
				c.pass.ExportObjectFact(fn, &f)
				changed = true
			}
		}
		for v, lit := range vars {
			// A verdict of failing open may change when a check the
			// wrapper calls on its other path is learnt.
			var old authFact
			if c.pass.ImportObjectFact(v, &old) && old.Open == "" {
				continue
			}
			sig, _ := c.pass.TypesInfo.TypeOf(lit).(*types.Signature)
			if sig == nil {
				continue
			}
			f := c.judgeFunc(sig, lit.Body)
			if f != old {
				c.pass.ExportObjectFact(v, &f)
				changed = true
			}
		}
		if !changed {
			return
		}
	}
}

// funcVars returns the package-level variables initialised with a
// function literal: var Auth server.HandlerWrapper = func(...) ...
func (c *checker) funcVars() map[*types.Var]*ast.FuncLit {
	out := map[*types.Var]*ast.FuncLit{}
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, s := range gd.Specs {
				vs := s.(*ast.ValueSpec)
				for i, name := range vs.Names {
					if i >= len(vs.Values) {
						break
					}
					if lit, ok := ast.Unparen(vs.Values[i]).(*ast.FuncLit); ok {
						if v, ok := c.pass.TypesInfo.Defs[name].(*types.Var); ok {
							out[v] = lit
						}
					}
				}
			}
		}
	}
	return out
}

// judgeFunc decides what a function with signature sig and body body is.
func (c *checker) judgeFunc(sig *types.Signature, body *ast.BlockStmt) authFact {
	var f authFact
	if body == nil {
		return f
	}
	switch {
	case isHandlerWrapperSig(sig):
		f.Wrapper, f.Open = c.wrapperBody(body)
	case sig.Results().Len() > 0 && isHandlerWrapperType(sig.Results().At(0).Type()):
		for _, e := range c.model.ReturnedIn(body) {
			switch v, _, open := c.wrapper(e, 1); {
			case v == yes:
				f.Makes = true
			case open != "":
				f.Open = open
			}
		}
	}
	if f.Wrapper || f.Makes {
		f.Open = ""
	}
	if !f.Wrapper && !f.Makes && reportsFailure(sig) {
		switch {
		case c.checksCredential(body):
			f.Verifier = true
		case c.checksParamVia(sig, body):
			f.Verifier, f.Via = true, true
		}
	}
	return f
}

// reportsFailure reports whether a function can tell its caller that a
// check failed: its last result is an error or a bool.
func reportsFailure(sig *types.Signature) bool {
	res := sig.Results()
	if res.Len() == 0 {
		return false
	}
	t := res.At(res.Len() - 1).Type()
	if types.Identical(t, types.Universe.Lookup("error").Type()) {
		return true
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Bool
}

// isHandlerWrapperSig reports whether sig is func(server.HandlerFunc)
// server.HandlerFunc.
func isHandlerWrapperSig(sig *types.Signature) bool {
	return sig.Params().Len() == 1 && sig.Results().Len() == 1 &&
		gomicro.IsNamedType(sig.Params().At(0).Type(), "server", "HandlerFunc") &&
		gomicro.IsNamedType(sig.Results().At(0).Type(), "server", "HandlerFunc")
}

// isHandlerWrapperType reports whether t is server.HandlerWrapper or a
// function type of the same shape.
func isHandlerWrapperType(t types.Type) bool {
	if gomicro.IsNamedType(t, "server", "HandlerWrapper") {
		return true
	}
	sig, ok := t.Underlying().(*types.Signature)
	return ok && isHandlerWrapperSig(sig)
}

// isHandlerFunc reports whether t is server.HandlerFunc or a function of
// its shape, func(context.Context, server.Request, interface{}) error.
func isHandlerFunc(t types.Type) bool {
	if gomicro.IsNamedType(t, "server", "HandlerFunc") {
		return true
	}
	sig, ok := t.Underlying().(*types.Signature)
	return ok && sig.Params().Len() == 3 && gomicro.IsNamedType(sig.Params().At(1).Type(), "server", "Request")
}

// wrapperBody reports whether the body of a handler wrapper returns a
// handler that checks a credential and fails the request on some path
// without calling the next handler. When the only such handlers fail open
// (see bypass), open says when.
func (c *checker) wrapperBody(body *ast.BlockStmt) (ok bool, open string) {
	ast.Inspect(body, func(n ast.Node) bool {
		if ok {
			return false
		}
		if sel, isSel := n.(*ast.SelectorExpr); isSel {
			// return checkedCall{next}.handle: the method is the handler.
			if lit := c.methodValueLit(sel); lit != nil {
				v := c.authHandler(lit)
				ok = v.ok
				if open == "" {
					open = v.open
				}
			}
			return !ok
		}
		lit, isLit := n.(*ast.FuncLit)
		if !isLit {
			return true
		}
		if isHandlerFunc(c.pass.TypesInfo.TypeOf(lit)) {
			v := c.authHandler(lit)
			ok = v.ok
			if open == "" {
				open = v.open
			}
		}
		return !ok
	})
	if ok {
		open = ""
	}
	return ok, open
}

// methodValueLit returns, when sel is a method value of a method of this
// package with a handler's signature, a function literal with the
// method's type and body, to judge as a handler literal; otherwise nil.
func (c *checker) methodValueLit(sel *ast.SelectorExpr) *ast.FuncLit {
	s := c.pass.TypesInfo.Selections[sel]
	if s == nil || s.Kind() != types.MethodVal {
		return nil
	}
	fn, _ := s.Obj().(*types.Func)
	if fn == nil || !isHandlerFunc(fn.Type()) {
		return nil
	}
	decl := c.model.Funcs()[fn]
	if decl == nil || decl.Body == nil {
		return nil
	}
	lit, ok := c.methodLits[decl]
	if !ok {
		lit = &ast.FuncLit{Type: decl.Type, Body: decl.Body}
		c.methodLits[decl] = lit
	}
	return lit
}

// litVerdict is the verdict on a handler literal: it authenticates, or it
// would but calls the next handler unchecked when open says.
type litVerdict struct {
	ok   bool
	open string
}

// authHandler judges a handler literal inside a wrapper: it authenticates
// when it checks a credential, has a return that is neither nil nor the
// next handler's result, and does not call the next handler without the
// check on a path the caller chooses.
func (c *checker) authHandler(lit *ast.FuncLit) litVerdict {
	if v, ok := c.litAuth[lit]; ok {
		return v
	}
	var v litVerdict
	checks, noop := c.credentialChecks(lit.Body)
	switch {
	case !c.failsSomewhere(lit):
	case len(checks) > 0:
		v.open = c.bypass(lit, checks)
		v.ok = v.open == ""
	case noop:
		v.open = openNoop
	}
	c.litAuth[lit] = v
	return v
}

// checksCredential reports whether body (nested literals included) calls a
// credential check or compares an Authorization metadata value.
func (c *checker) checksCredential(body *ast.BlockStmt) bool {
	checks, _ := c.credentialChecks(body)
	return len(checks) > 0
}

// credentialChecks returns the places where body (nested literals
// included) checks a credential: the calls of credential checks, the
// comparisons of an Authorization value and the conditions that look it
// up in a set of valid keys. An Inspect of the no-op auth checks nothing;
// noop says one was seen.
func (c *checker) credentialChecks(body *ast.BlockStmt) (found []ast.Node, noop bool) {
	authVars := map[*types.Var]bool{}
	inSet := map[*types.Var]bool{} // ok of _, ok := validKeys[tok]
	results := map[*ast.CallExpr][]*types.Var{}
	hits := map[*types.Var]*types.Var{} // ok of _, ok := verified.Load(tok), and the cache
	var cached []cacheHit
	// The hit variable of a lookup must say what the lookup found where
	// it is tested: one assigned again (_, ok := verified.Load(tok), then
	// internal, ok = metadata.Get(ctx, "X-Internal")) is no cache hit.
	assigned := c.assignCounts(body)
	noteCacheLoads := func(as *ast.AssignStmt) {
		c.noteCacheLoads(as, authVars, hits)
		for v := range hits {
			if assigned[v] > 1 {
				delete(hits, v)
			}
		}
	}
	// keySet records a lookup in a set of valid keys, unless the handler
	// fills the set itself: then it is a cache of verified tokens, whose
	// lookup expr (holding as holds says when the credential is there)
	// lets a request through only if filled after a check (see
	// safeCache).
	keySet := func(n ast.Node, lookup ast.Expr, holds bool) {
		if e, cache := c.cacheOf(lookup, authVars, hits); cache != nil && len(c.cacheWrites(body, cache)) > 0 {
			if !holds {
				e = n.(ast.Expr) // seen[tok] == false, which branch does not split
			}
			cached = append(cached, cacheHit{e, holds, cache})
			return
		}
		found = append(found, n)
	}
	// A credential variable given something else too (tok =
	// serviceToken) is not what the caller sent: a check given it
	// checks nothing of the caller.
	swapped := c.swappedCredentials(body)
	live := func() map[*types.Var]bool {
		if len(swapped) == 0 {
			return authVars
		}
		m := map[*types.Var]bool{}
		for v := range authVars {
			if !swapped[v] {
				m[v] = true
			}
		}
		return m
	}
	givenSwapped := func(call *ast.CallExpr) bool {
		for _, a := range call.Args {
			if len(swapped) > 0 && c.fromCredential(a, swapped) {
				return true
			}
		}
		return false
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			obj := gomicro.Callee(c.pass.TypesInfo, n)
			switch {
			case !c.isCredentialCheck(obj):
				// A call the rule cannot see into, given the
				// credential, whose result fails the request.
				if c.opaqueCallee(n) && c.givenCredential(n, live()) && c.decides(body, n, results[n], c.handlerFails, false) {
					found = append(found, n)
				}
			case c.onNoopAuth(n, obj):
				noop = true
			case givenSwapped(n):
				// provider.Inspect(tok) after tok = serviceToken.
			default:
				found = append(found, n)
			}
		case *ast.AssignStmt:
			// tok := md["Authorization"]; tok, ok := metadata.Get(ctx, "Authorization")
			c.noteCredentialVars(n.Lhs, n.Rhs, authVars)
			c.noteKeySetVars(n, authVars, inSet)
			noteCacheLoads(n)
			c.callResults(n, results)
		case *ast.IfStmt:
			// if validKeys[tok] { return next(ctx, req, rsp) }: the
			// request goes on only when the credential is in the set.
			if as, ok := n.Init.(*ast.AssignStmt); ok {
				c.noteCredentialVars(as.Lhs, as.Rhs, authVars)
				c.noteKeySetVars(as, authVars, inSet)
				noteCacheLoads(as)
			}
			if c.inKeySet(n.Cond, authVars, inSet) && c.callsNext(n.Body) {
				keySet(n.Cond, n.Cond, true)
			} else if e, cache := c.cacheOf(n.Cond, authVars, hits); cache != nil && isSyncMap(cache.Type()) {
				// if _, ok := verified.Load(tok); ok { return next(...) }
				cached = append(cached, cacheHit{e, true, cache})
			}
		case *ast.ValueSpec:
			lhs, rhs := sides(n)
			c.noteCredentialVars(lhs, rhs, authVars)
			c.callResults(n, results)
		case *ast.BinaryExpr:
			if n.Op != token.EQL && n.Op != token.NEQ {
				return true
			}
			for _, pair := range [][2]ast.Expr{{n.X, n.Y}, {n.Y, n.X}} {
				if c.fromCredential(pair[0], authVars) && c.isExpected(pair[1]) {
					found = append(found, n)
				}
				// validKeys[tok] == false
				if c.inKeySet(pair[0], authVars, inSet) && isBoolConst(c.pass.TypesInfo, pair[1], n.Op == token.NEQ) {
					keySet(n, pair[0], false)
				}
			}
		case *ast.UnaryExpr:
			// !validKeys[key]: the credential missing from a set of
			// valid ones fails the request. A set it is found in
			// (revoked[tok]) or a count (requests[tok]++) does not
			// authenticate.
			if n.Op == token.NOT && c.inKeySet(n.X, authVars, inSet) {
				keySet(n, n.X, true)
			}
		}
		return true
	})
	for _, h := range cached {
		if c.safeCache(body, h.cache, found, authVars) {
			c.cacheHits[h.expr] = h.holds
		}
	}
	return found, noop
}

// assignCounts counts, for each variable, the assignments and
// declarations of body that give it a value, and its address taken
// (which may let anything assign it).
func (c *checker) assignCounts(body *ast.BlockStmt) map[*types.Var]int {
	counts := map[*types.Var]int{}
	note := func(id *ast.Ident) {
		if v, ok := c.pass.TypesInfo.ObjectOf(id).(*types.Var); ok {
			counts[v]++
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if id := identOf(l); id != nil {
					note(id)
				}
			}
		case *ast.ValueSpec:
			if len(n.Values) > 0 { // var ok bool gives it nothing yet
				for _, id := range n.Names {
					note(id)
				}
			}
		case *ast.UnaryExpr:
			if id := identOf(n.X); n.Op == token.AND && id != nil {
				note(id)
			}
		case *ast.RangeStmt:
			for _, e := range []ast.Expr{n.Key, n.Value} {
				if id := identOf(e); id != nil {
					note(id)
				}
			}
		}
		return true
	})
	return counts
}

// onNoopAuth reports whether call, of go-micro's auth.Auth.Inspect (or
// v2's auth.Auth.Verify), is made on a provider that is visibly the no-op
// one, which accepts any token: a variable of this package (a local, or
// an unexported package variable, which no other package can set) given
// only auth.NewAuth(), noop.NewAuth() or auth.DefaultAuth, or the
// Options().Auth of a service built without micro.Auth. auth.DefaultAuth
// itself, read when a request comes, may have been replaced by then.
func (c *checker) onNoopAuth(call *ast.CallExpr, obj types.Object) bool {
	ref, ok := gomicro.RefOf(obj)
	if !ok || ref.Path != "auth" || ref.Name != "Auth.Inspect" && ref.Name != "Auth.Verify" {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	recv := ast.Unparen(sel.X)
	if s, ok := recv.(*ast.SelectorExpr); ok && c.serviceOptionsAuth(s) != nil {
		return c.isNoopAuth(recv, 0)
	}
	v := c.model.VarOf(recv)
	if v == nil || v.IsField() || v.Pkg() != c.pass.Pkg || v.Parent() == c.pass.Pkg.Scope() && v.Exported() {
		return false
	}
	return c.isNoopAuth(recv, 0)
}

// serviceOptionsAuth returns svc when e is svc.Options().Auth on a
// go-micro service, or nil.
func (c *checker) serviceOptionsAuth(e *ast.SelectorExpr) ast.Expr {
	if e.Sel.Name != "Auth" {
		return nil
	}
	call, ok := ast.Unparen(e.X).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return nil
	}
	ref, ok := gomicro.CalleeRef(c.pass.TypesInfo, call)
	if !ok || ref.Name != "Service.Options" || ref.Path != "" && ref.Path != "service" {
		return nil
	}
	return ast.Unparen(call.Fun).(*ast.SelectorExpr).X
}

// serviceHasNoopAuth reports whether every service svc may hold is one the
// model sees built without a micro.Auth option other than the no-op auth,
// so that its Options().Auth is auth.DefaultAuth; and that no auth plugin
// is linked in for a MICRO_AUTH flag to select when the service parses
// its flags.
func (c *checker) serviceHasNoopAuth(svc ast.Expr, depth int) bool {
	val := c.model.ValueOf(svc)
	if val.Opaque || len(val.Components) == 0 || c.authPluginLinked() {
		return false
	}
	for _, comp := range val.Components {
		if comp.Ctor.Kind != gomicro.Service {
			return false
		}
		for _, o := range comp.Options {
			switch {
			case o.Kind == gomicro.OptOpaque && o.Sub != gomicro.Client:
				return false
			case o.Kind == gomicro.OptAuth && o.Sub == gomicro.NoKind && !c.isNoopAuth(o.Arg, depth+1):
				return false
			}
		}
	}
	return true
}

// authPluginLinked reports whether the package imports, directly or not,
// a go-micro auth implementation other than the no-op one (auth/jwt),
// which registers itself for the MICRO_AUTH flag.
func (c *checker) authPluginLinked() bool {
	if c.authPlugin == nil {
		linked := false
		seen := map[*types.Package]bool{}
		var visit func(p *types.Package)
		visit = func(p *types.Package) {
			if linked || seen[p] {
				return
			}
			seen[p] = true
			if _, rel, ok := gomicro.Split(p.Path()); ok && strings.HasPrefix(rel, "auth/") && rel != "auth/noop" {
				linked = true
				return
			}
			for _, imp := range p.Imports() {
				visit(imp)
			}
		}
		visit(c.pass.Pkg)
		c.authPlugin = &linked
	}
	return *c.authPlugin
}

// noteKeySetVars adds to inSet the variables an assignment gives whether
// the credential is in a set: valid := validKeys[tok]; _, ok := keys[tok].
func (c *checker) noteKeySetVars(as *ast.AssignStmt, authVars, inSet map[*types.Var]bool) {
	if len(as.Rhs) != 1 || len(as.Lhs) > 2 {
		return
	}
	ix, ok := ast.Unparen(as.Rhs[0]).(*ast.IndexExpr)
	if !ok || !c.isKeySet(ix, authVars, len(as.Lhs) == 2) {
		return
	}
	if id, ok := as.Lhs[len(as.Lhs)-1].(*ast.Ident); ok {
		if v, ok := c.pass.TypesInfo.ObjectOf(id).(*types.Var); ok {
			inSet[v] = true
		}
	}
}

// inKeySet reports whether e says the credential is in a set of valid
// ones: validKeys[tok], or a variable noteKeySetVars recorded.
func (c *checker) inKeySet(e ast.Expr, authVars, inSet map[*types.Var]bool) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.IndexExpr:
		return c.isKeySet(x, authVars, false)
	case *ast.Ident:
		v, ok := c.pass.TypesInfo.ObjectOf(x).(*types.Var)
		return ok && inSet[v]
	}
	return false
}

// isBoolConst reports whether e is the constant b.
func isBoolConst(info *types.Info, e ast.Expr, b bool) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value) == b
}

// callsNext reports whether body calls a handler (the next one).
func (c *checker) callsNext(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if e, ok := n.(ast.Expr); ok && c.isNextCall(e) {
			found = true
		}
		return !found
	})
	return found
}

// isKeySet reports whether ix looks the credential up in a map (other
// than go-micro metadata): of booleans, or of anything when anyElem is
// set (the comma-ok form).
func (c *checker) isKeySet(ix *ast.IndexExpr, authVars map[*types.Var]bool, anyElem bool) bool {
	t := c.pass.TypesInfo.TypeOf(ix.X)
	m, isMap := t.Underlying().(*types.Map)
	if !isMap || c.isHeaderMap(ix.X) || !c.fromCredential(ix.Index, authVars) {
		return false
	}
	b, ok := m.Elem().Underlying().(*types.Basic)
	return anyElem || ok && b.Kind() == types.Bool
}

// isExpected reports whether e, compared with the credential, is what a
// valid one must be: not empty, not a scheme name or a sentinel such as
// "null", and not another value the client sends (metadata).
func (c *checker) isExpected(e ast.Expr) bool {
	if _, fromClient := c.metadataKey(e); fromClient || c.isEmpty(e) || c.isScheme(e) {
		return false
	}
	if s, ok := c.model.StringArg(e); ok {
		// "Bearer null": a scheme before a sentinel.
		words := strings.Fields(strings.ToLower(s))
		if len(words) == 2 && isSchemeWord(words[0]) {
			words = words[1:]
		}
		if len(words) == 1 {
			switch words[0] {
			case "null", "nil", "none", "undefined", "false", "0", "-":
				return false
			}
		}
	}
	return true
}

// isZero reports whether e is the constant 0.
func isZero(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Int && constant.Sign(tv.Value) == 0
}

// isScheme reports whether e is the name of an authentication scheme,
// such as "Bearer": a comparison with it checks the form of the header,
// not the credential.
func (c *checker) isScheme(e ast.Expr) bool {
	s, ok := c.model.StringArg(e)
	if !ok {
		return false
	}
	return isSchemeWord(strings.ToLower(strings.TrimSpace(s)))
}

// isSchemeWord reports whether w, in lower case, names an authentication
// scheme.
func isSchemeWord(w string) bool {
	switch w {
	case "bearer", "basic", "digest", "token", "key", "apikey", "api-key", "jwt":
		return true
	}
	return false
}

// noteCredentialVars adds to authVars the variables of lhs that an
// assignment gives a value read from the credential.
func (c *checker) noteCredentialVars(lhs, rhs []ast.Expr, authVars map[*types.Var]bool) {
	if len(rhs) == 0 {
		return
	}
	for i, l := range lhs {
		id, ok := l.(*ast.Ident)
		if !ok {
			continue
		}
		r := rhs[0]
		if len(rhs) == len(lhs) {
			r = rhs[i]
		} else if i > 0 {
			continue // the ok of metadata.Get
		}
		if c.fromCredential(r, authVars) {
			if v, ok := c.pass.TypesInfo.ObjectOf(id).(*types.Var); ok {
				authVars[v] = true
			}
		}
	}
}

// fromCredential reports whether e is the Authorization value, or text
// cut or converted from it: a variable holding it, an element or a slice
// of it, or the text a call returns from it (strings.TrimPrefix,
// strings.Fields, strings.ToLower). What a call returns that is not text,
// such as its length or whether it has a prefix, says nothing of whether
// the token is right, and is not.
func (c *checker) fromCredential(e ast.Expr, authVars map[*types.Var]bool) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := c.pass.TypesInfo.ObjectOf(e).(*types.Var)
		return ok && authVars[v]
	case *ast.SliceExpr:
		if e.High != nil && (e.Low == nil || isZero(c.pass.TypesInfo, e.Low)) {
			return false // auth[:7], the scheme: "Bearer "
		}
		return c.fromCredential(e.X, authVars)
	case *ast.IndexExpr:
		if c.isAuthorizationValue(e) {
			return true
		}
		if _, isMap := c.pass.TypesInfo.TypeOf(e.X).Underlying().(*types.Map); isMap {
			return false
		}
		return c.fromCredential(e.X, authVars)
	case *ast.CallExpr:
		if c.isAuthorizationValue(e) {
			return true
		}
		if !isText(c.pass.TypesInfo.TypeOf(e)) {
			return false
		}
		for _, a := range e.Args {
			if c.fromCredential(a, authVars) {
				return true
			}
		}
	}
	return false
}

// isText reports whether t is a string, a byte slice or a slice of
// strings.
func isText(t types.Type) bool {
	if t == nil {
		return false
	}
	if s, ok := t.Underlying().(*types.Slice); ok {
		t = s.Elem()
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && (b.Info()&types.IsString != 0 || b.Kind() == types.Byte)
}

// isAuthorizationValue reports whether e reads the Authorization entry of
// go-micro metadata: md["Authorization"] or metadata.Get(ctx,
// "Authorization").
func (c *checker) isAuthorizationValue(e ast.Expr) bool {
	k, ok := c.metadataKey(e)
	if !ok {
		return false
	}
	s, ok := c.model.StringArg(k)
	return ok && (strings.EqualFold(s, "Authorization") || strings.EqualFold(s, "X-Api-Key") || strings.EqualFold(s, "Micro-Token"))
}

// metadataKey returns the key of e when e reads an entry of go-micro
// metadata, md[k] or metadata.Get(ctx, k), or of the request's headers,
// req.Header()[k]: the rpc server copies the same transport headers into
// both.
func (c *checker) metadataKey(e ast.Expr) (ast.Expr, bool) {
	switch e := ast.Unparen(e).(type) {
	case *ast.IndexExpr:
		if c.isHeaderMap(e.X) {
			return e.Index, true
		}
	case *ast.CallExpr:
		ref, ok := gomicro.CalleeRef(c.pass.TypesInfo, e)
		if ok && ref.Path == "metadata" && (ref.Name == "Get" || ref.Name == "Metadata.Get") && len(e.Args) > 0 {
			return e.Args[len(e.Args)-1], true
		}
	}
	return nil, false
}

// isHeaderMap reports whether e is a map of the headers a caller sends:
// go-micro metadata, the request's Header(), or a variable holding only
// such maps.
func (c *checker) isHeaderMap(e ast.Expr) bool {
	e = ast.Unparen(e)
	if gomicro.IsNamedType(c.pass.TypesInfo.TypeOf(e), "metadata", "Metadata") {
		return true
	}
	if call, ok := e.(*ast.CallExpr); ok {
		ref, ok := gomicro.CalleeRef(c.pass.TypesInfo, call)
		return ok && ref.Path == "server" && ref.Name == "Request.Header"
	}
	v := c.model.VarOf(e)
	if v == nil {
		return false
	}
	rhs, unk := c.model.Assigned(v)
	if unk || len(rhs) == 0 {
		return false
	}
	empty := false
	for _, r := range rhs {
		if c.isEmptyMap(r) {
			empty = true
			continue
		}
		call, ok := ast.Unparen(r).(*ast.CallExpr)
		if !ok || !c.isHeaderMap(call) {
			return false
		}
	}
	return !empty || c.copiesHeaders(v)
}

// isEmptyMap reports whether e makes an empty map: make(map[K]V) or
// map[K]V{}.
func (c *checker) isEmptyMap(e ast.Expr) bool {
	if _, isMap := c.pass.TypesInfo.TypeOf(e).Underlying().(*types.Map); !isMap {
		return false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return len(x.Elts) == 0
	case *ast.CallExpr:
		id, ok := ast.Unparen(x.Fun).(*ast.Ident)
		return ok && c.pass.TypesInfo.Uses[id] == types.Universe.Lookup("make")
	}
	return false
}

// copiesHeaders reports whether the local map m is only ever given
// entries of a header map: m[strings.ToLower(k)] = v in a range over
// req.Header() or the metadata, or m[k] = md[k]. Passed to a function,
// m may be given anything.
func (c *checker) copiesHeaders(m *types.Var) bool {
	scope := m.Parent()
	if scope == nil || scope == c.pass.Pkg.Scope() || m.Pkg() != c.pass.Pkg {
		return false
	}
	// The map may be copied from itself or from another copy: cache
	// the answer, and take it to be no copy while it is worked out.
	if done, seen := c.headerCopies[m]; seen {
		return done
	}
	c.headerCopies[m] = false
	copies := c.scanHeaderCopies(m, scope)
	c.headerCopies[m] = copies
	return copies
}

func (c *checker) scanHeaderCopies(m *types.Var, scope *types.Scope) bool {
	info := c.pass.TypesInfo
	fromHeaders := map[*types.Var]bool{} // v of for k, v := range req.Header()
	writes, ok := 0, true
	for _, file := range c.pass.Files {
		if file.Pos() > scope.Pos() || scope.End() > file.End() {
			continue
		}
		ast.Inspect(file, func(n ast.Node) bool {
			if n == nil || n.End() < scope.Pos() || n.Pos() > scope.End() || !ok {
				return ok
			}
			switch n := n.(type) {
			case *ast.RangeStmt:
				if val, isID := n.Value.(*ast.Ident); isID && c.isHeaderMap(n.X) {
					if v, isVar := info.ObjectOf(val).(*types.Var); isVar {
						fromHeaders[v] = true
					}
				}
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					ix, isIx := ast.Unparen(l).(*ast.IndexExpr)
					if !isIx || info.Uses[identOf(ix.X)] != m {
						continue
					}
					writes++
					if len(n.Rhs) != len(n.Lhs) {
						ok = false
						continue
					}
					r := ast.Unparen(n.Rhs[i])
					if id, isID := r.(*ast.Ident); isID {
						if v, isVar := info.Uses[id].(*types.Var); isVar && fromHeaders[v] {
							continue
						}
					}
					if _, isKey := c.metadataKey(r); !isKey {
						ok = false
					}
				}
			case *ast.CallExpr:
				if id := identOf(n.Fun); id != nil {
					if _, builtin := info.Uses[id].(*types.Builtin); builtin {
						return true // len(m), delete(m, k)
					}
				}
				for _, a := range n.Args {
					if id := identOf(a); id != nil && info.Uses[id] == m {
						ok = false
					}
				}
			}
			return ok
		})
	}
	return ok && writes > 0
}

func (c *checker) isEmpty(e ast.Expr) bool {
	if c.model.IsNil(e) {
		return true
	}
	s, ok := c.model.StringArg(e)
	return ok && s == ""
}

// failsSomewhere reports whether lit has a return whose result is neither
// nil nor the result of calling the next handler.
func (c *checker) failsSomewhere(lit *ast.FuncLit) bool {
	passVars := map[*types.Var]bool{}
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Rhs) != 1 || len(as.Lhs) != 1 || !c.isNextCall(as.Rhs[0]) {
			return true
		}
		if id, ok := as.Lhs[0].(*ast.Ident); ok {
			if v, ok := c.pass.TypesInfo.ObjectOf(id).(*types.Var); ok {
				passVars[v] = true
			}
		}
		return true
	})
	fails := false
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) != 1 {
				return true
			}
			e := ast.Unparen(n.Results[0])
			if c.model.IsNil(e) || c.isNextCall(e) {
				return true
			}
			if id, ok := e.(*ast.Ident); ok {
				if v, ok := c.pass.TypesInfo.ObjectOf(id).(*types.Var); ok && passVars[v] {
					return true
				}
			}
			fails = true
		}
		return true
	})
	return fails
}

// isNextCall reports whether e calls a handler function (the wrapped
// one).
func (c *checker) isNextCall(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	return ok && isHandlerFunc(c.pass.TypesInfo.TypeOf(call.Fun))
}

// wrapper judges a handler wrapper expression and names it for messages;
// open says when a wrapper that would authenticate calls the next handler
// unchecked.
func (c *checker) wrapper(e ast.Expr, depth int) (v verdict, name, open string) {
	e = ast.Unparen(e)
	name = types.ExprString(e)
	if depth > 6 {
		return unknown, name, ""
	}
	info := c.pass.TypesInfo
	switch x := e.(type) {
	case *ast.FuncLit:
		ok, open := c.wrapperBody(x.Body)
		if ok {
			return yes, name, ""
		}
		return no, "func literal", open
	case *ast.Ident, *ast.SelectorExpr:
		var obj types.Object
		if id, ok := x.(*ast.Ident); ok {
			obj = info.Uses[id]
		} else {
			obj = info.Uses[x.(*ast.SelectorExpr).Sel]
		}
		switch obj := obj.(type) {
		case *types.Func:
			var f authFact
			if c.trusted[key(obj)] || (c.pass.ImportObjectFact(obj, &f) && f.Wrapper) {
				return yes, name, ""
			}
			return no, name, f.Open
		case *types.Var:
			var f authFact
			if c.pass.ImportObjectFact(obj, &f) && f.Wrapper {
				return yes, name, ""
			}
			rhs, unk := c.model.Assigned(obj)
			if len(rhs) == 0 {
				if obj.Pkg() != c.pass.Pkg && obj.Parent() == obj.Pkg().Scope() {
					return no, name, f.Open // another package's variable, judged there
				}
				return unknown, name, ""
			}
			best := no
			for _, r := range rhs {
				v, _, o := c.wrapper(r, depth+1)
				switch v {
				case yes:
					return yes, name, ""
				case unknown:
					best = unknown
				}
				if open == "" {
					open = o
				}
			}
			if unk {
				best = unknown
			}
			return best, name, open
		}
	case *ast.CallExpr:
		return c.wrapperCall(x, depth, name)
	}
	return unknown, name, ""
}

// wrapperCall judges a call returning a handler wrapper.
func (c *checker) wrapperCall(call *ast.CallExpr, depth int, name string) (verdict, string, string) {
	obj := gomicro.Callee(c.pass.TypesInfo, call)
	fn, ok := obj.(*types.Func)
	if !ok {
		return unknown, name, ""
	}
	if short, _, ok := strings.Cut(name, "("); ok {
		name = short
	}
	if ref, ok := gomicro.RefOf(fn); ok {
		switch {
		case ref.Path == "util/wrapper" && ref.Name == "AuthHandler":
			// v2: Inspect then Verify on the auth the function returns.
			return yes, name, ""
		case ref.Path == "wrapper/auth" && ref.Name == "AuthHandler":
			if len(call.Args) == 1 && c.handlerOptionsAuth(call.Args[0], 0) {
				return yes, name, ""
			}
			return no, name + " without an auth provider", ""
		}
		return no, name, ""
	}
	if c.trusted[key(fn)] {
		return yes, name, ""
	}
	var f authFact
	if c.pass.ImportObjectFact(fn, &f) && (f.Makes || f.Wrapper) {
		if decl := c.model.LocalFunc(call); decl != nil && c.givenNoop(decl, call) {
			return no, name, openNoop
		}
		return yes, name, ""
	}
	if recv := fn.Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) {
		return unknown, name, ""
	}
	open := f.Open
	if decl := c.model.LocalFunc(call); decl != nil {
		for _, r := range c.model.ReturnedValues(decl) {
			v, _, o := c.wrapper(r, depth+1)
			if v == yes {
				return yes, name, ""
			}
			if open == "" {
				open = o
			}
		}
	}
	return no, name, open
}

// givenNoop reports whether the wrapper factory decl of this package,
// called by call, checks credentials only with Inspect (or v2's Verify)
// on providers it is given, and call gives it the no-op auth for each:
// wrapWith(auth.NewAuth()), wrapWith(svc.Options().Auth).
func (c *checker) givenNoop(decl *ast.FuncDecl, call *ast.CallExpr) bool {
	fn, _ := c.pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if fn == nil || fn.Signature().Variadic() {
		return false
	}
	noop := map[*types.Var]bool{}
	params := fn.Signature().Params()
	for i := 0; i < params.Len() && i < len(call.Args); i++ {
		if c.isNoopAuth(call.Args[i], 1) {
			noop[params.At(i)] = true
		}
	}
	if len(noop) == 0 {
		return false
	}
	// onParam reports whether e holds only parameters given the no-op
	// auth, directly or through local variables (p := a).
	var onParam func(e ast.Expr, depth int) bool
	onParam = func(e ast.Expr, depth int) bool {
		v := c.model.VarOf(ast.Unparen(e))
		if v == nil || depth > 4 {
			return false
		}
		if noop[v] {
			return true
		}
		if v.Parent() == nil || v.Parent() == c.pass.Pkg.Scope() || !(decl.Pos() <= v.Pos() && v.Pos() < decl.End()) {
			return false
		}
		rhs, unk := c.model.Assigned(v)
		if unk || len(rhs) == 0 {
			return false
		}
		for _, r := range rhs {
			if !onParam(r, depth+1) {
				return false
			}
		}
		return true
	}
	seen, all := false, true
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		lit, ok := n.(*ast.FuncLit)
		if !ok || !isHandlerFunc(c.pass.TypesInfo.TypeOf(lit)) {
			return true
		}
		checks, _ := c.credentialChecks(lit.Body)
		for _, chk := range checks {
			seen = true
			call, ok := chk.(*ast.CallExpr)
			if !ok {
				all = false
				continue
			}
			ref, ok := gomicro.RefOf(gomicro.Callee(c.pass.TypesInfo, call))
			sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			if !ok || ref.Path != "auth" || ref.Name != "Auth.Inspect" && ref.Name != "Auth.Verify" || !isSel || !onParam(sel.X, 0) {
				all = false
			}
		}
		return true
	})
	return seen && all
}

// handlerOptionsAuth reports whether the wrapper/auth HandlerOptions value
// e carries an auth provider that is not the no-op one: from a literal's
// Auth field, the first argument of AuthRequired and PublicEndpoints,
// what a variable is given (see handlerOptionsVarAuth), or what a helper
// function returns (see calledOptionsAuth).
func (c *checker) handlerOptionsAuth(e ast.Expr, depth int) bool {
	e = ast.Unparen(e)
	if depth > 6 {
		return true
	}
	switch x := e.(type) {
	case *ast.UnaryExpr:
		return c.handlerOptionsAuth(x.X, depth+1)
	case *ast.CompositeLit:
		for _, elt := range x.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "Auth" {
				return !c.isNoopAuth(kv.Value, depth+1)
			}
		}
		return false
	case *ast.CallExpr:
		ref, ok := gomicro.CalleeRef(c.pass.TypesInfo, x)
		if ok && ref.Path == "wrapper/auth" && (ref.Name == "AuthRequired" || ref.Name == "PublicEndpoints") {
			return len(x.Args) > 0 && !c.isNoopAuth(x.Args[0], depth+1)
		}
		if !ok {
			return c.calledOptionsAuth(x, depth)
		}
	case *ast.Ident:
		if v, ok := c.pass.TypesInfo.Uses[x].(*types.Var); ok && isHandlerOptions(v.Type()) {
			return c.handlerOptionsVarAuth(v, x, depth)
		}
	}
	return true // cannot see: give it the benefit
}

// isNoopAuth reports whether e is nil or go-micro's no-op auth provider:
// auth.NewAuth(), auth/noop.NewAuth(), auth.DefaultAuth.
func (c *checker) isNoopAuth(e ast.Expr, depth int) bool {
	if e == nil || c.model.IsNil(e) {
		return true
	}
	e = ast.Unparen(e)
	if depth > 6 {
		return false
	}
	if sel, ok := e.(*ast.SelectorExpr); ok {
		if svc := c.serviceOptionsAuth(sel); svc != nil {
			return c.serviceHasNoopAuth(svc, depth)
		}
	}
	switch x := e.(type) {
	case *ast.CallExpr:
		ref, ok := gomicro.CalleeRef(c.pass.TypesInfo, x)
		if ok {
			return (ref.Path == "auth" || ref.Path == "auth/noop") && ref.Name == "NewAuth"
		}
		// A constructor of this package that returns only the no-op auth.
		decl := c.model.LocalFunc(x)
		if decl == nil {
			return false
		}
		res := c.model.ReturnedValues(decl)
		for _, r := range res {
			if !c.isNoopAuth(r, depth+1) {
				return false
			}
		}
		return len(res) > 0
	case *ast.Ident, *ast.SelectorExpr:
		v := c.model.VarOf(x)
		if v == nil {
			return false
		}
		if c.args.noop[v] {
			return true // a parameter of the helper judged, given the no-op auth
		}
		if ref, ok := gomicro.RefOf(v); ok && ref.Path == "auth" && ref.Name == "DefaultAuth" {
			rhs, _ := c.model.Assigned(v)
			for _, r := range rhs {
				if !c.isNoopAuth(r, depth+1) {
					return false
				}
			}
			return true
		}
		rhs, unk := c.model.Assigned(v)
		if unk || len(rhs) == 0 {
			return false
		}
		for _, r := range rhs {
			if !c.isNoopAuth(r, depth+1) {
				return false
			}
		}
		return true
	}
	return false
}
