package unsignedpublish

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/microsec-lint/microsec-lint/internal/gomicro"
)

// signers are library functions whose result is a signature or a MAC, or
// (hmac.New) a MAC whose Sum is one.
var signers = gomicro.FuncTable{
	"crypto/hmac":                     {"New": true},
	"crypto/ed25519":                  {"Sign": true, "PrivateKey.Sign": true},
	"crypto/ecdsa":                    {"Sign": true, "SignASN1": true, "PrivateKey.Sign": true},
	"crypto/rsa":                      {"SignPKCS1v15": true, "SignPSS": true, "PrivateKey.Sign": true},
	"crypto":                          {"Signer.Sign": true},
	"golang.org/x/crypto/nacl/sign":   {"Sign": true},
	"github.com/golang-jwt/jwt":       {"Token.SignedString": true},
	"github.com/lestrrat-go/jwx/jws":  {"Sign": true},
	"github.com/lestrrat-go/jwx/jwt":  {"Sign": true},
	"github.com/go-jose/go-jose":      {"Signer.Sign": true},
	"gopkg.in/square/go-jose.v2":      {"Signer.Sign": true},
	"github.com/dgrijalva/jwt-go":     {"Token.SignedString": true},
	"github.com/form3tech-oss/jwt-go": {"Token.SignedString": true},
}

// verifiers are library functions that check a signature or a MAC.
var verifiers = gomicro.FuncTable{
	"crypto/hmac":                    {"Equal": true},
	"crypto/subtle":                  {"ConstantTimeCompare": true},
	"crypto/ed25519":                 {"Verify": true, "VerifyWithOptions": true},
	"crypto/ecdsa":                   {"Verify": true, "VerifyASN1": true},
	"crypto/rsa":                     {"VerifyPKCS1v15": true, "VerifyPSS": true},
	"golang.org/x/crypto/nacl/sign":  {"Open": true},
	"github.com/lestrrat-go/jwx/jws": {"Verify": true},
	"github.com/go-jose/go-jose":     {"JSONWebSignature.Verify": true},
	"gopkg.in/square/go-jose.v2":     {"JSONWebSignature.Verify": true},
	"github.com/golang-jwt/jwt":      {"Parse": true, "ParseWithClaims": true, "Parser.Parse": true, "Parser.ParseWithClaims": true},
}

// isSigner reports whether obj computes a signature: a library signer, a
// -signers function, or a function with a Signer fact.
func (c *checker) isSigner(obj types.Object) bool {
	if obj == nil {
		return false
	}
	if signers.Has(obj) || c.signers[key(obj)] {
		return true
	}
	var f signFact
	return c.pass.ImportObjectFact(obj, &f) && f.Signer
}

// isVerifier reports whether obj checks a signature.
func (c *checker) isVerifier(obj types.Object) bool {
	if obj == nil {
		return false
	}
	if verifiers.Has(obj) || c.verifiers[key(obj)] {
		return true
	}
	var f signFact
	return c.pass.ImportObjectFact(obj, &f) && f.Verifier
}

// signed reports whether the value of e is derived from a signature:
// computed by a signer, directly or through encodings, conversions,
// concatenation, variables and the package's own functions.
func (c *checker) signed(e ast.Expr, depth int, seen map[types.Object]bool) bool {
	e = ast.Unparen(e)
	if e == nil || depth > 8 {
		return false
	}
	info := c.pass.TypesInfo
	switch x := e.(type) {
	case *ast.CallExpr:
		obj := gomicro.Callee(info, x)
		if c.isSigner(obj) {
			return true
		}
		if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
			if _, isMethod := info.Selections[sel]; isMethod && c.signed(sel.X, depth+1, seen) {
				return true // mac.Sum(nil) with mac := hmac.New(...)
			}
		}
		if decl := c.model.LocalFunc(x); decl != nil && !seen[obj] {
			seen[obj] = true
			for _, r := range c.returnedValues(decl) {
				if c.signed(r, depth+1, seen) {
					return true
				}
			}
		}
		for _, a := range x.Args {
			if c.signed(a, depth+1, seen) {
				return true
			}
		}
	case *ast.BinaryExpr:
		return c.signed(x.X, depth+1, seen) || c.signed(x.Y, depth+1, seen)
	case *ast.IndexExpr:
		return c.signed(x.X, depth+1, seen)
	case *ast.SliceExpr:
		return c.signed(x.X, depth+1, seen)
	case *ast.StarExpr:
		return c.signed(x.X, depth+1, seen)
	case *ast.UnaryExpr:
		return c.signed(x.X, depth+1, seen)
	case *ast.Ident, *ast.SelectorExpr:
		v := c.model.VarOf(x)
		if v == nil || seen[v] {
			return false
		}
		seen[v] = true
		rhs, _ := c.model.Assigned(v)
		for _, r := range rhs {
			if c.signed(r, depth+1, seen) {
				return true
			}
		}
		// mac.Write(body) and friends do not reassign; a variable only
		// filled through a pointer (sig := make([]byte, n); sign(sig)) is
		// not followed.
	}
	return false
}

// mapSigned reports whether a header map expression carries a signed
// value: a literal with one, or a variable one of whose entries is
// assigned one anywhere in the package (h["X-Signature"] = sig).
func (c *checker) mapSigned(e ast.Expr, depth int) bool {
	e = ast.Unparen(e)
	if e == nil || depth > 6 {
		return false
	}
	switch x := e.(type) {
	case *ast.CompositeLit:
		for _, elt := range x.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok && c.signed(kv.Value, 0, map[types.Object]bool{}) {
				return true
			}
		}
	case *ast.Ident, *ast.SelectorExpr:
		v := c.model.VarOf(x)
		if v == nil {
			return false
		}
		if c.entrySigned[v] || c.setSigned(v) {
			return true
		}
		rhs, _ := c.model.Assigned(v)
		for _, r := range rhs {
			if c.mapSigned(r, depth+1) {
				return true
			}
		}
		// m.Header where m is a message variable.
		if sel, ok := x.(*ast.SelectorExpr); ok && sel.Sel.Name == "Header" {
			return c.messageSigned(sel.X, depth+1)
		}
	case *ast.CallExpr:
		// metadata.FromContext(ctx) and the like: the context's metadata.
		ref, ok := gomicro.CalleeRef(c.pass.TypesInfo, x)
		if ok && ref.Path == "metadata" && len(x.Args) > 0 {
			return c.contextSigned(x.Args[0], depth+1)
		}
	}
	return false
}

// indexSignedEntries records, for every map variable (and Header field of a
// message variable), whether some entry is assigned a signed value.
func (c *checker) indexSignedEntries() {
	clear(c.entrySigned)
	clear(c.headerSigned)
	for _, as := range c.model.AssignStmts() {
		if (as.Tok != token.ASSIGN && as.Tok != token.DEFINE) || len(as.Lhs) != len(as.Rhs) {
			continue
		}
		for i, lhs := range as.Lhs {
			ix, ok := ast.Unparen(lhs).(*ast.IndexExpr)
			if !ok {
				continue
			}
			if _, isMap := c.pass.TypesInfo.TypeOf(ix.X).Underlying().(*types.Map); !isMap {
				continue
			}
			if !c.signed(as.Rhs[i], 0, map[types.Object]bool{}) {
				continue
			}
			if v := c.model.VarOf(ix.X); v != nil {
				c.entrySigned[v] = true
			}
			// msg.Header["X-Signature"] = sig marks msg.
			if sel, ok := ast.Unparen(ix.X).(*ast.SelectorExpr); ok && sel.Sel.Name == "Header" {
				if v := c.model.VarOf(sel.X); v != nil {
					c.headerSigned[v] = true
				}
			}
		}
		// msg.Header = map[string]string{"X-Signature": sig} marks msg,
		// as does msg.Header = h with such a map h.
		for i, lhs := range as.Lhs {
			sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "Header" || !c.mapSigned(as.Rhs[i], 0) {
				continue
			}
			if v := c.model.VarOf(sel.X); v != nil {
				c.headerSigned[v] = true
			}
		}
	}
}

// messageSigned reports whether a *broker.Message expression carries a
// signed header.
func (c *checker) messageSigned(e ast.Expr, depth int) bool {
	e = ast.Unparen(e)
	if e == nil || depth > 6 {
		return false
	}
	// As in contextSigned: messages built by helpers from what other
	// helpers return are asked about again at each level.
	return remember(c.msgMemo, e, depth, c.messageSignedAt)
}

func (c *checker) messageSignedAt(e ast.Expr, depth int) bool {
	switch x := e.(type) {
	case *ast.UnaryExpr:
		return c.messageSigned(x.X, depth+1)
	case *ast.CompositeLit:
		for _, elt := range x.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "Header" && c.mapSigned(kv.Value, depth+1) {
				return true
			}
		}
	case *ast.Ident, *ast.SelectorExpr:
		v := c.model.VarOf(x)
		if v == nil {
			return false
		}
		if c.headerSigned[v] {
			return true
		}
		rhs, _ := c.model.Assigned(v)
		for _, r := range rhs {
			if c.messageSigned(r, depth+1) {
				return true
			}
		}
	case *ast.CallExpr:
		if decl := c.model.LocalFunc(x); decl != nil {
			for _, r := range c.returnedValues(decl) {
				if c.messageSigned(r, depth+1) {
					return true
				}
			}
		}
		var f signFact
		if fn, ok := gomicro.Callee(c.pass.TypesInfo, x).(*types.Func); ok && c.pass.ImportObjectFact(fn, &f) && f.Signer {
			return true // a helper of another package building a signed message
		}
	}
	return false
}

// contextSigned reports whether a context carries go-micro metadata with
// a signed value: metadata.Set(ctx, k, sig), metadata.NewContext(ctx, md)
// or metadata.MergeContext(ctx, md, _) with a signed md, through variables
// and derived contexts.
func (c *checker) contextSigned(e ast.Expr, depth int) bool {
	e = ast.Unparen(e)
	if e == nil || depth > 8 {
		return false
	}
	// Contexts pass through many helpers, each returning what another
	// returns: without the memo, a package of such helpers took seconds
	// (go-micro v5's dependencies, first run). The answer at a depth is
	// the same until the facts change (see learnFacts).
	return remember(c.ctxMemo, e, depth, c.contextSignedAt)
}

// ctxKey is a question contextSigned or messageSigned has answered.
type ctxKey struct {
	e     ast.Expr
	depth int
}

// remember answers a question about e at a depth from memo, or asks
// answer and keeps what it says.
func remember(memo map[ctxKey]bool, e ast.Expr, depth int, answer func(ast.Expr, int) bool) bool {
	key := ctxKey{e, depth}
	if v, ok := memo[key]; ok {
		return v
	}
	v := answer(e, depth)
	memo[key] = v
	return v
}

func (c *checker) contextSignedAt(e ast.Expr, depth int) bool {
	switch x := e.(type) {
	case *ast.CallExpr:
		if ref, ok := gomicro.CalleeRef(c.pass.TypesInfo, x); ok && ref.Path == "metadata" {
			switch ref.Name {
			case "Set":
				if len(x.Args) == 3 && c.signed(x.Args[2], 0, map[types.Object]bool{}) {
					return true
				}
			case "NewContext", "MergeContext":
				if len(x.Args) >= 2 && c.mapSigned(x.Args[1], depth+1) {
					return true
				}
			}
		}
		if decl := c.model.LocalFunc(x); decl != nil {
			for _, r := range c.returnedValues(decl) {
				if c.contextSigned(r, depth+1) {
					return true
				}
			}
		}
		var f signFact
		if fn, ok := gomicro.Callee(c.pass.TypesInfo, x).(*types.Func); ok && c.pass.ImportObjectFact(fn, &f) && f.Signer {
			return true
		}
		// A context derived from a signed one; not the error of a
		// publish given one.
		if len(x.Args) > 0 && isContext(c.pass.TypesInfo.TypeOf(x.Args[0])) && returnsContext(c.pass.TypesInfo.TypeOf(x)) {
			return c.contextSigned(x.Args[0], depth+1)
		}
	case *ast.Ident:
		v := c.model.VarOf(x)
		if v == nil {
			return false
		}
		// ctx, cancel := context.WithTimeout(sctx, d) derives ctx.
		rhs, _ := c.model.AssignedFirst(v)
		for _, r := range rhs {
			if c.contextSigned(r, depth+1) {
				return true
			}
		}
		return c.litParamGivenSigned(v, depth)
	}
	return false
}

// enclosingBody returns the body of the function declaration of the
// package that declares v, or nil.
func (c *checker) enclosingBody(v *types.Var) *ast.BlockStmt {
	for _, decl := range c.model.Funcs() {
		if decl.Body != nil && decl.Pos() <= v.Pos() && v.Pos() < decl.End() {
			return decl.Body
		}
	}
	return nil
}

// litParamGivenSigned reports whether v is a context parameter of a
// function literal passed to a call that is also given a signed context,
// as retry and backoff helpers are: retry(sctx, func(c context.Context)
// error { return cl.Publish(c, msg) }). The helper is taken to hand the
// literal the context it was given, or one derived from it.
func (c *checker) litParamGivenSigned(v *types.Var, depth int) bool {
	if !isContext(v.Type()) || !c.litParam(v) {
		return false
	}
	body := c.enclosingBody(v)
	if body == nil {
		return false
	}
	return anyCall(body, func(call *ast.CallExpr) bool {
		for _, arg := range call.Args {
			lit, ok := arg.(*ast.FuncLit)
			if !ok || !declaresParam(c.pass.TypesInfo, lit, v) {
				continue
			}
			for _, other := range call.Args {
				if other != arg && isContext(c.pass.TypesInfo.TypeOf(other)) && c.contextSigned(other, depth+1) {
					return true
				}
			}
		}
		return false
	})
}

// anyCall reports whether match holds for some call in body.
func anyCall(body *ast.BlockStmt, match func(*ast.CallExpr) bool) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && !found && match(call) {
			found = true
		}
		return !found
	})
	return found
}

// litParam reports whether v is a parameter of a function literal: a
// parameter whose function's scope is not a file's, as a declared
// function's is. Checking this first keeps the search for the literal to
// the few variables that can be found.
func (c *checker) litParam(v *types.Var) bool {
	if v.Kind() != types.ParamVar {
		return false
	}
	fn := v.Parent()
	return fn != nil && fn.Parent() != nil && fn.Parent().Parent() != c.pass.Pkg.Scope()
}

// declaresParam reports whether v is a parameter of lit.
func declaresParam(info *types.Info, lit *ast.FuncLit, v *types.Var) bool {
	for _, field := range lit.Type.Params.List {
		for _, name := range field.Names {
			if info.Defs[name] == v {
				return true
			}
		}
	}
	return false
}

// setSigned reports whether map variable v is given a signed entry
// through a Set method (go-micro's Metadata.Set) in the function that
// declares it: md.Set("X-Signature", sig).
func (c *checker) setSigned(v *types.Var) bool {
	if obj, _, _ := types.LookupFieldOrMethod(v.Type(), true, v.Pkg(), "Set"); obj == nil {
		return false
	}
	body := c.enclosingBody(v)
	if body == nil {
		return false
	}
	return anyCall(body, func(call *ast.CallExpr) bool {
		sel, ok := call.Fun.(*ast.SelectorExpr)
		return ok && sel.Sel.Name == "Set" && len(call.Args) == 2 && c.model.VarOf(sel.X) == v &&
			c.signed(call.Args[1], 0, map[types.Object]bool{})
	})
}

// returnsContext reports whether t, the type of a call, is a context or
// a tuple whose first element is one.
func returnsContext(t types.Type) bool {
	if tup, ok := t.(*types.Tuple); ok {
		return tup.Len() > 0 && isContext(tup.At(0).Type())
	}
	return isContext(t)
}

func isContext(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context"
}

// bodySigns reports whether a function body computes a signature that it
// hands on: a signed value passed to a call or stored in a map.
func (c *checker) bodySigns(body *ast.BlockStmt) bool {
	return c.signsAt(body) != nil
}

// signsAt returns the first node of body, in source order, that hands on
// a signature (see bodySigns), or nil.
func (c *checker) signsAt(body *ast.BlockStmt) ast.Node {
	var found ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			for _, a := range n.Args {
				if c.signed(a, 0, map[types.Object]bool{}) || c.signedMapLit(a) {
					found = n
				}
			}
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if i >= len(n.Rhs) {
					break
				}
				_, index := ast.Unparen(lhs).(*ast.IndexExpr)
				if index && c.signed(n.Rhs[i], 0, map[types.Object]bool{}) || !index && c.signedMapLit(n.Rhs[i]) {
					found = n
				}
			}
		case *ast.CompositeLit:
			// A signed header map inside a message literal:
			// &broker.Message{Header: map[string]string{k: sig}}.
			if c.signedMapLit(n) {
				found = n
			}
		}
		return found == nil
	})
	return found
}

// signedMapLit reports whether e is a map literal with a signed value:
// metadata.Metadata{"X-Signature": sig}, map[string]string{...}.
func (c *checker) signedMapLit(e ast.Expr) bool {
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok {
		return false
	}
	if _, isMap := c.pass.TypesInfo.TypeOf(lit).Underlying().(*types.Map); !isMap {
		return false
	}
	return c.mapSigned(lit, 0)
}

// publishSigns reports whether the body of a broker's Publish method
// signs every message it publishes: it hands on a signature, and no call
// ahead of that in the source publishes (see callPublishes): a Publish
// that first passes the message, unsigned, to another broker, directly or
// through a helper or closure, does not sign. A function literal counts
// where it is called, not where it is written. The messages it publishes
// itself must be the ones signed (see publishesSigned).
func (c *checker) publishSigns(body *ast.BlockStmt) bool {
	at := c.signsAt(body)
	if at == nil || !c.publishesSigned(body, at) {
		return false
	}
	early := false
	ast.Inspect(body, func(n ast.Node) bool {
		if early || n == nil || n.Pos() >= at.Pos() {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			early = n.End() <= at.Pos() && c.callPublishes(n)
		}
		return !early
	})
	return !early
}

// callPublishes reports whether call makes a broker publish: it is one,
// or it calls a function or method of the package, a function literal, or
// a variable of the package holding function literals, whose body makes
// one itself (one level down: what that body calls is not followed).
func (c *checker) callPublishes(call *ast.CallExpr) bool {
	if fn, ok := gomicro.Callee(c.pass.TypesInfo, call).(*types.Func); ok && publishesBrokerMessage(fn) {
		return true
	}
	var bodies []*ast.BlockStmt
	if lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
		bodies = append(bodies, lit.Body)
	} else if decl := c.model.LocalFunc(call); decl != nil {
		bodies = append(bodies, decl.Body)
	} else if v := c.model.VarOf(call.Fun); v != nil {
		rhs, _ := c.model.Assigned(v)
		for _, r := range rhs {
			if lit, ok := ast.Unparen(r).(*ast.FuncLit); ok {
				bodies = append(bodies, lit.Body)
			}
		}
	}
	for _, body := range bodies {
		if c.bodyPublishes(body) {
			return true
		}
	}
	return false
}

// bodyPublishes reports whether body calls a broker publish (see
// publishesBrokerMessage), in nested function literals too.
func (c *checker) bodyPublishes(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if fn, ok := gomicro.Callee(c.pass.TypesInfo, call).(*types.Func); ok && publishesBrokerMessage(fn) {
				found = true
			}
		}
		return !found
	})
	return found
}

// publishesBrokerMessage reports whether fn publishes a broker message:
// a Publish method of broker.Broker's shape, or package broker.Publish.
func publishesBrokerMessage(fn *types.Func) bool {
	sig := fn.Signature()
	if fn.Name() != "Publish" || sig.Params().Len() < 2 {
		return false
	}
	p, ok := sig.Params().At(1).Type().(*types.Pointer)
	return ok && gomicro.IsNamedType(p.Elem(), "broker", "Message")
}

// bodyVerifies reports whether a function body calls a signature check,
// in nested function literals too when nested is set.
func (c *checker) bodyVerifies(body *ast.BlockStmt, nested bool) bool {
	for _, obj := range c.calleesOf(body, nested) {
		if c.isVerifier(obj) {
			return true
		}
	}
	return false
}

// calleesKey names the calls of a body: with nested, those of its function
// literals too.
type calleesKey struct {
	body   *ast.BlockStmt
	nested bool
}

// calleesOf returns the functions a body calls, each once, in the order of
// their first call; with nested, also those its function literals call.
// learnFacts asks about each body once per round, and only the facts of
// the callees change between rounds.
func (c *checker) calleesOf(body *ast.BlockStmt, nested bool) []types.Object {
	key := calleesKey{body, nested}
	if objs, ok := c.callees[key]; ok {
		return objs
	}
	var objs []types.Object
	seen := make(map[types.Object]bool)
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return nested
		case *ast.CallExpr:
			if obj := gomicro.Callee(c.pass.TypesInfo, n); obj != nil && !seen[obj] {
				seen[obj] = true
				objs = append(objs, obj)
			}
		}
		return true
	})
	c.callees[key] = objs
	return objs
}

// publishesSigned reports whether every broker publish that body makes
// itself (in its function literals too) publishes a message that carries
// the signature: one whose header is given a signed value (m.Header[k] =
// sig, m.Header = map[string]string{k: sig}) or built with one (see
// messageSigned), or one passed to the call at that hands on the
// signature (setSignature(m, sig)), and whose header is not cleared after
// at (delete(m.Header, k), m.Header = nil). A Publish that signs a copy
// and publishes the message it was given does not sign. A body that
// publishes only through other functions is not judged here.
func (c *checker) publishesSigned(body *ast.BlockStmt, at ast.Node) bool {
	ok := true
	ast.Inspect(body, func(n ast.Node) bool {
		call, isCall := n.(*ast.CallExpr)
		if !ok || !isCall {
			return ok
		}
		fn, isFn := gomicro.Callee(c.pass.TypesInfo, call).(*types.Func)
		if !isFn || !publishesBrokerMessage(fn) || len(call.Args) < 2 {
			return true
		}
		msg := call.Args[1]
		if !c.messageSigned(msg, 0) && !givenTo(c, at, msg) {
			ok = false
		}
		if v := c.model.VarOf(ast.Unparen(msg)); v != nil && c.headerCleared(body, at, v) {
			ok = false
		}
		return ok
	})
	return ok
}

// givenTo reports whether the message expression msg names a variable
// that the call at passes on, itself or its Header.
func givenTo(c *checker, at ast.Node, msg ast.Expr) bool {
	call, ok := at.(*ast.CallExpr)
	v := c.model.VarOf(ast.Unparen(msg))
	if !ok || v == nil {
		return false
	}
	for _, a := range call.Args {
		a = ast.Unparen(a)
		if sel, isSel := a.(*ast.SelectorExpr); isSel && sel.Sel.Name == "Header" {
			a = sel.X
		}
		if c.model.VarOf(ast.Unparen(a)) == v {
			return true
		}
	}
	return false
}

// headerCleared reports whether body, after the node at, deletes an entry
// of the Header of message variable v or gives it a map with no signed
// value.
func (c *checker) headerCleared(body *ast.BlockStmt, at ast.Node, v *types.Var) bool {
	isHeader := func(e ast.Expr) bool {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		return ok && sel.Sel.Name == "Header" && c.model.VarOf(ast.Unparen(sel.X)) == v
	}
	cleared := false
	ast.Inspect(body, func(n ast.Node) bool {
		if cleared || n == nil || n.Pos() < at.End() {
			return !cleared
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			id, ok := ast.Unparen(n.Fun).(*ast.Ident)
			if ok && c.pass.TypesInfo.Uses[id] == types.Universe.Lookup("delete") && len(n.Args) > 0 && isHeader(n.Args[0]) {
				cleared = true
			}
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if isHeader(lhs) && (len(n.Rhs) != len(n.Lhs) || !c.mapSigned(n.Rhs[i], 0)) {
					cleared = true
				}
			}
		}
		return !cleared
	})
	return cleared
}

// clientPublishesSigned reports whether no client publish that decl, a
// client wrapper's Publish, makes itself (in its function literals too)
// is given the context decl was given while that context carries no
// signature (see contextSigned): a Publish that signs a copy of its
// context and publishes the one it was given, or publishes both, does not
// sign. Any other context (a function literal's parameter, a helper's
// result) is given the benefit, and a body that publishes only through
// other functions is not judged here.
func (c *checker) clientPublishesSigned(decl *ast.FuncDecl) bool {
	params := decl.Type.Params.List
	if len(params) == 0 || len(params[0].Names) == 0 {
		return true
	}
	own := c.pass.TypesInfo.Defs[params[0].Names[0]]
	if own == nil {
		return true
	}
	ok := true
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		call, isCall := n.(*ast.CallExpr)
		if !ok || !isCall {
			return ok
		}
		fn, isFn := gomicro.Callee(c.pass.TypesInfo, call).(*types.Func)
		if !isFn || !publishesClientMessage(fn) || len(call.Args) < 2 {
			return true
		}
		id, isID := ast.Unparen(call.Args[0]).(*ast.Ident)
		if isID && c.pass.TypesInfo.Uses[id] == own && !c.contextSigned(id, 0) {
			ok = false
		}
		return ok
	})
	return ok
}

// publishesClientMessage reports whether fn publishes a client message: a
// Publish method of client.Client's shape, or package client.Publish.
func publishesClientMessage(fn *types.Func) bool {
	sig := fn.Signature()
	return fn.Name() == "Publish" && sig.Params().Len() >= 2 &&
		isContext(sig.Params().At(0).Type()) && gomicro.IsNamedType(sig.Params().At(1).Type(), "client", "Message")
}
