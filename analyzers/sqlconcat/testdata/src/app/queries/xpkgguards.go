package queries

import (
	"database/sql"
	"log"
	"net/http"

	"app/validate"
)

// Checking helpers of another package count as those of the package do.
func validatorGuarded(db *sql.DB, r *http.Request) {
	col := r.FormValue("sort")
	if !validate.Sort(col) {
		return
	}
	db.Query("SELECT * FROM users ORDER BY " + col)

	byErr := r.FormValue("sort")
	if err := validate.SortErr(byErr); err != nil {
		return
	}
	db.Query("SELECT * FROM users ORDER BY " + byErr)

	dir := r.FormValue("dir")
	if !validate.Direction(dir) {
		dir = "asc"
	}
	db.Query("SELECT * FROM users ORDER BY id " + dir)

	field := r.FormValue("field")
	if validate.Field(field) != nil {
		return
	}
	db.Query("SELECT " + field + " FROM users")

	listed := r.FormValue("sort")
	if !validate.OneOf(listed, []string{"name", "email"}) {
		return
	}
	db.Query("SELECT * FROM users ORDER BY " + listed)

	var v validate.Columns
	byMethod := r.FormValue("sort")
	if !v.Allowed(byMethod) {
		return
	}
	db.Query("SELECT * FROM users ORDER BY " + byMethod)
}

func validatorUnguarded(db *sql.DB, r *http.Request) {
	loose := r.FormValue("sort")
	if !validate.SortLoose(loose) {
		return
	}
	db.Query("SELECT * FROM users ORDER BY " + loose) // want `query text passed to \(\*sql.DB\).Query is built from external input`

	other := r.FormValue("sort")
	if !validate.SortOther(other, "name") {
		return
	}
	db.Query("SELECT * FROM users ORDER BY " + other) // want `query text passed to \(\*sql.DB\).Query is built from external input`

	prefix := r.FormValue("sort")
	if !validate.SortPrefix(prefix) {
		return
	}
	db.Query("SELECT * FROM users ORDER BY " + prefix) // want `query text passed to \(\*sql.DB\).Query is built from external input`

	contains := r.FormValue("sort")
	if err := validate.SortContains(contains); err != nil {
		return
	}
	db.Query("SELECT * FROM users ORDER BY " + contains) // want `query text passed to \(\*sql.DB\).Query is built from external input`

	lower := r.FormValue("sort")
	if !validate.SortLower(lower) {
		return
	}
	db.Query("SELECT * FROM users ORDER BY " + lower) // want `query text passed to \(\*sql.DB\).Query is built from external input`

	forced := r.FormValue("sort")
	if !validate.SortOr(forced, r.FormValue("force") != "") {
		return
	}
	db.Query("SELECT * FROM users ORDER BY " + forced) // want `query text passed to \(\*sql.DB\).Query is built from external input`

	listFromRequest := r.FormValue("sort")
	if !validate.OneOf(listFromRequest, r.Form["allowed"]) {
		return
	}
	db.Query("SELECT * FROM users ORDER BY " + listFromRequest) // want `query text passed to \(\*sql.DB\).Query is built from external input`

	validate.Directions = append(validate.Directions, r.FormValue("extra"))
	exported := r.FormValue("dir")
	if !validate.DirectionExported(exported) {
		return
	}
	db.Query("SELECT * FROM users ORDER BY id " + exported) // want `query text passed to \(\*sql.DB\).Query is built from external input`

	ranged := r.FormValue("dir")
	if !validate.DirectionRanged(ranged) {
		return
	}
	db.Query("SELECT * FROM users ORDER BY id " + ranged) // want `query text passed to \(\*sql.DB\).Query is built from external input`

	listExported := r.FormValue("dir")
	if !validate.OneOf(listExported, validate.Directions) {
		return
	}
	db.Query("SELECT * FROM users ORDER BY id " + listExported) // want `query text passed to \(\*sql.DB\).Query is built from external input`

	ignored := r.FormValue("sort")
	validate.Sort(ignored)
	db.Query("SELECT * FROM users ORDER BY " + ignored) // want `query text passed to \(\*sql.DB\).Query is built from external input`

	failing := r.FormValue("sort")
	if !validate.Sort(failing) {
		log.Print("bad sort")
		db.Query("SELECT * FROM users ORDER BY " + failing) // want `query text passed to \(\*sql.DB\).Query is built from external input`
	}

	failingErr := r.FormValue("sort")
	if err := validate.SortErr(failingErr); err == nil {
		return
	}
	db.Query("SELECT * FROM users ORDER BY " + failingErr) // want `query text passed to \(\*sql.DB\).Query is built from external input`
}
