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
		m.saramaValues(o.Arg, 0, map[*types.Var]bool{}, add)
	case o == nil:
		fn := Callee(m.info, c.Call)
		if fn == nil || fn.Pkg() == nil {
			return Plaintext
		}
		if v, ok := fn.Pkg().Scope().Lookup(dflt).(*types.Var); ok {
			m.saramaVar(v, c.Call.Pos(), 0, map[*types.Var]bool{}, add)
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
// Net.TLS.Enable field of the sarama config e. A composite literal gives
// none: Net and its TLS are anonymous structs, which a literal would have
// to spell out in full.
func (m *Model) saramaValues(e ast.Expr, depth int, seen map[*types.Var]bool, add func(ast.Expr)) {
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
			for _, res := range m.ReturnedIn(body) {
				m.saramaValues(res, depth+1, seen, add)
			}
		}
	case *ast.Ident, *ast.SelectorExpr:
		if v := m.varOf(e); v != nil {
			m.saramaVar(v, e.Pos(), depth, seen, add)
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

// saramaVar is saramaValues for the variable v, used at use: the values
// assigned to it that reach use, and the assignments to its field.
func (m *Model) saramaVar(v *types.Var, use token.Pos, depth int, seen map[*types.Var]bool, add func(ast.Expr)) {
	if seen[v] {
		return
	}
	seen[v] = true
	defer delete(seen, v)
	for _, a := range m.reaching(v, use) {
		if a.rhs != nil {
			m.saramaValues(a.rhs, depth+1, seen, add)
		}
	}
	m.pathAssigns(v, saramaTLSPath, add)
}

// pathAssigns calls add with the value of every assignment
// v.P1.P2...Pn = value to the field path of variable v in the package,
// outside code that never runs; of those that are statements of one
// block, only the last one.
func (m *Model) pathAssigns(v *types.Var, path []string, add func(ast.Expr)) {
	var values []ast.Expr
	var blocks []ast.Node
	for _, as := range m.stmts {
		if len(as.Lhs) != len(as.Rhs) || m.Dead(as.Pos()) {
			continue
		}
		for i, lhs := range as.Lhs {
			if root := pathRoot(lhs, path); root == nil || m.varOf(root) != v {
				continue
			}
			block := m.blockOf[as]
			if n := len(values); n > 0 && block != nil && blocks[n-1] == block {
				values[n-1] = as.Rhs[i] // m.stmts is in source order
				continue
			}
			values, blocks = append(values, as.Rhs[i]), append(blocks, block)
		}
	}
	for _, value := range values {
		add(value)
	}
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
