package queries

import (
	"database/sql"
	"net/http"
	"strings"
)

var sortColumns = []string{"name", "created_at"}

// sortColumnsSet is changed outside its initialiser: no allow list.
var sortColumnsSet = []string{"name"}

func addSortColumn(c string) { sortColumnsSet = append(sortColumnsSet, c) }

// A hand-written slices.Contains: true only when s equals an element of
// list, an allow list where the caller passes a constant one.
func inList(s string, list []string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func notInList(s string, list []string) error {
	for i := range list {
		if s == list[i] {
			return nil
		}
	}
	return errBadSort
}

// Twin: true also for a wildcard element, whatever s is.
func inListOrWildcard(s string, list []string) bool {
	for _, v := range list {
		if v == s || v == "*" {
			return true
		}
	}
	return false
}

func listHelpers(db *sql.DB, r *http.Request) {
	col := r.FormValue("sort")
	if inList(col, sortColumns) {
		db.Query("SELECT * FROM users ORDER BY " + col)
	}
	if err := notInList(col, sortColumns); err == nil {
		db.Query("SELECT * FROM users ORDER BY " + col)
	}
	for _, c := range sortColumns {
		if c == col {
			db.Query("SELECT * FROM users ORDER BY " + col)
		}
	}

	if inList(col, sortColumnsSet) {
		db.Query("SELECT * FROM users ORDER BY " + col) // want `external input \(r.FormValue\(...\)\)`
	}
	if inList(col, strings.Split(r.FormValue("cols"), ",")) {
		db.Query("SELECT * FROM users ORDER BY " + col) // want `external input \(r.FormValue\(...\)\)`
	}
	if inListOrWildcard(col, sortColumns) {
		db.Query("SELECT * FROM users ORDER BY " + col) // want `external input \(r.FormValue\(...\)\)`
	}
	for _, c := range strings.Split(r.FormValue("cols"), ",") {
		if c == col {
			db.Query("SELECT * FROM users ORDER BY " + col) // want `external input \(r.FormValue\(...\)\)`
		}
	}
}
