// Package clause is a stub of gorm.io/gorm/clause: the expression types
// that carry raw SQL.
package clause

// Builder receives the SQL an expression writes.
type Builder interface {
	WriteString(string) (int, error)
	AddVar(Builder, ...interface{})
}

// Expression is a part of a statement.
type Expression interface {
	Build(builder Builder)
}

// Expr is raw SQL with "?" placeholders and their values.
type Expr struct {
	SQL                string
	Vars               []interface{}
	WithoutParentheses bool
}

func (expr Expr) Build(builder Builder) {
	builder.WriteString(expr.SQL)
	builder.AddVar(builder, expr.Vars...)
}

// NamedExpr is raw SQL with "@name" placeholders and their values.
type NamedExpr struct {
	SQL  string
	Vars []interface{}
}

func (expr NamedExpr) Build(builder Builder) {
	builder.WriteString(expr.SQL)
	builder.AddVar(builder, expr.Vars...)
}

// Locking is FOR UPDATE and the like.
type Locking struct {
	Strength string
	Options  string
}

func (l Locking) Build(builder Builder) { builder.WriteString("FOR " + l.Strength) }

// Column is a column name, written as it is when Raw, quoted otherwise.
type Column struct {
	Table string
	Name  string
	Alias string
	Raw   bool
}

// OrderByColumn is one column of ORDER BY.
type OrderByColumn struct {
	Column  Column
	Desc    bool
	Reorder bool
}

// OrderBy is ORDER BY.
type OrderBy struct {
	Columns    []OrderByColumn
	Expression Expression
}

func (o OrderBy) Build(builder Builder) {}
