package queries

import (
	"database/sql"
	"net/http"

	"app/store"
)

// Helpers that return their parameter only where it passed a check, or
// constant text: their result is checked text, as the same code inline.
func direction(d string) string {
	if d != "asc" && d != "desc" {
		d = "asc"
	}
	return d
}

func column(c string) string {
	switch c {
	case "name", "created_at":
		return c
	}
	return "id"
}

func allowedOr(c string) string {
	if allowedSort[c] {
		return c
	}
	return "id"
}

// Twins that return it unchecked on one path.
func directionLoose(d string, strict bool) string {
	if strict {
		if d != "asc" && d != "desc" {
			d = "asc"
		}
		return d
	}
	return d
}

func columnLoose(c string) string {
	switch c {
	case "name", "created_at":
		return c
	case "":
		return "id"
	}
	return c
}

func allowedOrSelf(c string) string {
	if allowedSort[c] {
		return c
	}
	return c + "_id"
}

// A deferred call may change a named result after the check: the result
// is taken as it is.
func orderClause(col, nulls string) (clause string) {
	defer func() {
		if nulls != "" {
			clause += " NULLS " + nulls
		}
	}()
	if !allowedSort[col] {
		col = "id"
	}
	return col
}

func normalizers(db *sql.DB, r *http.Request) {
	dir := r.FormValue("dir")
	col := r.FormValue("sort")
	db.Query("SELECT * FROM users ORDER BY id " + direction(dir))
	db.Query("SELECT * FROM users ORDER BY " + column(col))
	db.Query("SELECT * FROM users ORDER BY " + allowedOr(col))
	db.Query("SELECT * FROM users ORDER BY id " + store.Direction(dir))

	db.Query("SELECT * FROM users ORDER BY id " + directionLoose(dir, true))           // want `external input \(r.FormValue\(...\)\)`
	db.Query("SELECT * FROM users ORDER BY " + columnLoose(col))                       // want `external input \(r.FormValue\(...\)\)`
	db.Query("SELECT * FROM users ORDER BY " + allowedOrSelf(col))                     // want `external input \(r.FormValue\(...\)\)`
	db.Query("SELECT * FROM users ORDER BY id " + store.LooseDirection(dir))           // want `external input \(r.FormValue\(...\)\)`
	db.Query("SELECT * FROM users ORDER BY " + orderClause(col, r.FormValue("nulls"))) // want `external input \(r.FormValue\(...\)\)`
}
