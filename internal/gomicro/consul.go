package gomicro

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"
)

// consulHTTPS says whether the *api.Config e given to the consul
// registry's Config option is proven to make it speak HTTPS. The registry
// uses that config as given and only sets its Scheme for Secure or
// TLSConfig (v4 plugin registry/consul v1.2.0 consul.go:89-91 and
// :132-136; v5 registry/consul/consul.go:85 and :127-131); the consul
// client also takes the scheme from an https:// Address (consul api
// v1.9.0 api.go:643-649), which go-micro replaces when Addrs are given
// (addrs). The client then verifies against the system roots: go-micro
// gives it an http.Client of its own, so the config's TLSConfig field is
// not used.
//
// It is proven when every value the model sees given to the config's
// Scheme is the constant "https", or, without Addrs, every value given to
// its Address is a constant https:// URL (and there is at least one).
// Anything else is not proven: a missing Scheme (consul's default, plain
// HTTP unless CONSUL_HTTP_SSL is set), a value read at run time, a config
// from a parameter or another package, a later "http".
func (m *Model) consulHTTPS(e ast.Expr, addrs bool) bool {
	values := map[string][]ast.Expr{} // the values given to Scheme and Address
	m.consulFields(e, 0, map[*types.Var]bool{}, func(name string, value ast.Expr) {
		values[name] = append(values[name], value)
	})
	every := func(name string, ok func(string) bool) bool {
		for _, value := range values[name] {
			tv := m.info.Types[value]
			if tv.Value == nil || tv.Value.Kind() != constant.String || !ok(constant.StringVal(tv.Value)) {
				return false
			}
		}
		return len(values[name]) > 0
	}
	if every("Scheme", func(s string) bool { return s == "https" }) {
		return true
	}
	return !addrs && every("Address", func(s string) bool { return strings.HasPrefix(s, "https://") })
}

// consulFields calls field with every value the model sees given to the
// Scheme or Address field of the consul config e: in composite literals
// and, for a variable, in assignments to its fields (of the assignments to
// one field in one block, the last one), following the package's helper
// functions.
func (m *Model) consulFields(e ast.Expr, depth int, seen map[*types.Var]bool, field func(name string, value ast.Expr)) {
	if depth > maxDepth {
		return
	}
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok {
		e = ast.Unparen(u.X)
	}
	switch e := e.(type) {
	case *ast.CompositeLit:
		for _, elt := range e.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if key, ok := kv.Key.(*ast.Ident); ok && (key.Name == "Scheme" || key.Name == "Address") {
					field(key.Name, kv.Value)
				}
			}
		}
	case *ast.CallExpr:
		if decl := m.localFunc(e); decl != nil {
			for _, res := range m.returnedValues(decl) {
				m.consulFields(res, depth+1, seen, field)
			}
		}
	case *ast.Ident, *ast.SelectorExpr:
		v := m.varOf(e)
		if v == nil || seen[v] {
			return
		}
		seen[v] = true
		defer delete(seen, v)
		for _, a := range m.reaching(v, e.Pos()) {
			if a.rhs != nil {
				m.consulFields(a.rhs, depth+1, seen, field)
			}
		}
		m.fieldAssigns(v, func(name string, value ast.Expr) {
			if name == "Scheme" || name == "Address" {
				field(name, value)
			}
		})
	}
}

// fieldAssigns calls f with the field name and value of every assignment
// v.Field = value in the package, outside code that never runs; of the
// assignments to one field that are statements of one block, only the
// last one.
func (m *Model) fieldAssigns(v *types.Var, f func(name string, value ast.Expr)) {
	type last struct {
		block ast.Node
		value ast.Expr
	}
	var order []string
	fields := map[string][]last{}
	for _, as := range m.stmts {
		if len(as.Lhs) != len(as.Rhs) || m.Dead(as.Pos()) {
			continue
		}
		for i, lhs := range as.Lhs {
			sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
			if !ok || m.varOf(sel.X) != v {
				continue
			}
			name, block := sel.Sel.Name, m.blockOf[as]
			if _, ok := fields[name]; !ok {
				order = append(order, name)
			}
			vs := fields[name]
			if n := len(vs); n > 0 && block != nil && vs[n-1].block == block {
				vs[n-1].value = as.Rhs[i] // m.stmts is in source order
			} else {
				vs = append(vs, last{block, as.Rhs[i]})
			}
			fields[name] = vs
		}
	}
	for _, name := range order {
		for _, l := range fields[name] {
			f(name, l.value)
		}
	}
}
