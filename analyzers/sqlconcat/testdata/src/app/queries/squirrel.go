package queries

import (
	"database/sql"
	"net/http"

	sq "github.com/Masterminds/squirrel"
)

// squirrel renders what its builders are given: the values of sq.Eq and
// of placeholders become arguments, and ToSql's text is safe. Text given
// to the builder as SQL (sq.Expr, Where with a string, From, OrderBy...)
// is judged where it is given.
func squirrelBuilders(db *sql.DB, r *http.Request) {
	name := r.FormValue("name")
	q, args, err := sq.Select("id").From("users").Where(sq.Eq{"name": name}).ToSql()
	if err != nil {
		return
	}
	db.Query(q, args...) // ok: the builder's text, the value an argument
	q, args = sq.Select("id").From("users").Where("name = ?", name).OrderBy("id").MustSql()
	db.Query(q, args...) // ok
	q, args, _ = sq.Update("users").Set("name", name).Where(sq.And{sq.Eq{"id": 1}, sq.Expr("age > ?", 3)}).ToSql()
	db.Exec(q, args...) // ok

	sq.Select("id").From("users").Where("name = '" + name + "'")          // want `query text passed to \(squirrel.SelectBuilder\).Where is built from external input \(r.FormValue\(...\)\)`
	sq.Select("id").From("users").Where(sq.Expr("name = '" + name + "'")) // want `query text passed to squirrel.Expr is built from external input`
	sq.Select("id").From(name)                                            // want `query text passed to \(squirrel.SelectBuilder\).From is built from external input`
	sq.Select("id").From("users").OrderBy(name)                           // want `query text passed to \(squirrel.SelectBuilder\).OrderBy is built from external input`
	sq.Select(name).From("users")                                         // want `query text passed to squirrel.Select is built from external input`
	sq.Select("id").Column(name).From("users")                            // want `query text passed to \(squirrel.SelectBuilder\).Column is built from external input`
	sq.Select("id").From("users").Suffix("FOR UPDATE " + name)            // want `query text passed to \(squirrel.SelectBuilder\).Suffix is built from external input`
	sq.Select("id").From("users").Join("orders ON orders.user = " + name) // want `query text passed to \(squirrel.SelectBuilder\).Join is built from external input`
	sq.Delete(name)                                                       // want `query text passed to squirrel.Delete is built from external input`
	sq.Update("users").Set(name, 1)                                       // want `query text passed to \(squirrel.UpdateBuilder\).Set is built from external input`
	sq.Select("id").From("users").Where(sq.Eq{name: 1})                   // not followed: the keys of sq.Eq are column names, see Limitations
}
