// Package squirrel is a stub of github.com/Masterminds/squirrel v1.5.4:
// the signatures of the builders and expressions, with bodies that only
// keep what they are given.
package squirrel

// Sqlizer is anything that renders SQL with its arguments.
type Sqlizer interface {
	ToSql() (string, []interface{}, error)
}

type expr struct {
	sql  string
	args []interface{}
}

// Expr is a fragment of SQL with arguments.
func Expr(sql string, args ...interface{}) Sqlizer { return expr{sql, args} }

func (e expr) ToSql() (string, []interface{}, error) { return e.sql, e.args, nil }

type concatExpr []interface{}

// ConcatExpr joins strings and expressions.
func ConcatExpr(parts ...interface{}) concatExpr { return concatExpr(parts) }

func (c concatExpr) ToSql() (string, []interface{}, error) {
	s := ""
	for _, p := range c {
		if t, ok := p.(string); ok {
			s += t
		}
	}
	return s, nil, nil
}

// Eq is column = value for each entry, the values as arguments.
type Eq map[string]interface{}

func (eq Eq) ToSql() (string, []interface{}, error) {
	s := ""
	var args []interface{}
	for k, v := range eq {
		s += k + " = ?"
		args = append(args, v)
	}
	return s, args, nil
}

// And joins conditions with AND.
type And []Sqlizer

func (a And) ToSql() (string, []interface{}, error) { return join(a, " AND ") }

// Or joins conditions with OR.
type Or []Sqlizer

func (o Or) ToSql() (string, []interface{}, error) { return join(o, " OR ") }

func join(parts []Sqlizer, sep string) (string, []interface{}, error) {
	s := ""
	var args []interface{}
	for i, p := range parts {
		ps, pa, err := p.ToSql()
		if err != nil {
			return "", nil, err
		}
		if i > 0 {
			s += sep
		}
		s += "(" + ps + ")"
		args = append(args, pa...)
	}
	return s, args, nil
}

type builder struct {
	parts []interface{}
	args  []interface{}
}

func (b builder) add(parts ...interface{}) builder {
	b.parts = append(append([]interface{}{}, b.parts...), parts...)
	return b
}

func (b builder) sql() (string, []interface{}, error) {
	s := ""
	args := b.args
	for _, p := range b.parts {
		switch p := p.(type) {
		case string:
			s += p + " "
		case []string:
			for _, x := range p {
				s += x + " "
			}
		case Sqlizer:
			ps, pa, err := p.ToSql()
			if err != nil {
				return "", nil, err
			}
			s += ps + " "
			args = append(args, pa...)
		}
	}
	return s, args, nil
}

// SelectBuilder builds a SELECT statement.
type SelectBuilder struct{ b builder }

// Select starts a SELECT of columns.
func Select(columns ...string) SelectBuilder {
	return SelectBuilder{builder{}.add("SELECT", columns)}
}

func (s SelectBuilder) ToSql() (string, []interface{}, error) { return s.b.sql() }
func (s SelectBuilder) MustSql() (string, []interface{}) {
	q, args, err := s.ToSql()
	if err != nil {
		panic(err)
	}
	return q, args
}
func (s SelectBuilder) Prefix(sql string, args ...interface{}) SelectBuilder {
	return SelectBuilder{s.b.add(Expr(sql, args...))}
}
func (s SelectBuilder) Options(options ...string) SelectBuilder {
	return SelectBuilder{s.b.add(options)}
}
func (s SelectBuilder) Columns(columns ...string) SelectBuilder {
	return SelectBuilder{s.b.add(columns)}
}
func (s SelectBuilder) Column(column interface{}, args ...interface{}) SelectBuilder {
	return SelectBuilder{s.b.add(column)}
}
func (s SelectBuilder) From(from string) SelectBuilder { return SelectBuilder{s.b.add("FROM", from)} }
func (s SelectBuilder) JoinClause(pred interface{}, args ...interface{}) SelectBuilder {
	return SelectBuilder{s.b.add(pred)}
}
func (s SelectBuilder) Join(join string, rest ...interface{}) SelectBuilder {
	return SelectBuilder{s.b.add("JOIN", Expr(join, rest...))}
}
func (s SelectBuilder) LeftJoin(join string, rest ...interface{}) SelectBuilder {
	return SelectBuilder{s.b.add("LEFT JOIN", Expr(join, rest...))}
}
func (s SelectBuilder) Where(pred interface{}, args ...interface{}) SelectBuilder {
	return SelectBuilder{s.b.add("WHERE", pred)}
}
func (s SelectBuilder) GroupBy(groupBys ...string) SelectBuilder {
	return SelectBuilder{s.b.add("GROUP BY", groupBys)}
}
func (s SelectBuilder) Having(pred interface{}, rest ...interface{}) SelectBuilder {
	return SelectBuilder{s.b.add("HAVING", pred)}
}
func (s SelectBuilder) OrderByClause(pred interface{}, args ...interface{}) SelectBuilder {
	return SelectBuilder{s.b.add("ORDER BY", pred)}
}
func (s SelectBuilder) OrderBy(orderBys ...string) SelectBuilder {
	return SelectBuilder{s.b.add("ORDER BY", orderBys)}
}
func (s SelectBuilder) Limit(limit uint64) SelectBuilder { return s }
func (s SelectBuilder) Suffix(sql string, args ...interface{}) SelectBuilder {
	return SelectBuilder{s.b.add(Expr(sql, args...))}
}

// UpdateBuilder builds an UPDATE statement.
type UpdateBuilder struct{ b builder }

// Update starts an UPDATE of table.
func Update(table string) UpdateBuilder { return UpdateBuilder{builder{}.add("UPDATE", table)} }

func (u UpdateBuilder) ToSql() (string, []interface{}, error) { return u.b.sql() }
func (u UpdateBuilder) Set(column string, value interface{}) UpdateBuilder {
	u.b = u.b.add(column, "= ?")
	u.b.args = append(u.b.args, value)
	return u
}
func (u UpdateBuilder) Where(pred interface{}, args ...interface{}) UpdateBuilder {
	return UpdateBuilder{u.b.add("WHERE", pred)}
}

// DeleteBuilder builds a DELETE statement.
type DeleteBuilder struct{ b builder }

// Delete starts a DELETE from a table.
func Delete(from string) DeleteBuilder { return DeleteBuilder{builder{}.add("DELETE FROM", from)} }

func (d DeleteBuilder) ToSql() (string, []interface{}, error) { return d.b.sql() }
func (d DeleteBuilder) Where(pred interface{}, args ...interface{}) DeleteBuilder {
	return DeleteBuilder{d.b.add("WHERE", pred)}
}

// InsertBuilder builds an INSERT statement.
type InsertBuilder struct{ b builder }

// Insert starts an INSERT into a table.
func Insert(into string) InsertBuilder { return InsertBuilder{builder{}.add("INSERT INTO", into)} }

func (i InsertBuilder) ToSql() (string, []interface{}, error) { return i.b.sql() }
func (i InsertBuilder) Columns(columns ...string) InsertBuilder {
	return InsertBuilder{i.b.add(columns)}
}
func (i InsertBuilder) Values(values ...interface{}) InsertBuilder {
	i.b.args = append(i.b.args, values...)
	return i
}
