package missingauthwrapper

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/cfg"
)

// A wrapper may keep the tokens it has verified, and let a token it finds
// there through without verifying it again:
//
//	if _, ok := verified.Load(tok); ok {
//		return next(ctx, req, rsp)
//	}
//	if _, err := provider.Inspect(tok); err != nil {
//		return errors.Unauthorized(...)
//	}
//	verified.Store(tok, true)
//
// The lookup is a check when the cache is keyed by the credential and
// filled only by the wrapper, after a check succeeded: a cache filled
// before the check, with another key, or from elsewhere lets a caller in
// with a token nobody verified.

// cacheHit is a lookup of the credential in a cache of verified tokens:
// expr, a condition or a part of one, is true when the credential is
// found in cache if holds is set, and false then otherwise.
type cacheHit struct {
	expr  ast.Expr
	holds bool
	cache *types.Var
}

// cacheVarOf returns the variable (or struct field) e names: verified,
// w.cache.
func (c *checker) cacheVarOf(e ast.Expr) *types.Var {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, _ := c.pass.TypesInfo.Uses[x].(*types.Var)
		return v
	case *ast.SelectorExpr:
		v, _ := c.pass.TypesInfo.Uses[x.Sel].(*types.Var)
		return v
	}
	return nil
}

// syncMapCall returns the receiver and the method name when call calls a
// method of a sync.Map.
func (c *checker) syncMapCall(call *ast.CallExpr) (recv ast.Expr, method string) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, ""
	}
	fn, ok := c.pass.TypesInfo.Uses[sel.Sel].(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "sync" {
		return nil, ""
	}
	r := fn.Signature().Recv()
	if r == nil {
		return nil, ""
	}
	t := r.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); !ok || n.Obj().Name() != "Map" {
		return nil, ""
	}
	return sel.X, fn.Name()
}

// noteCacheLoads records, for an assignment looking the credential up in
// a sync.Map (_, ok := verified.Load(tok)) or a map (_, ok := seen[tok],
// ok := seen[tok]), the variable saying it was found and the cache.
func (c *checker) noteCacheLoads(as *ast.AssignStmt, authVars map[*types.Var]bool, hits map[*types.Var]*types.Var) {
	if len(as.Rhs) != 1 || len(as.Lhs) > 2 {
		return
	}
	var cache *types.Var
	switch r := ast.Unparen(as.Rhs[0]).(type) {
	case *ast.CallExpr:
		recv, m := c.syncMapCall(r)
		if m != "Load" || len(as.Lhs) != 2 || len(r.Args) != 1 || !c.fromCredential(r.Args[0], authVars) {
			return
		}
		cache = c.cacheVarOf(recv)
	case *ast.IndexExpr:
		if _, isMap := c.pass.TypesInfo.TypeOf(r.X).Underlying().(*types.Map); !isMap || !c.fromCredential(r.Index, authVars) {
			return
		}
		cache = c.cacheVarOf(r.X)
	}
	if cache == nil {
		return
	}
	if v, ok := c.pass.TypesInfo.ObjectOf(identOf(as.Lhs[len(as.Lhs)-1])).(*types.Var); ok {
		hits[v] = cache
	}
}

// cacheOf returns the part of a condition that looks the credential up
// in a cache, and the cache: ok of a lookup noteCacheLoads recorded (in
// ok, !ok, ok && fresh), or seen[tok].
func (c *checker) cacheOf(cond ast.Expr, authVars map[*types.Var]bool, hits map[*types.Var]*types.Var) (ast.Expr, *types.Var) {
	switch x := ast.Unparen(cond).(type) {
	case *ast.Ident:
		v, _ := c.pass.TypesInfo.Uses[x].(*types.Var)
		if hits[v] != nil {
			return x, hits[v]
		}
	case *ast.UnaryExpr:
		if x.Op == token.NOT {
			return c.cacheOf(x.X, authVars, hits)
		}
	case *ast.BinaryExpr:
		if x.Op == token.LAND {
			return c.cacheOf(x.X, authVars, hits)
		}
	case *ast.IndexExpr:
		if _, isMap := c.pass.TypesInfo.TypeOf(x.X).Underlying().(*types.Map); isMap && c.fromCredential(x.Index, authVars) {
			if v := c.cacheVarOf(x.X); v != nil {
				return x, v
			}
		}
	}
	return nil, nil
}

// isSyncMap reports whether t is sync.Map.
func isSyncMap(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "sync" && n.Obj().Name() == "Map"
}

// isWriteMethod reports whether a sync.Map method may add an entry.
func isWriteMethod(m string) bool {
	switch m {
	case "Store", "LoadOrStore", "Swap", "CompareAndSwap":
		return true
	}
	return false
}

// cacheWrites returns the statements and calls of body that add an entry
// to cache: verified.Store(k, v), seen[k] = v.
func (c *checker) cacheWrites(body *ast.BlockStmt, cache *types.Var) []ast.Node {
	var out []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if recv, m := c.syncMapCall(n); isWriteMethod(m) && c.cacheVarOf(recv) == cache {
				out = append(out, n)
			}
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if ix, ok := ast.Unparen(l).(*ast.IndexExpr); ok && c.cacheVarOf(ix.X) == cache {
					out = append(out, n)
				}
			}
		case *ast.IncDecStmt:
			if ix, ok := ast.Unparen(n.X).(*ast.IndexExpr); ok && c.cacheVarOf(ix.X) == cache {
				out = append(out, n)
			}
		}
		return true
	})
	return out
}

// safeCache reports whether cache holds only credentials that body, a
// handler, verified: no other package can reach it (an unexported
// variable or field), it starts empty, the package uses it only to look
// entries up, delete them or range over them, except in body, which adds
// entries keyed by the credential only on paths where a check of checks
// passed and its result was found good.
func (c *checker) safeCache(body *ast.BlockStmt, cache *types.Var, checks []ast.Node, authVars map[*types.Var]bool) bool {
	if cache.Exported() && (cache.IsField() || cache.Parent() == cache.Pkg().Scope()) || cache.Pkg() != c.pass.Pkg {
		return false
	}
	// A sync.Map's methods take its address, which Assigned cannot
	// follow; onlyLooksUp sees every use of it.
	rhs, unk := c.model.Assigned(cache)
	if unk && !isSyncMap(cache.Type()) {
		return false
	}
	for _, r := range rhs {
		if !c.isEmptyMap(r) {
			return false
		}
	}
	writes := c.cacheWrites(body, cache)
	if len(writes) == 0 || !c.onlyLooksUp(cache, body, authVars) || !c.keyedByChecked(body, cache, writes, checks, authVars) {
		return false
	}
	return c.writesAfterCheck(body, writes, checks)
}

// keyedByChecked reports whether every write of writes stores under the
// credential a check of checks was given: a handler that checks the
// Authorization token and stores the X-Api-Key it was also sent caches
// a key nobody verified. A credential variable stands for the ones it
// was cut from (t := strings.TrimPrefix(tok, "Bearer ") for tok).
func (c *checker) keyedByChecked(body *ast.BlockStmt, cache *types.Var, writes, checks []ast.Node, authVars map[*types.Var]bool) bool {
	info := c.pass.TypesInfo
	from := map[*types.Var][]*types.Var{} // t: tok, for t := f(tok)
	varsIn := func(e ast.Node) []*types.Var {
		var out []*types.Var
		ast.Inspect(e, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if v, ok := info.Uses[id].(*types.Var); ok && authVars[v] {
					out = append(out, v)
				}
			}
			return true
		})
		return out
	}
	// carried: in: tok, for a request built in a variable to carry the
	// credential (in := &authpb.ValidateRequest{Token: tok}, in.Token =
	// tok), as givenCredential sees it.
	carried := map[*types.Var][]*types.Var{}
	ast.Inspect(body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok && (len(as.Rhs) == 1 || len(as.Rhs) == len(as.Lhs)) {
			for i, l := range as.Lhs {
				r := rhsOf(as.Lhs, as.Rhs, i)
				if v, ok := info.ObjectOf(identOf(l)).(*types.Var); ok && authVars[v] {
					from[v] = append(from[v], varsIn(r)...)
					continue
				}
				target := ast.Unparen(l)
				if sel, ok := target.(*ast.SelectorExpr); ok {
					target = sel.X
				}
				if id, ok := ast.Unparen(target).(*ast.Ident); ok {
					if v, ok := info.ObjectOf(id).(*types.Var); ok && !isText(v.Type()) && v.Parent() != nil && v.Parent() != v.Pkg().Scope() {
						carried[v] = append(carried[v], varsIn(r)...)
					}
				}
			}
		}
		return true
	})
	roots := func(vs []*types.Var) map[*types.Var]bool {
		out := map[*types.Var]bool{}
		var walk func(v *types.Var)
		walk = func(v *types.Var) {
			if out[v] {
				return
			}
			out[v] = true
			for _, u := range from[v] {
				walk(u)
			}
		}
		for _, v := range vs {
			walk(v)
		}
		return out
	}
	checked := map[*types.Var]bool{}
	var checkedText []string
	for _, chk := range checks {
		vs := varsIn(chk)
		if call, ok := chk.(*ast.CallExpr); ok {
			for _, a := range call.Args {
				if id, ok := ast.Unparen(a).(*ast.Ident); ok {
					if v, ok := info.Uses[id].(*types.Var); ok {
						vs = append(vs, carried[v]...)
					}
				}
			}
		}
		for v := range roots(vs) {
			checked[v] = true
		}
		if e, ok := chk.(ast.Expr); ok {
			checkedText = append(checkedText, types.ExprString(e))
		}
	}
	for _, w := range writes {
		var key ast.Expr
		switch w := w.(type) {
		case *ast.CallExpr:
			if len(w.Args) > 0 {
				key = w.Args[0]
			}
		case *ast.AssignStmt:
			for _, l := range w.Lhs {
				if ix, ok := ast.Unparen(l).(*ast.IndexExpr); ok && c.cacheVarOf(ix.X) == cache {
					key = ix.Index
				}
			}
		}
		if key == nil {
			return false
		}
		vs := varsIn(key)
		ok := false
		if len(vs) == 0 {
			// metadata read in place: the same text given to a check.
			for _, t := range checkedText {
				ok = ok || strings.Contains(t, types.ExprString(key))
			}
		}
		for v := range roots(vs) {
			ok = ok || checked[v]
		}
		if !ok {
			return false
		}
	}
	return true
}

// onlyLooksUp reports whether every use of cache in the package looks an
// entry up, deletes one, ranges over it, measures it, empties it or,
// as a key of a struct literal, gives it a new empty map, except the
// writes in body keyed by the credential.
func (c *checker) onlyLooksUp(cache *types.Var, body *ast.BlockStmt, authVars map[*types.Var]bool) bool {
	info := c.pass.TypesInfo
	allowed := map[*ast.Ident]bool{}
	inBody := func(n ast.Node) bool { return body.Pos() <= n.Pos() && n.End() <= body.End() }
	ident := func(e ast.Expr) *ast.Ident {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return x
		case *ast.SelectorExpr:
			return x.Sel
		}
		return nil
	}
	ok := true
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if recv, m := c.syncMapCall(n); m != "" && c.cacheVarOf(recv) == cache {
					switch {
					case !isWriteMethod(m):
					case !inBody(n) || len(n.Args) == 0 || !c.fromCredential(n.Args[0], authVars):
						ok = false
					}
					allowed[ident(recv)] = true
				}
				if id := identOf(n.Fun); id != nil {
					if b, isB := info.Uses[id].(*types.Builtin); isB {
						switch b.Name() {
						case "delete", "len", "clear":
							if len(n.Args) > 0 && c.cacheVarOf(n.Args[0]) == cache {
								allowed[ident(n.Args[0])] = true
							}
						}
					}
				}
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					if ix, isIx := ast.Unparen(l).(*ast.IndexExpr); isIx && c.cacheVarOf(ix.X) == cache {
						if !inBody(n) || !c.fromCredential(ix.Index, authVars) {
							ok = false
						}
						allowed[ident(ix.X)] = true
					}
					// cache = make(map[string]bool): emptied.
					if c.cacheVarOf(l) == cache && len(n.Rhs) == len(n.Lhs) && c.isEmptyMap(n.Rhs[i]) {
						allowed[ident(l)] = true
					}
				}
			case *ast.IncDecStmt:
				if ix, isIx := ast.Unparen(n.X).(*ast.IndexExpr); isIx && c.cacheVarOf(ix.X) == cache {
					ok = false
				}
			case *ast.IndexExpr:
				if c.cacheVarOf(n.X) == cache {
					allowed[ident(n.X)] = true
				}
			case *ast.RangeStmt:
				if c.cacheVarOf(n.X) == cache {
					allowed[ident(n.X)] = true
				}
			case *ast.CompositeLit:
				// &wrapper{seen: make(map[string]bool)}: the field
				// starts empty.
				for _, elt := range n.Elts {
					kv, isKV := elt.(*ast.KeyValueExpr)
					if !isKV {
						continue
					}
					if key := identOf(kv.Key); key != nil && info.Uses[key] == cache && c.isEmptyMap(kv.Value) {
						allowed[key] = true
					}
				}
			}
			return ok
		})
	}
	if !ok {
		return false
	}
	for id, obj := range info.Uses {
		if obj == cache && !allowed[id] {
			return false
		}
	}
	return true
}

// writesAfterCheck reports whether every path of body to a node of writes
// first passes a check of checks and then a condition deciding on it
// (reading the check, or what the check call returned) whose other
// branch neither writes the cache nor reaches the next handler.
func (c *checker) writesAfterCheck(body *ast.BlockStmt, writes, checks []ast.Node) bool {
	g := cfg.New(body, func(*ast.CallExpr) bool { return true })
	if len(g.Blocks) == 0 {
		return false
	}
	within := func(n ast.Node, set []ast.Node) bool {
		for _, x := range set {
			if n.Pos() <= x.Pos() && x.End() <= n.End() || x.Pos() <= n.Pos() && n.End() <= x.End() {
				return true
			}
		}
		return false
	}
	// What the check calls returned: err of _, err := provider.Inspect(tok).
	results := map[*types.Var]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok && len(as.Rhs) == 1 {
			for _, chk := range checks {
				if ast.Unparen(as.Rhs[0]) == chk {
					for _, l := range as.Lhs {
						if v, ok := c.pass.TypesInfo.ObjectOf(identOf(l)).(*types.Var); ok {
							results[v] = true
						}
					}
				}
			}
		}
		return true
	})
	deciding := func(cond ast.Expr) bool {
		if within(cond, checks) {
			return true
		}
		found := false
		ast.Inspect(cond, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if v, ok := c.pass.TypesInfo.Uses[id].(*types.Var); ok && results[v] {
					found = true
				}
			}
			return !found
		})
		return found
	}
	// reach[b]: a path from b writes the cache; next[b]: one calls the
	// next handler.
	reach, next := map[*cfg.Block]bool{}, map[*cfg.Block]bool{}
	for _, b := range g.Blocks {
		for _, n := range b.Nodes {
			if within(n, writes) {
				reach[b] = true
			}
			if c.callsNextIn(n) {
				next[b] = true
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for _, b := range g.Blocks {
			for _, s := range b.Succs {
				if reach[s] && !reach[b] {
					reach[b], changed = true, true
				}
				if next[s] && !next[b] {
					next[b], changed = true, true
				}
			}
		}
	}
	type state struct {
		b       *cfg.Block
		checked bool
	}
	seen := map[state]bool{}
	safe := true
	var walk func(s state)
	walk = func(s state) {
		if !safe || seen[s] || !reach[s.b] {
			return
		}
		seen[s] = true
		nodes := s.b.Nodes
		cond := branchCond(s.b)
		for _, n := range nodes {
			if within(n, writes) {
				safe = false // written before any decision
				return
			}
			if within(n, checks) {
				s.checked = true
			}
		}
		if cond != nil && s.checked && deciding(cond) {
			yes, no := s.b.Succs[0], s.b.Succs[1]
			switch {
			case reach[yes] && (reach[no] || next[no]), reach[no] && (reach[yes] || next[yes]):
				safe = false
			}
			return
		}
		for _, t := range s.b.Succs {
			walk(state{t, s.checked})
		}
	}
	walk(state{b: g.Blocks[0]})
	return safe
}
