package unsignedpublish

import (
	"go/ast"
	"go/types"

	"github.com/microsec-lint/microsec-lint/internal/gomicro"
)

// The model lists every option that may reach a component, whichever path
// applies it. An in-process broker exempts a service only when it is
// given on every path: one given in development only (appended to the
// options inside an if) leaves go-micro's default HTTP broker on the
// others. The functions below tell, syntactically, whether an option is
// applied whenever its component is built.

// parentOf returns the node that directly encloses n in the package's
// files, or nil.
func (c *checker) parentOf(n ast.Node) ast.Node {
	if c.parents == nil {
		c.parents = map[ast.Node]ast.Node{}
		var stack []ast.Node
		for _, f := range c.pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if n == nil {
					stack = stack[:len(stack)-1]
					return true
				}
				if len(stack) > 0 {
					c.parents[n] = stack[len(stack)-1]
				}
				stack = append(stack, n)
				return true
			})
		}
	}
	return c.parents[n]
}

// listStmt returns the statement holding n that sits directly in a
// statement list, and the node owning that list: a block, or a case or
// select clause. The body of an if statement whose condition is a
// constant true (if signEvents {...} with const signEvents = true, see
// gomicro.Syntax.Always) always runs, so it counts as its if statement.
func (c *checker) listStmt(n ast.Node) (ast.Node, ast.Node) {
	for p := c.parentOf(n); p != nil; n, p = p, c.parentOf(p) {
		if _, isStmt := n.(ast.Stmt); !isStmt {
			continue
		}
		switch p.(type) {
		case *ast.BlockStmt:
			if !c.model.Always(p) {
				return n, p
			}
		case *ast.CaseClause, *ast.CommClause:
			return n, p
		}
	}
	return nil, nil
}

// encloses reports whether node outer spans node inner.
func encloses(outer, inner ast.Node) bool {
	return outer.Pos() <= inner.Pos() && inner.End() <= outer.End()
}

// runsBefore reports whether the statement holding n runs, and ends,
// before at whenever at runs: it sits in a statement list that encloses
// at, ahead of it (no branch or loop stands between them).
func (c *checker) runsBefore(n, at ast.Node) bool {
	stmt, list := c.listStmt(n)
	return stmt != nil && encloses(list, at) && stmt.End() <= at.Pos()
}

// runsAfter reports whether the statement holding n runs after ctor
// whenever ctor runs: it sits in a statement list that encloses ctor,
// after it.
func (c *checker) runsAfter(n, ctor ast.Node) bool {
	stmt, list := c.listStmt(n)
	return stmt != nil && encloses(list, ctor) && stmt.Pos() >= ctor.End()
}

// topLevel reports whether the statement holding n sits directly in the
// body of a declared function, outside any branch or loop.
func (c *checker) topLevel(n ast.Node) bool {
	_, list := c.listStmt(n)
	_, isDecl := c.parentOf(list).(*ast.FuncDecl)
	return isDecl
}

// optionCertain reports whether option o is applied whenever the component
// it belongs to is built: it is an argument of the constructor, or of an
// Init call that follows the constructor in the same statement list (at
// the top of a function for a go-micro default), directly or through
// option slices, append calls, local variables assigned ahead of the call
// outside any branch, package variables and fields assigned once, and the
// package's helpers every return of which gives it.
func (c *checker) optionCertain(o *gomicro.Option) bool {
	owner := c.ownerOf(o)
	if owner == nil {
		return false
	}
	call := owner.Call
	if o.Init != nil {
		if call != nil && !c.runsAfter(o.Init, call) || call == nil && !c.topLevel(o.Init) {
			return false
		}
		call = o.Init
	}
	if call == nil {
		return false
	}
	for _, a := range call.Args {
		if c.alwaysHolds(a, o.Expr, call, 0) {
			return true
		}
	}
	return false
}

// ownerOf returns the component whose options list o, or nil.
func (c *checker) ownerOf(o *gomicro.Option) *gomicro.Component {
	for _, comp := range c.model.Components() {
		for _, p := range comp.Options {
			if p.Expr == o.Expr && p.Init == o.Init && p.Sub == o.Sub {
				return comp
			}
		}
	}
	return nil
}

// alwaysHolds reports whether e, an option or option-slice expression
// evaluated at node at, is or holds the option target on every path.
func (c *checker) alwaysHolds(e, target ast.Expr, at ast.Node, depth int) bool {
	e = ast.Unparen(e)
	if e == target {
		return true
	}
	if depth > 6 {
		return false
	}
	switch x := e.(type) {
	case *ast.CompositeLit:
		for _, elt := range x.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			if c.alwaysHolds(elt, target, at, depth+1) {
				return true
			}
		}
	case *ast.CallExpr:
		if b, ok := c.pass.TypesInfo.Uses[calleeIdent(x)].(*types.Builtin); ok && b.Name() == "append" {
			for _, a := range x.Args {
				if c.alwaysHolds(a, target, x, depth+1) {
					return true
				}
			}
			return false
		}
		if decl := c.model.LocalFunc(x); decl != nil {
			rs := c.returnedValues(decl)
			for _, r := range rs {
				if !c.alwaysHolds(r, target, r, depth+1) {
					return false
				}
			}
			return len(rs) > 0
		}
	case *ast.Ident, *ast.SelectorExpr:
		if r := c.reachingValue(c.model.VarOf(x), at); r != nil {
			return c.alwaysHolds(r, target, r, depth+1)
		}
	}
	return false
}

// reachingValue returns the value variable v holds at node at on every
// path, or nil: for a local variable, what the last assignment that runs
// before at outside any branch gives it (opts = append(opts, ...) in an if
// only adds to it on some paths); for a package variable or a field, what
// its only assignment gives it.
func (c *checker) reachingValue(v *types.Var, at ast.Node) ast.Expr {
	if v == nil {
		return nil
	}
	rhs, unknown := c.model.Assigned(v)
	if v.IsField() || v.Parent() == v.Pkg().Scope() {
		if unknown || len(rhs) != 1 {
			return nil
		}
		return rhs[0]
	}
	var last ast.Expr
	for _, r := range rhs {
		if c.runsBefore(r, at) && (last == nil || r.Pos() > last.Pos()) {
			last = r
		}
	}
	return last
}
