package gomicro

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"
)

// consulAPIPath is the import path of the consul API client.
const consulAPIPath = "github.com/hashicorp/consul/api"

// consulScheme says whether the *api.Config e given to the consul
// registry's Config option makes it speak HTTPS. The registry uses that
// config as given and only sets its Scheme for Secure or TLSConfig (v4
// plugin registry/consul v1.2.0 consul.go:89-91 and :132-136; v5
// registry/consul/consul.go:85 and :127-131); the consul client also takes
// the scheme from an https:// Address (consul api v1.9.0 api.go:643-649),
// which go-micro replaces when Addrs are given (addrs). The client then
// verifies against the system roots: go-micro gives it an http.Client of
// its own, so the config's TLSConfig field is not used.
//
// It is TLSOn when a Scheme of "https" (or such an Address) is seen in a
// literal of the config or an assignment to its field, Unknown when the
// config or one of those values cannot be seen, and Plaintext otherwise
// (a missing Scheme is consul's default, plain HTTP unless CONSUL_HTTP_SSL
// is set).
func (m *Model) consulScheme(e ast.Expr, addrs bool) Verdict {
	var fields []ast.Expr // the values given to Scheme and Address
	var names []string
	known := m.consulFields(e, 0, map[*types.Var]bool{}, func(name string, value ast.Expr) {
		names, fields = append(names, name), append(fields, value)
	})
	best := Plaintext
	if !known {
		best = Unknown
	}
	for i, value := range fields {
		tv := m.info.Types[value]
		if tv.Value == nil || tv.Value.Kind() != constant.String {
			best = max(best, Unknown)
			continue
		}
		s := constant.StringVal(tv.Value)
		if names[i] == "Scheme" && s == "https" || names[i] == "Address" && !addrs && strings.HasPrefix(s, "https://") {
			best = max(best, TLSOn)
		}
	}
	return best
}

// consulFields calls field with every value the model sees given to the
// Scheme or Address field of the consul config e: in composite literals
// and, for a variable, in assignments to its fields. It reports false when
// e may come from somewhere it cannot see (a parameter, a function other
// than the consul API's own).
func (m *Model) consulFields(e ast.Expr, depth int, seen map[*types.Var]bool, field func(name string, value ast.Expr)) bool {
	if depth > maxDepth {
		return false
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
		return true
	case *ast.CallExpr:
		fn := funcOf(m.info, e)
		return fn != nil && fn.Pkg().Path() == consulAPIPath // DefaultConfig and the like
	case *ast.Ident, *ast.SelectorExpr:
		v := m.varOf(e)
		if v == nil || len(m.assigns[v]) == 0 {
			return false
		}
		if seen[v] {
			return true
		}
		seen[v] = true
		defer delete(seen, v)
		known := true
		for _, a := range m.assigns[v] {
			switch {
			case a.rhs != nil:
				known = m.consulFields(a.rhs, depth+1, seen, field) && known
			case a.unknown:
				known = false
			}
		}
		m.fieldAssigns(v, func(name string, value ast.Expr) {
			if name == "Scheme" || name == "Address" {
				field(name, value)
			}
		})
		return known
	}
	return false
}

// fieldAssigns calls f with the field name and value of every assignment
// v.Field = value in the package.
func (m *Model) fieldAssigns(v *types.Var, f func(name string, value ast.Expr)) {
	for _, as := range m.stmts {
		if len(as.Lhs) != len(as.Rhs) {
			continue
		}
		for i, lhs := range as.Lhs {
			if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && m.varOf(sel.X) == v {
				f(sel.Sel.Name, as.Rhs[i])
			}
		}
	}
}
