package queries

import (
	"database/sql"
	"errors"
	"log"
	"net/http"
	"regexp"
)

var errBadSort = errors.New("bad sort")

// Helpers of the package that check their parameter: the result is true,
// or the error nil, only for allowed text.
func validateSort(c string) error {
	if !allowedSort[c] {
		return errors.New("bad sort")
	}
	return nil
}

func validateSortVar(c string) error {
	if !allowedSort[c] {
		return errBadSort
	}
	return nil
}

func isAllowed(c string) bool {
	_, ok := allowedSort[c]
	return ok
}

var identRe = regexp.MustCompile(`^[a-zA-Z_][a-zA-Z0-9_]*$`)

func isIdent(s string) bool { return identRe.MatchString(s) }

func isDirection(s string) bool { return s == "asc" || s == "desc" }

func helperGuarded(db *sql.DB, r *http.Request) {
	col := r.FormValue("sort")
	if err := validateSort(col); err != nil {
		return
	}
	db.Query("SELECT * FROM users ORDER BY " + col)

	byVar := r.FormValue("sort")
	if validateSortVar(byVar) != nil {
		return
	}
	db.Query("SELECT * FROM users ORDER BY " + byVar)

	byMap := r.FormValue("sort")
	if !isAllowed(byMap) {
		return
	}
	db.Query("SELECT * FROM users ORDER BY " + byMap)

	byRegexp := r.FormValue("sort")
	if !isIdent(byRegexp) {
		return
	}
	db.Query("SELECT * FROM users ORDER BY " + byRegexp)

	dir := r.FormValue("dir")
	if !isDirection(dir) {
		dir = "asc"
	}
	db.Query("SELECT * FROM users ORDER BY id " + dir)
}

// Helpers that let other text through, or check another parameter, and a
// helper's check that a path goes around.
func validateNotEmpty(c string) error {
	if c == "" {
		return errors.New("empty")
	}
	return nil
}

func validateLogged(c string) error {
	if !allowedSort[c] {
		log.Print("bad sort")
	}
	return nil
}

func isAllowedOther(c, d string) bool { return allowedSort[d] }

func isBlocked(c string) bool { return c == "password" }

func helperUnguarded(db *sql.DB, r *http.Request) {
	col := r.FormValue("sort")
	if err := validateNotEmpty(col); err != nil {
		return
	}
	db.Query("SELECT * FROM users ORDER BY " + col) // want `query text passed to \(\*sql.DB\).Query is built from external input`

	logged := r.FormValue("sort")
	if err := validateLogged(logged); err != nil {
		return
	}
	db.Query("SELECT * FROM users ORDER BY " + logged) // want `query text passed to \(\*sql.DB\).Query is built from external input`

	other := r.FormValue("sort")
	if !isAllowedOther(other, "name") {
		return
	}
	db.Query("SELECT * FROM users ORDER BY " + other) // want `query text passed to \(\*sql.DB\).Query is built from external input`

	blocked := r.FormValue("sort")
	if isBlocked(blocked) {
		return
	}
	db.Query("SELECT * FROM users ORDER BY " + blocked) // want `query text passed to \(\*sql.DB\).Query is built from external input`

	around := r.FormValue("sort")
	if isAllowed(around) {
		log.Print("allowed")
	}
	db.Query("SELECT * FROM users ORDER BY " + around) // want `query text passed to \(\*sql.DB\).Query is built from external input`
}
