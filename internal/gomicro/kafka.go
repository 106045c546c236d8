package gomicro

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
)

// kafkaTLS judges the kafka broker of the v4 plugins, which reads neither
// Secure nor TLSConfig. Its producer connects with the sarama config given
// by BrokerConfig, else the plugin's DefaultBrokerConfig (v1.2.0
// kafka.go:114-121 and :330-335), and its consumer groups with the one
// given by ClusterConfig, else DefaultClusterConfig (:242-244 and
// :351-362). sarama wraps a connection in TLS when the config's
// Net.TLS.Enable is true (v1.30.1 broker.go:183-184), verifying against
// the system roots when Net.TLS.Config is nil (:1585-1590). The broker
// uses TLS when both configs enable it (see saramaTLS); it is Plaintext,
// with the sides that do not, when one of them does not, unless an option
// the model cannot see may give a config. The kafka brokers of the other
// plugin trees are not looked at: they are Unknown.
func (m *Model) kafkaTLS(c *Component, s settings) TLSState {
	if c.Ctor.Ref.Module.Version != 4 || c.Call == nil {
		return TLSState{Verdict: Unknown}
	}
	pub := m.kafkaSideTLS(c, s.kafkaBroker, "DefaultBrokerConfig")
	sub := m.kafkaSideTLS(c, s.kafkaCluster, "DefaultClusterConfig")
	switch {
	case pub == TLSOn && sub == TLSOn:
		return TLSState{Verdict: TLSOn, Config: s.kafkaBroker}
	case s.opaque || pub != Plaintext && sub != Plaintext:
		return TLSState{Verdict: Unknown}
	}
	return TLSState{
		Verdict:        Plaintext,
		PlainPublish:   pub == Plaintext,
		PlainSubscribe: sub == Plaintext,
		IgnoredTLS:     s.secure != nil || s.config != nil,
	}
}

// kafkaSideTLS judges the sarama config one side of kafka broker c
// connects with (see saramaTLS): the argument of o, or without o the
// plugin's package variable named dflt.
func (m *Model) kafkaSideTLS(c *Component, o *Option, dflt string) Verdict {
	var values []ast.Expr
	add := func(value ast.Expr) { values = append(values, value) }
	switch {
	case o != nil && o.Arg != nil:
		m.saramaValues(o.Arg, 0, map[*types.Var]bool{}, nil, add)
	case o == nil:
		fn := Callee(m.info, c.Call)
		if fn == nil || fn.Pkg() == nil {
			return Plaintext
		}
		if v, ok := fn.Pkg().Scope().Lookup(dflt).(*types.Var); ok {
			m.saramaVar(v, c.Call.Pos(), 0, map[*types.Var]bool{}, nil, add)
		}
	}
	return m.saramaTLS(values)
}

// saramaTLSPath is the field path of a sarama Config's TLS switch.
var saramaTLSPath = []string{"Net", "TLS", "Enable"}

// saramaTLS judges a sarama config by the values given to its
// Net.TLS.Enable: TLSOn when each is the constant true, and there is at
// least one; Unknown when one is not a constant (a variable or flag, like
// Secure(b)); Plaintext otherwise. Values are read (saramaValues) as
// consulFields reads a consul config: in assignments to the variable's
// field (of one block, the last), following the package's helper
// functions and function literals called where they are written (var c =
// func() *sarama.Config {...}()). A config from a parameter or another
// package's function, or enabled through another variable or a function
// it is passed to, is Plaintext.
func (m *Model) saramaTLS(values []ast.Expr) Verdict {
	v := TLSOn
	for _, value := range values {
		if value == nil { // a helper's config that keeps sarama's default
			v = Plaintext
			continue
		}
		tv := m.info.Types[value]
		switch {
		case tv.Value == nil || tv.Value.Kind() != constant.Bool:
			return Unknown
		case !constant.BoolVal(tv.Value):
			v = Plaintext
		}
	}
	if len(values) == 0 {
		return Plaintext
	}
	return v
}

// saramaValues calls add with every value the model sees given to the
// Net.TLS.Enable field of the sarama config e, or nil for a config a helper
// returns with Enable untouched (see saramaReturns). A composite literal
// gives none: Net and its TLS are anonymous structs, which a literal would
// have to spell out in full. ret, when not nil, is the return statement e
// is the result of.
func (m *Model) saramaValues(e ast.Expr, depth int, seen map[*types.Var]bool, ret *returnAt, add func(ast.Expr)) {
	if depth > maxDepth {
		return
	}
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok {
		e = ast.Unparen(u.X)
	}
	switch e := e.(type) {
	case *ast.CallExpr:
		if body := m.calledBody(e); body != nil {
			m.saramaReturns(body, depth, seen, add)
		}
	case *ast.Ident, *ast.SelectorExpr:
		if v := m.varOf(e); v != nil {
			m.saramaVar(v, e.Pos(), depth, seen, ret, add)
		}
	}
}

// calledBody returns the body of the function call runs when the package
// declares it: a function of the package (see localFunc) or a function
// literal called where it is written (func() *sarama.Config {...}()).
func (m *Model) calledBody(call *ast.CallExpr) *ast.BlockStmt {
	if lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
		return lit.Body
	}
	if decl := m.localFunc(call); decl != nil {
		return decl.Body
	}
	return nil
}

// A returnAt is a return statement of a function body, at pos. Of the
// assignments to Net.TLS.Enable in body, only those that may run before
// it count for the config it returns.
type returnAt struct {
	body *ast.BlockStmt
	pos  token.Pos
}

// reaches reports whether an assignment at pos may have run when the
// return statement r runs: it lies outside r's function, or before r and
// not in another branch of an if, switch or select (see apart). A nil r
// is reached by every assignment.
func (r *returnAt) reaches(s *Syntax, pos token.Pos) bool {
	if r == nil || pos < r.body.Pos() || pos >= r.body.End() {
		return true
	}
	return pos < r.pos && !s.apart(r.body, pos, r.pos)
}

// saramaReturns calls add with the values of Net.TLS.Enable that the
// configs the return statements of body give, each judged by the
// assignments that may run before it. When some returns give values and
// another gives none (if t == nil { return c } before c.Net.TLS.Enable =
// true), it adds nil for that one: its config keeps sarama's default,
// false. When none does, it adds nothing, so that the caller's own
// assignments decide.
func (m *Model) saramaReturns(body *ast.BlockStmt, depth int, seen map[*types.Var]bool, add func(ast.Expr)) {
	var each [][]ast.Expr
	some := false
	for _, res := range m.ReturnedIn(body) {
		var values []ast.Expr
		m.saramaValues(res, depth+1, seen, &returnAt{body, res.Pos()}, func(value ast.Expr) {
			values = append(values, value)
		})
		each = append(each, values)
		some = some || len(values) > 0
	}
	if !some {
		return
	}
	for _, values := range each {
		if len(values) == 0 {
			add(nil)
		}
		for _, value := range values {
			add(value)
		}
	}
}

// saramaVar is saramaValues for the variable v, used at use: the values
// assigned to it that reach use, and the assignments to its field that
// still hold there. An assignment to the field does not hold when v is
// then given a new config before use (see replaced), nor, for the result
// of return statement ret, when it cannot run before ret. The value v
// is given is not followed when an assignment to the field comes after
// it in the same block: that one decides.
func (m *Model) saramaVar(v *types.Var, use token.Pos, depth int, seen map[*types.Var]bool, ret *returnAt, add func(ast.Expr)) {
	if seen[v] {
		return
	}
	seen[v] = true
	defer delete(seen, v)
	var stores []pathStore
	for _, st := range m.pathStores(v, saramaTLSPath) {
		if ret.reaches(m.Syntax, st.stmt.Pos()) && !m.replaced(v, st.stmt, use) {
			stores = append(stores, st)
		}
	}
	for _, a := range m.reaching(v, use) {
		if a.rhs != nil && !storedAfter(m.blockOf, a, stores) {
			m.saramaValues(a.rhs, depth+1, seen, ret, add)
		}
	}
	for _, value := range lastOfBlocks(m.blockOf, stores) {
		add(value)
	}
}

// A pathStore is an assignment stmt of value to a field path of a
// variable.
type pathStore struct {
	stmt  *ast.AssignStmt
	value ast.Expr
}

// pathStores returns every assignment v.P1.P2...Pn = value to the field
// path of variable v in the package, outside code that never runs, in
// source order.
func (m *Model) pathStores(v *types.Var, path []string) []pathStore {
	var stores []pathStore
	for _, as := range m.stmts {
		if len(as.Lhs) != len(as.Rhs) || m.Dead(as.Pos()) {
			continue
		}
		for i, lhs := range as.Lhs {
			if root := pathRoot(lhs, path); root != nil && m.varOf(root) == v {
				stores = append(stores, pathStore{as, as.Rhs[i]})
			}
		}
	}
	return stores
}

// lastOfBlocks returns the values of stores, of those that follow each
// other as statements of one block only the last one.
func lastOfBlocks(blockOf map[ast.Node]ast.Node, stores []pathStore) []ast.Expr {
	var values []ast.Expr
	var blocks []ast.Node
	for _, st := range stores {
		block := blockOf[st.stmt]
		if n := len(values); n > 0 && block != nil && blocks[n-1] == block {
			values[n-1] = st.value
			continue
		}
		values, blocks = append(values, st.value), append(blocks, block)
	}
	return values
}

// storedAfter reports whether one of stores is a statement of the block
// of assignment a that comes after it: c := helper(); c.Net.TLS.Enable =
// true.
func storedAfter(blockOf map[ast.Node]ast.Node, a assignment, stores []pathStore) bool {
	if a.at == nil || a.block == nil {
		return false
	}
	for _, st := range stores {
		if blockOf[st.stmt] == a.block && st.stmt.Pos() >= a.at.End() {
			return true
		}
	}
	return false
}

// replaced reports whether variable v is given a new value after the
// assignment store and before use on every way from one to the other: by
// a statement of a block that holds both, outside the function literals
// written there, whose value does not use v (c = sarama.NewConfig(), not
// c = wrap(c)). The config store changed is then no longer the one v
// holds at use.
func (m *Model) replaced(v *types.Var, store ast.Node, use token.Pos) bool {
	for _, a := range m.assigns[v] {
		b := a.block
		switch {
		case a.at == nil || b == nil || a.at.Pos() < store.End() || use < a.at.End():
		case store.Pos() < b.Pos() || use >= b.End():
		case m.inFuncLit(b, store.Pos()) || m.inFuncLit(b, use):
		case m.mentions(valuesOf(a.at), v):
		default:
			return true
		}
	}
	return false
}

// valuesOf returns the right-hand side of an assignment statement or the
// values of a value spec.
func valuesOf(at ast.Node) []ast.Expr {
	switch at := at.(type) {
	case *ast.AssignStmt:
		return at.Rhs
	case *ast.ValueSpec:
		return at.Values
	}
	return nil
}

// mentions reports whether one of exprs uses variable v.
func (m *Model) mentions(exprs []ast.Expr, v *types.Var) bool {
	found := false
	for _, e := range exprs {
		ast.Inspect(e, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && m.info.Uses[id] == v {
				found = true
			}
			return !found
		})
	}
	return found
}

// apart reports whether positions a and b of body lie in different
// branches of one if, switch or select statement, so that no run of body
// passes both (loops aside).
func (s *Syntax) apart(body ast.Node, a, b token.Pos) bool {
	holds := func(n ast.Node, pos token.Pos) bool { return n.Pos() <= pos && pos < n.End() }
	var list []ast.Stmt // the statements of the innermost block holding both
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil || !holds(n, a) || !holds(n, b) {
			return false
		}
		switch n := n.(type) {
		case *ast.BlockStmt:
			list = n.List
		case *ast.CaseClause:
			list = n.Body
		case *ast.CommClause:
			list = n.Body
		}
		return true
	})
	var sa, sb ast.Stmt
	for _, st := range list {
		if holds(st, a) {
			sa = st
		}
		if holds(st, b) {
			sb = st
		}
	}
	switch {
	case sa == nil || sb == nil:
		return false
	case sa != sb:
		return isClause(sa) && isClause(sb)
	}
	// One statement holds both, but no block in it does: they are apart
	// when each lies in a block of its own, such as an if's and its else's.
	return inBlock(sa, a) && inBlock(sa, b)
}

// isClause reports whether st is a case of a switch or select.
func isClause(st ast.Stmt) bool {
	switch st.(type) {
	case *ast.CaseClause, *ast.CommClause:
		return true
	}
	return false
}

// inBlock reports whether pos lies in a block nested in statement st.
func inBlock(st ast.Stmt, pos token.Pos) bool {
	found := false
	ast.Inspect(st, func(n ast.Node) bool {
		if found || n == nil || pos < n.Pos() || pos >= n.End() {
			return false
		}
		switch n.(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
			found = true
		}
		return !found
	})
	return found
}

// pathRoot returns x of the selector x.P1.P2...Pn that e is, or nil.
func pathRoot(e ast.Expr, path []string) ast.Expr {
	for i := len(path) - 1; i >= 0; i-- {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != path[i] {
			return nil
		}
		e = sel.X
	}
	return e
}
