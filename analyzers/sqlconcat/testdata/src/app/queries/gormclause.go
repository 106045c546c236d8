package queries

import (
	"net/http"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// The SQL field of clause.Expr and clause.NamedExpr is raw SQL, as the
// text of gorm.Expr is; their Vars are arguments.
func gormClauses(g *gorm.DB, r *http.Request) {
	n := r.FormValue("n")
	var ps []string
	g.Clauses(clause.Expr{SQL: "name = '" + n + "'"}).Find(&ps)                                       // want `query text passed to \(\*gorm.DB\).Clauses is built from external input \(r.FormValue\(...\)\); pass values as arguments with \? placeholders`
	g.Clauses(clause.Expr{SQL: "name = ?", Vars: []interface{}{n}}).Find(&ps)                         // ok: a placeholder
	g.Clauses(clause.NamedExpr{SQL: "name = '" + n + "'"})                                            // want `query text passed to \(\*gorm.DB\).Clauses is built from external input`
	g.Clauses(clause.NamedExpr{SQL: "name = @name", Vars: []interface{}{n}})                          // ok: a placeholder
	g.Clauses(clause.Locking{Strength: "UPDATE"}, clause.Expr{SQL: "id > " + n})                      // want `query text passed to \(\*gorm.DB\).Clauses is built from external input`
	g.Clauses(clause.Locking{Strength: "UPDATE"}, clause.Expr{SQL: "id > ?", Vars: []interface{}{n}}) // ok
	g.Where(clause.Expr{SQL: "name = '" + n + "'"})                                                   // want `query text passed to \(\*gorm.DB\).Where is built from external input`
	g.Where(clause.Expr{SQL: "name = ?", Vars: []interface{}{n}})                                     // ok
	e := &clause.Expr{SQL: "age > " + n}
	g.Clauses(e) // want `query text passed to \(\*gorm.DB\).Clauses is built from external input`
}
