package queries

import (
	"database/sql"
	"net/http"
	"slices"
	"strings"
)

// A value that fails a check and is replaced by a constant: every text
// the query can get was checked or is constant.
func fallbacks(db *sql.DB, r *http.Request) {
	dir := r.FormValue("dir")
	if dir != "asc" && dir != "desc" {
		dir = "asc"
	}
	db.Query("SELECT * FROM users ORDER BY id " + dir)

	col := r.FormValue("sort")
	switch col {
	case "name", "created_at":
	default:
		col = "id"
	}
	db.Query("SELECT * FROM users ORDER BY " + col)

	byMap := r.FormValue("sort")
	if !allowedSort[byMap] {
		byMap = "id"
	}
	db.Query("SELECT * FROM users ORDER BY " + byMap)

	byList := r.FormValue("sort")
	if !slices.Contains([]string{"name", "created_at"}, byList) {
		byList = "id"
	}
	db.Query("SELECT * FROM users ORDER BY " + byList)

	byRegexp := r.FormValue("sort")
	if !sortColumn.MatchString(byRegexp) {
		byRegexp = "id"
	}
	db.Query("SELECT * FROM users ORDER BY " + byRegexp)

	folded := r.FormValue("dir")
	if !strings.EqualFold(folded, "asc") && !strings.EqualFold(folded, "desc") {
		folded = "asc"
	}
	db.Query("SELECT * FROM users ORDER BY id " + folded)

	var s string
	if allowedSort[col] {
		s = col
	} else {
		s = "id"
	}
	db.Query("SELECT * FROM users ORDER BY " + s)
}

// The replacement is not constant, the constant replaces the checked
// value, or the check is of another value.
func fallbacksUnchecked(db *sql.DB, r *http.Request) {
	dir := r.FormValue("dir")
	if dir != "asc" && dir != "desc" {
		dir = r.FormValue("default")
	}
	db.Query("SELECT * FROM users ORDER BY id " + dir) // want `query text passed to \(\*sql.DB\).Query is built from external input`

	col := r.FormValue("sort")
	if allowedSort[col] {
		col = "id"
	}
	db.Query("SELECT * FROM users ORDER BY " + col) // want `query text passed to \(\*sql.DB\).Query is built from external input`

	other := r.FormValue("other")
	sort := r.FormValue("sort")
	if !allowedSort[other] {
		sort = "id"
	}
	db.Query("SELECT * FROM users ORDER BY " + sort) // want `query text passed to \(\*sql.DB\).Query is built from external input`

	var s string
	if allowedSort[col] {
		s = "id"
	} else {
		s = col
	}
	db.Query("SELECT * FROM users ORDER BY " + s) // want `query text passed to \(\*sql.DB\).Query is built from external input`
}

// A fallback must be constant text: an exported variable, which other
// packages may set, or one the package sets outside its initialiser, is
// not.
var FallbackSort = "id" // want FallbackSort:`results\(constant\{"id"\}\)`

var fallbackSort = "id"

var configuredSort = "id"

func Configure(s string) { configuredSort = s }

func fallbackVariables(db *sql.DB, r *http.Request) {
	c := r.FormValue("sort")
	if !allowedSort[c] {
		c = FallbackSort
	}
	db.Query("SELECT * FROM users ORDER BY " + c) // want `query text passed to \(\*sql.DB\).Query is built from external input`

	d := r.FormValue("sort")
	if !allowedSort[d] {
		d = configuredSort
	}
	db.Query("SELECT * FROM users ORDER BY " + d) // want `query text passed to \(\*sql.DB\).Query is built from external input`

	e := r.FormValue("sort")
	if !allowedSort[e] {
		e = fallbackSort
	}
	db.Query("SELECT * FROM users ORDER BY " + e)
}
