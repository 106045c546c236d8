package missingauthwrapper

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/cfg"

	"github.com/microsec-lint/microsec-lint/internal/gomicro"
)

// A wrapper fails open when the caller can choose a path to the next
// handler that passes no credential check: by sending no credential
// (if tok == "" { return next(...) }, or a check made only when
// metadata.Get found the header) or by setting a header
// (X-Internal: true). A path the server chooses by the endpoint, service
// or method called (a list of public endpoints) is not a bypass, nor is
// one chosen by something the caller does not send (a setting).

// bypass returns, when the handler literal lit calls the next handler on
// such a path avoiding every node of checks, when it does so (openMissing
// or openHeader, see weakness); otherwise "". A path that also needs a
// setting to hold (if devMode && tok == "") is the operator's choice, as
// if checksOff { return next(...) } is. A path is left to the operator
// only when it needs a setting's value that is not the production one:
// a setting the path takes with value v has its production value there
// when, with the setting the other way, a path reaches the next handler
// through it passing no check and no condition of the caller (if
// devMode { return next(...) } is a kill switch, and the path after it
// is the one production takes). bypass sets each setting taken with
// another value the other way and looks again, and reports a path all of
// whose settings have their production values.
func (c *checker) bypass(lit *ast.FuncLit, checks []ast.Node) string {
	g := cfg.New(lit.Body, func(call *ast.CallExpr) bool {
		id, ok := ast.Unparen(call.Fun).(*ast.Ident)
		return !ok || id.Name != "panic" || c.pass.TypesInfo.Uses[id] != types.Universe.Lookup("panic")
	})
	if len(g.Blocks) == 0 {
		return ""
	}
	f := &flow{c: c, lit: lit, chks: checks, caller: map[*types.Var]string{}, endpoint: map[*types.Var]bool{}, setting: map[*types.Var]bool{}, tags: map[ast.Expr]ast.Expr{}}
	f.learn(lit.Body)
	forced := map[string]bool{}
	open := func(s pathState) bool { return s.why != "" && !s.narrowed }
outer:
	for range 16 {
		s, found := f.search(g, forced, open)
		if !found {
			return ""
		}
		for _, st := range s.settings() {
			if _, isForced := forced[st.key]; isForced {
				continue
			}
			// Is st.val the production value? With the setting the
			// other way, a kill switch opens the handler to everyone.
			probe := map[string]bool{st.key: !st.val}
			for k, v := range forced {
				probe[k] = v
			}
			_, killSwitch := f.search(g, probe, func(t pathState) bool {
				return t.why == "" && !t.narrowed && t.took(st.key)
			})
			if !killSwitch {
				forced[st.key] = !st.val
				continue outer
			}
		}
		return s.why
	}
	return ""
}

// pathState is where a path of search is and what it took on its way.
type pathState struct {
	b        *cfg.Block
	narrowed bool   // an edge taken so far limits the endpoints
	why      string // a condition the caller controls was taken
	deferred bool   // a deferred call of the next handler was set up
	sets     string // the settings taken, in order, with their values (see settings)
}

type settingValue struct {
	key string
	val bool
}

// settings returns the settings s took, in order.
func (s pathState) settings() []settingValue {
	var out []settingValue
	for _, e := range strings.Split(s.sets, "\x01") {
		if k, v, ok := strings.Cut(e, "\x00"); ok {
			out = append(out, settingValue{k, v == "1"})
		}
	}
	return out
}

// took reports whether s took the setting key.
func (s pathState) took(key string) bool {
	for _, st := range s.settings() {
		if st.key == key {
			return true
		}
	}
	return false
}

// search looks for a path of g to the next handler that passes no check
// and whose state there accept takes, and returns that state. forced
// gives the settings' values, by text: a path takes a forced setting only
// with its value.
func (f *flow) search(g *cfg.CFG, forced map[string]bool, accept func(pathState) bool) (res pathState, found bool) {
	type state = pathState
	seen := map[state]bool{}
	var walk func(s state)
	// branch follows the condition cond of a block from state s to the
	// block run when it holds (onTrue) or not (onFalse). The cfg keeps
	// a && b, a || b and !a in one node; branch splits them, so that a
	// check in b is seen to run only when a holds.
	// A part of a condition is reached again with the same state along
	// other ways through the parts before it ((a || b) && (c || d) &&
	// ...): its continuations are the same, as they depend on its place
	// in its block's condition only, so it is followed once.
	type part struct {
		cond ast.Expr
		s    state
	}
	followed := map[part]bool{}
	var branch func(cond ast.Expr, s state, onTrue, onFalse func(state))
	branch = func(cond ast.Expr, s state, onTrue, onFalse func(state)) {
		if followed[part{cond, s}] {
			return
		}
		followed[part{cond, s}] = true
		if _, isCase := f.tags[cond]; !isCase {
			switch x := ast.Unparen(cond).(type) {
			case *ast.UnaryExpr:
				if x.Op == token.NOT {
					branch(x.X, s, onFalse, onTrue)
					return
				}
			case *ast.BinaryExpr:
				switch x.Op {
				case token.LAND:
					branch(x.X, s, func(t state) { branch(x.Y, t, onTrue, onFalse) }, onFalse)
					return
				case token.LOR:
					branch(x.X, s, onTrue, func(t state) { branch(x.Y, t, onTrue, onFalse) })
					return
				}
			}
		}
		if holds, isHit := f.c.cacheHits[ast.Unparen(cond)]; isHit {
			// A token found in a cache of verified ones was checked
			// before: only the branch taken when it is not there goes on.
			if holds {
				onFalse(s)
			} else {
				onTrue(s)
			}
			return
		}
		if f.checks(cond) {
			return
		}
		why := f.callerSays(cond)
		key := ""
		switch tag, isCase := f.tags[cond]; {
		case why != "":
		case isCase:
			// switch cfg.AuthMode { case "off": ... }: the case holds
			// when the setting has that value.
			if f.isSetting(tag) {
				key = types.ExprString(tag) + " == " + types.ExprString(cond)
			}
		case f.isSetting(cond):
			key = types.ExprString(cond)
		}
		for _, edge := range []bool{true, false} {
			v, isForced := forced[key]
			if key != "" && isForced && v != edge {
				continue
			}
			t := s
			t.narrowed = s.narrowed || f.narrows(cond, edge)
			if t.why == "" || t.why == openForm && why != "" {
				// A test of the credential's form (len(tok) < 16) is
				// less telling than a later one on the path.
				t.why = why
			}
			if key != "" {
				val := "0"
				if edge {
					val = "1"
				}
				t.sets += key + "\x00" + val + "\x01"
			}
			if edge {
				onTrue(t)
			} else {
				onFalse(t)
			}
		}
	}
	walk = func(s state) {
		if found || seen[s] {
			return
		}
		seen[s] = true
		nodes := s.b.Nodes
		cond := branchCond(s.b)
		if cond != nil {
			nodes = nodes[:len(nodes)-1]
		}
		for _, n := range nodes {
			if f.checks(n) {
				return
			}
		}
		calls, deferred := f.callsNext(s.b, s.deferred)
		if calls {
			if accept(s) {
				res, found = s, true
			}
			return
		}
		s.deferred = deferred
		if cond != nil {
			to := func(i int) func(state) {
				return func(t state) {
					t.b = s.b.Succs[i]
					walk(t)
				}
			}
			branch(cond, s, to(0), to(1))
			return
		}
		for _, next := range s.b.Succs {
			t := s
			t.b = next
			walk(t)
		}
	}
	walk(state{b: g.Blocks[0]})
	return res, found
}

// flow holds what bypass knows of one handler literal.
type flow struct {
	c    *checker
	lit  *ast.FuncLit // the handler literal
	chks []ast.Node
	// caller maps the variables holding what the caller sends (the
	// credential, metadata, a header, the ok of their lookup) to the
	// header they come from, "" for the credential or all of them.
	caller map[*types.Var]string
	// endpoint holds the variables holding the endpoint, service or
	// method called.
	endpoint map[*types.Var]bool
	// tags maps the expressions of switch cases to the switch's tag.
	tags map[ast.Expr]ast.Expr
	// setting holds the variables of the literal given only a setting.
	setting map[*types.Var]bool
	// kinds holds, for the found variables of lookups, what finding says:
	// kindPresent for the ok of metadata.Get (or of a metadata map's
	// comma-ok index), kindCached for the ok of a lookup in a cache or
	// another map keyed by what the caller sends.
	kinds map[*types.Var]int
	// inHelper: the flow reads the body of a helper (see helperReads),
	// whose own calls are not followed.
	inHelper bool
}

// learn records the variables assigned from what the caller sends or
// from the endpoint called, and the tags of switches, in source order.
func (f *flow) learn(body *ast.BlockStmt) {
	info := f.c.pass.TypesInfo
	note := func(lhs []ast.Expr, rhs []ast.Expr) {
		for i, l := range lhs {
			r := rhs[0]
			if len(rhs) == len(lhs) {
				r = rhs[i]
			}
			// A struct field (c.tok, _ = metadata.Get(...)) is followed
			// as a variable, whatever struct value holds it.
			id := identOf(l)
			if sel, isSel := ast.Unparen(l).(*ast.SelectorExpr); isSel {
				id = sel.Sel
			}
			v, ok := info.ObjectOf(id).(*types.Var)
			if !ok {
				continue
			}
			if from, ok := f.fromCaller(r); ok {
				f.caller[v] = from
				if k := f.lookupKind(r, len(rhs) == 1 && len(lhs) == 2 && i == 1); k != 0 {
					if f.kinds == nil {
						f.kinds = map[*types.Var]int{}
					}
					f.kinds[v] = k
				}
			}
			if f.isEndpoint(r) {
				f.endpoint[v] = true
			}
			if f.isSetting(r) {
				f.setting[v] = true
			}
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt, *ast.ValueSpec:
			if lhs, rhs := sides(n); len(rhs) > 0 {
				note(lhs, rhs)
			}
		case *ast.RangeStmt:
			// for k, v := range md: the caller chooses both.
			if _, ok := f.fromCaller(n.X); ok {
				for _, e := range []ast.Expr{n.Key, n.Value} {
					if e == nil {
						continue
					}
					if v, ok := info.ObjectOf(identOf(e)).(*types.Var); ok {
						f.caller[v] = "?"
					}
				}
			}
		case *ast.SwitchStmt:
			if n.Tag != nil {
				for _, s := range n.Body.List {
					for _, e := range s.(*ast.CaseClause).List {
						f.tags[e] = n.Tag
					}
				}
			}
		}
		return true
	})
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

// branchCond returns the condition block b branches on, nil when b has
// no two successors.
func branchCond(b *cfg.Block) ast.Expr {
	if len(b.Succs) != 2 || len(b.Nodes) == 0 {
		return nil
	}
	cond, _ := b.Nodes[len(b.Nodes)-1].(ast.Expr)
	return cond
}

// sides returns the left and right sides of an assignment, or of a
// declaration's names and values; nil for other nodes.
func sides(n ast.Node) (lhs, rhs []ast.Expr) {
	switch n := n.(type) {
	case *ast.AssignStmt:
		return n.Lhs, n.Rhs
	case *ast.ValueSpec:
		lhs = make([]ast.Expr, len(n.Names))
		for i, id := range n.Names {
			lhs[i] = id
		}
		return lhs, n.Values
	}
	return nil, nil
}

// rhsOf returns what gives lhs[i] its value: rhs[i], or the one call or
// comma-ok expression of a tuple assignment.
func rhsOf(lhs, rhs []ast.Expr, i int) ast.Expr {
	if len(rhs) == len(lhs) {
		return rhs[i]
	}
	return rhs[0]
}

// fromCaller reports whether e reads what the caller sends, and from
// which header ("" for the credential, or for the metadata as a whole).
func (f *flow) fromCaller(e ast.Expr) (header string, ok bool) {
	c := f.c
	found := false
	header = ""
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.Ident:
			if v, isVar := c.pass.TypesInfo.Uses[n].(*types.Var); isVar {
				if h, isCaller := f.caller[v]; isCaller {
					found = true
					if header == "" {
						header = h
					}
				}
			}
		case ast.Expr:
			if k, isKey := c.metadataKey(n); isKey {
				s, isConst := c.model.StringArg(k)
				if isConst && (strings.EqualFold(s, "Remote") || strings.EqualFold(s, "Local")) {
					// The rpc server sets these from the connection,
					// over what the caller sent (v4 rpc_server.go:252-253).
					return false
				}
				found = true
				switch {
				case !isConst:
					if header == "" {
						header = "?"
					}
				case !isCredentialKey(s) && header == "":
					header = s
				}
				return false
			}
			if call, isCall := n.(*ast.CallExpr); isCall {
				ref, isRef := gomicro.CalleeRef(c.pass.TypesInfo, call)
				if isRef && ref.Path == "metadata" && ref.Name == "FromContext" || c.isHeaderMap(call) {
					found = true
				}
				// req.Method() and req.Service() hold the Micro-Method
				// and Micro-Service headers as the caller sent them: the
				// router dispatches on req.Endpoint() alone (v4.10.2
				// server/rpc_router.go:414, rpc_codec.go:106-111).
				if isRef && ref.Path == "server" && (ref.Name == "Request.Method" || ref.Name == "Request.Service") {
					found = true
					if header == "" {
						header = "Micro-Method"
						if ref.Name == "Request.Service" {
							header = "Micro-Service"
						}
					}
				}
				if h, reads := f.helperReads(call); !isRef && reads {
					found = true
					if header == "" {
						header = h
					}
				}
			}
		}
		return true
	})
	return header, found
}

// helperReads reports whether call calls a function of this package,
// given the context or the request, that reads the metadata or the
// request's headers: if internal(ctx) { ... } chooses on what the caller
// sends as much as the metadata.Get inside internal does. header names
// the first header other than the credential it reads, as fromCaller.
// Only the function's own body is read, not the functions it calls.
func (f *flow) helperReads(call *ast.CallExpr) (header string, ok bool) {
	c := f.c
	decl := c.model.LocalFunc(call)
	if f.inHelper || decl == nil || decl.Body == nil {
		return "", false
	}
	given := false
	for _, a := range call.Args {
		t := c.pass.TypesInfo.TypeOf(a)
		if isRequest(t) || isContext(t) {
			given = true
		}
	}
	if !given {
		return "", false
	}
	inner := &flow{c: c, inHelper: true, caller: map[*types.Var]string{}, endpoint: map[*types.Var]bool{}, tags: map[ast.Expr]ast.Expr{}}
	found := false
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		e, isExpr := n.(ast.Expr)
		if !isExpr || found {
			return !found
		}
		if h, reads := inner.fromCaller(e); reads {
			header, found = h, true
		}
		return !found
	})
	return header, found
}

// isContext reports whether t is context.Context.
func isContext(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context"
}

// isSetting reports whether e is a setting of the program, which the
// caller does not send: it reads package variables or constants, the
// environment (os.Getenv) or variables captured from outside the
// handler (a factory's configuration), and no other variable of the
// handler than ones given only settings. The clock (time.Now()) is no
// setting.
func (f *flow) isSetting(e ast.Expr) bool {
	if f.lit == nil {
		return false
	}
	if _, ok := f.fromCaller(e); ok || f.isEndpoint(e) {
		return false
	}
	info := f.c.pass.TypesInfo
	some, ok := false, true
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			ok = false
		case *ast.Ident:
			switch o := info.Uses[n].(type) {
			case *types.Var:
				switch {
				case o.IsField():
				case isHandlerFunc(o.Type()):
					ok = false // next != nil says nothing of the program's settings
				case f.lit.Pos() <= o.Pos() && o.Pos() < f.lit.End():
					if f.setting[o] {
						some = true
					} else {
						ok = false
					}
				default:
					some = true
				}
			case *types.Const:
				if o.Pkg() != nil {
					some = true
				}
			}
		case *ast.CallExpr:
			if fn, isFn := gomicro.Callee(info, n).(*types.Func); isFn && fn.Pkg() != nil && fn.Pkg().Path() == "os" {
				switch fn.Name() {
				case "Getenv", "LookupEnv":
					some = true
				}
			}
		}
		return ok
	})
	return ok && some
}

// isCredentialKey reports whether s names a header carrying the
// credential.
func isCredentialKey(s string) bool {
	return strings.EqualFold(s, "Authorization") || strings.EqualFold(s, "X-Api-Key") || strings.EqualFold(s, "Micro-Token")
}

// callerSays returns, when cond depends on what the caller sends, whether
// it is the credential (openMissing) or another header (openHeader, with
// its name when known).
func (f *flow) callerSays(cond ast.Expr) string {
	if cond == nil {
		return ""
	}
	h, ok := f.fromCaller(cond)
	if tag, isCase := f.tags[cond]; isCase && !ok {
		h, ok = f.fromCaller(tag)
	}
	switch {
	case !ok:
		return ""
	case h == "" && f.absence(cond):
		return openMissing
	case h == "" && f.cached(cond):
		return openCached
	case h == "":
		return openForm
	case h == "?":
		return openHeader
	}
	return openHeader + h
}

// Why a wrapper that checks a credential still does not authenticate, as
// kept in authFact.Open.
const (
	openMissing = "missing"  // calls the next handler when no credential is sent
	openHeader  = "header:"  // ... when the caller sets the header named after it
	openNoop    = "noopauth" // checks the token with the no-op auth
	openCached  = "cached"   // ... when the credential is found in a cache of unverified ones
	openForm    = "form"     // ... when the credential has a form let through (a prefix)
)

const (
	kindPresent = 1 + iota
	kindCached
)

// lookupKind says what the found variable of a lookup of r tells
// (comma: r is the right side of a two-value assignment): kindPresent,
// kindCached or nothing.
func (f *flow) lookupKind(r ast.Expr, comma bool) int {
	c := f.c
	r = ast.Unparen(r)
	if _, isKey := c.metadataKey(r); isKey {
		if comma {
			return kindPresent
		}
		return 0
	}
	switch x := r.(type) {
	case *ast.CallExpr:
		if ref, ok := gomicro.CalleeRef(c.pass.TypesInfo, x); ok && comma && ref.Path == "metadata" && ref.Name == "FromContext" {
			return kindPresent
		}
		if _, m := c.syncMapCall(x); comma && (m == "Load" || m == "LoadOrStore") {
			return kindCached
		}
	case *ast.IndexExpr:
		if t, isMap := c.pass.TypesInfo.TypeOf(x.X).Underlying().(*types.Map); isMap && !c.isHeaderMap(x.X) {
			if b, isBool := t.Elem().Underlying().(*types.Basic); comma || isBool && b.Kind() == types.Bool {
				return kindCached
			}
		}
	}
	return 0
}

// absence reports whether cond tests only whether the credential was
// sent: tok == "", len(tok) == 0, the ok of metadata.Get, a switch case
// "" on it.
func (f *flow) absence(cond ast.Expr) bool {
	info := f.c.pass.TypesInfo
	if _, isCase := f.tags[cond]; isCase {
		return f.c.isEmpty(cond)
	}
	switch x := ast.Unparen(cond).(type) {
	case *ast.Ident:
		v, _ := info.Uses[x].(*types.Var)
		return v != nil && f.kinds[v] == kindPresent
	case *ast.UnaryExpr:
		return x.Op == token.NOT && f.absence(x.X)
	case *ast.CallExpr:
		// A helper of the package reading the metadata (hasToken(ctx))
		// is not read further: taken to test presence.
		_, reads := f.helperReads(x)
		return reads
	case *ast.BinaryExpr:
		if x.Op != token.EQL && x.Op != token.NEQ {
			return false
		}
		for _, pair := range [][2]ast.Expr{{x.X, x.Y}, {x.Y, x.X}} {
			if f.c.isEmpty(pair[1]) {
				return true
			}
			if call, isCall := ast.Unparen(pair[0]).(*ast.CallExpr); isCall && isZero(info, pair[1]) {
				if id := identOf(call.Fun); id != nil {
					if b, isBuiltin := info.Uses[id].(*types.Builtin); isBuiltin && b.Name() == "len" {
						return true
					}
				}
			}
		}
	}
	return false
}

// cached reports whether cond reads a lookup of what the caller sends in
// a cache or another map: verified.Load(tok), seen[tok], or the found
// variable of one.
func (f *flow) cached(cond ast.Expr) bool {
	found := false
	ast.Inspect(cond, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.Ident:
			if v, ok := f.c.pass.TypesInfo.Uses[n].(*types.Var); ok && f.kinds[v] == kindCached {
				found = true
			}
		case ast.Expr:
			if f.lookupKind(n, true) == kindCached {
				found = true
			}
		}
		return !found
	})
	return found
}

// weakness says, for messages, why a wrapper does not authenticate.
func weakness(open string) string {
	switch {
	case open == openNoop:
		return "inspects the token with go-micro's no-op auth, which accepts any token; give it a provider that verifies tokens"
	case open == openMissing:
		return "calls the handler without checking a credential when the credential is missing; make that path fail the request"
	case open == openCached:
		return "calls the handler without checking a credential when the caller's credential is found in a cache that may hold credentials nobody verified; make that path fail the request"
	case open == openForm:
		return "calls the handler without checking a credential when the caller's credential has a form the wrapper lets through unchecked; make that path fail the request"
	case open == openHeader:
		return "calls the handler without checking a credential when the caller sets a header; make that path fail the request"
	}
	return "calls the handler without checking a credential when the caller sets " + strings.TrimPrefix(open, openHeader) + "; make that path fail the request"
}

// isEndpoint reports whether e reads the endpoint the request calls:
// req.Endpoint(), or a variable holding it. req.Method() and
// req.Service() are what the caller says (see fromCaller).
func (f *flow) isEndpoint(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.Ident:
			if v, ok := f.c.pass.TypesInfo.Uses[n].(*types.Var); ok && f.endpoint[v] {
				found = true
			}
		case *ast.CallExpr:
			ref, ok := gomicro.CalleeRef(f.c.pass.TypesInfo, n)
			if ok && ref.Path == "server" {
				switch ref.Name {
				case "Request.Endpoint":
					found = true
				}
			}
			if !ok && f.endpointHelper(n) {
				found = true
			}
		}
		return !found
	})
	return found
}

// endpointHelper reports whether call calls a function of this package
// given only the request (or its endpoint) whose body reads of the
// request only its endpoint:
// isPublic(req). What it returns then depends on the endpoint called, not
// on what the caller sends. A function of another package given the
// request is not seen into, and may read its headers: it is not taken to
// pick endpoints.
func (f *flow) endpointHelper(call *ast.CallExpr) bool {
	info := f.c.pass.TypesInfo
	decl := f.c.model.LocalFunc(call)
	if decl == nil || decl.Body == nil || len(call.Args) == 0 {
		return false
	}
	fn, _ := info.Defs[decl.Name].(*types.Func)
	if fn == nil || fn.Signature().Recv() != nil {
		return false
	}
	sawReq := false
	for _, a := range call.Args {
		switch {
		case isRequest(info.TypeOf(a)):
			sawReq = true
		case !f.isEndpoint(a):
			return false
		}
	}
	if !sawReq {
		return false // isEndpoint already looks into the arguments
	}
	reqs := map[*types.Var]bool{}
	params := fn.Signature().Params()
	for i := 0; i < params.Len(); i++ {
		if isRequest(params.At(i).Type()) {
			reqs[params.At(i)] = true
		}
	}
	// Every use of a request parameter must be p.Endpoint().
	allowed := map[*ast.Ident]bool{}
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		c, ok := n.(*ast.CallExpr)
		if !ok || len(c.Args) != 0 {
			return true
		}
		sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
		if !ok {
			return true
		}
		if sel.Sel.Name == "Endpoint" {
			if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok {
				allowed[id] = true
			}
		}
		return true
	})
	clean := true
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && !allowed[id] {
			if v, ok := info.Uses[id].(*types.Var); ok && reqs[v] {
				clean = false
			}
		}
		return clean
	})
	return clean
}

// isRequest reports whether t is go-micro's server.Request.
func isRequest(t types.Type) bool {
	return t != nil && gomicro.IsNamedType(t, "server", "Request")
}

// narrows reports whether taking the true (edge) or false branch of cond
// limits the request to some endpoints, services or methods: the true
// branch of req.Endpoint() == "Health.Check", of public[req.Endpoint()]
// or of a switch case on the endpoint, the false one of !=, unless the
// endpoint is compared with what the caller sends.
func (f *flow) narrows(cond ast.Expr, edge bool) bool {
	if cond == nil {
		return false
	}
	if tag, ok := f.tags[cond]; ok {
		return edge && f.isEndpoint(tag) && !f.readsCaller(cond)
	}
	switch x := ast.Unparen(cond).(type) {
	case *ast.UnaryExpr:
		if x.Op == token.NOT {
			return f.narrows(x.X, !edge)
		}
	case *ast.BinaryExpr:
		switch x.Op {
		case token.LAND:
			if edge {
				return f.narrows(x.X, true) || f.narrows(x.Y, true)
			}
			return f.narrows(x.X, false) && f.narrows(x.Y, false)
		case token.LOR:
			if edge {
				return f.narrows(x.X, true) && f.narrows(x.Y, true)
			}
			return f.narrows(x.X, false) || f.narrows(x.Y, false)
		case token.NEQ:
			return !edge && f.isEndpoint(x) && !f.readsCaller(x)
		}
	}
	return edge && f.isEndpoint(cond) && !f.readsCaller(cond)
}

// readsCaller reports whether e reads what the caller sends: an endpoint
// compared with it (req.Endpoint() == skip, skip from a header) is one
// the caller names, not a list of public endpoints.
func (f *flow) readsCaller(e ast.Expr) bool {
	_, ok := f.fromCaller(e)
	return ok
}

// checks reports whether n holds a credential check, or is part of one
// (the operand of !validKeys[tok]).
func (f *flow) checks(n ast.Node) bool {
	for _, chk := range f.chks {
		if n.Pos() <= chk.Pos() && chk.End() <= n.End() || chk.Pos() <= n.Pos() && n.End() <= chk.End() {
			return true
		}
	}
	return false
}

// callsNext reports whether block b calls the next handler, or returns
// without an error (nil, or a bare return) once a deferred call of it is
// set up (deferred, on entry; after, on exit).
func (f *flow) callsNext(b *cfg.Block, deferred bool) (calls, after bool) {
	after = deferred
	for _, n := range b.Nodes {
		found := false
		ast.Inspect(n, func(n ast.Node) bool {
			if e, ok := n.(ast.Expr); ok && f.c.isNextCall(e) {
				found = true
			}
			return !found
		})
		switch n := n.(type) {
		case *ast.DeferStmt:
			if found {
				after = true
				continue
			}
		case *ast.ReturnStmt:
			if after && !found && (len(n.Results) == 0 || len(n.Results) == 1 && f.c.model.IsNil(n.Results[0])) {
				return true, after
			}
		}
		if found {
			return true, after
		}
	}
	return false, after
}
