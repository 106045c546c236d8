package hardcodedsecret

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
)

// valueIndex knows, for the package being analysed, the declared value of
// each constant and of each variable that is assigned exactly once, so that
// a secret is traced from the literal to where it is used:
//
//	const dsn = "postgres://app:…@db/app" // reported here…
//	db, _ := sql.Open("postgres", dsn)    // …as the sql.Open data source name
type valueIndex struct {
	info   *types.Info
	consts map[*types.Const]ast.Expr // package constants and their values
	vars   map[*types.Var]ast.Expr   // single-assignment variables and their values
	writes map[*types.Var]int        // assignments and address-takings per variable
	declOf map[ast.Expr]*types.Const // the constant a value expression declares
}

// newValueIndex returns an empty index; visit fills it in, node by node,
// and it is complete once every node of the package has been visited.
func newValueIndex(info *types.Info) *valueIndex {
	return &valueIndex{
		info:   info,
		consts: map[*types.Const]ast.Expr{},
		vars:   map[*types.Var]ast.Expr{},
		writes: map[*types.Var]int{},
		declOf: map[ast.Expr]*types.Const{},
	}
}

// visit records what node n declares or writes.
func (x *valueIndex) visit(n ast.Node) {
	switch n := n.(type) {
	case *ast.ValueSpec:
		for i, id := range n.Names {
			var value ast.Expr
			if len(n.Values) == len(n.Names) {
				value = n.Values[i]
			}
			switch obj := x.info.Defs[id].(type) {
			case *types.Const:
				if value != nil {
					x.consts[obj] = value
					x.declOf[value] = obj
				}
			case *types.Var:
				x.assign(obj, value)
			}
		}
	case *ast.AssignStmt:
		for i, lhs := range n.Lhs {
			var value ast.Expr
			if len(n.Lhs) == len(n.Rhs) && (n.Tok == token.ASSIGN || n.Tok == token.DEFINE) {
				value = n.Rhs[i] // not x += "…", nor a, b := f()
			}
			if v := x.varOf(lhs); v != nil {
				x.assign(v, value)
			}
		}
	case *ast.IncDecStmt:
		if v := x.varOf(n.X); v != nil {
			x.assign(v, nil)
		}
	case *ast.RangeStmt:
		for _, e := range []ast.Expr{n.Key, n.Value} {
			if v := x.varOf(e); v != nil {
				x.assign(v, nil)
			}
		}
	case *ast.UnaryExpr:
		if n.Op == token.AND {
			if v := x.varOf(n.X); v != nil {
				x.assign(v, nil) // may be written through the pointer
			}
		}
	}
}

// varOf returns the variable that an identifier on the left of an
// assignment defines or uses.
func (x *valueIndex) varOf(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id == nil {
		return nil
	}
	obj := x.info.Defs[id]
	if obj == nil {
		obj = x.info.Uses[id]
	}
	v, _ := obj.(*types.Var)
	if v == nil || v.IsField() {
		return nil
	}
	return v
}

// assign records one write of v; value is nil when it is not known.
func (x *valueIndex) assign(v *types.Var, value ast.Expr) {
	x.writes[v]++
	if x.writes[v] == 1 && value != nil {
		x.vars[v] = value
	} else {
		delete(x.vars, v)
	}
}

// value is a constant string that an expression evaluates to, and where it
// is written.
type value struct {
	value string
	at    ast.Expr     // the expression in the source that holds it
	obj   *types.Const // the named constant it comes through, if any
}

// origin returns the constant string e evaluates to and where it is
// written: a literal or concatenation, the declaration of a constant of
// this package, the single assignment of a variable, through []byte and
// string conversions. A constant of another package is "written" at e.
func (x *valueIndex) origin(e ast.Expr) (value, bool) {
	return x.originDepth(e, 0)
}

func (x *valueIndex) originDepth(e ast.Expr, depth int) (value, bool) {
	if depth > 8 {
		return value{}, false
	}
	e = ast.Unparen(e)
	if s, ok := constStringOf(x.info, e); ok {
		if c := x.constRef(e); c != nil {
			if decl, ok := x.consts[c]; ok {
				v, ok := x.originDepth(decl, depth+1)
				if ok && v.obj == nil {
					v.obj = c
				}
				return v, ok
			}
			return value{value: s, at: e, obj: c}, true
		}
		return value{value: s, at: e}, true
	}
	switch e := e.(type) {
	case *ast.CallExpr:
		if tv, ok := x.info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return x.originDepth(e.Args[0], depth+1)
		}
	case *ast.Ident:
		if v, ok := x.info.Uses[e].(*types.Var); ok {
			if decl, ok := x.vars[v]; ok {
				return x.originDepth(decl, depth+1)
			}
		}
	}
	return value{}, false
}

// constRef returns the named constant that e refers to, if it is a plain
// or qualified identifier.
func (x *valueIndex) constRef(e ast.Expr) *types.Const {
	var id *ast.Ident
	switch e := e.(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		id = e.Sel
	default:
		return nil
	}
	c, _ := x.info.Uses[id].(*types.Const)
	return c
}

// constStringOf returns the value of e when it is a constant string.
func constStringOf(info *types.Info, e ast.Expr) (string, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}
