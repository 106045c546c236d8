package queries

import (
	"database/sql"
	"encoding/json"
	"errors"
	"os"
	"regexp"
	"slices"
	"strings"
)

var allowedSort = map[string]bool{"name": true, "created_at": true}

var blockedSort = map[string]bool{"password": true}

var seenSort = map[string]bool{}

// decoded is filled by a function given its address.
var decoded = map[string]bool{}

func load() { json.Unmarshal([]byte(os.Getenv("COLUMNS")), &decoded) }

func remember(col string) { seenSort[col] = true }

var sortColumn = regexp.MustCompile(`^[a-z_]+$`)

var loose = regexp.MustCompile(`[a-z_]+`)

// Text checked against an allow list on every path to the query is safe.
func guarded(db *sql.DB) error {
	col := os.Getenv("SORT")
	if allowedSort[col] {
		db.Query("SELECT * FROM users ORDER BY " + col)
	}
	if _, ok := allowedSort[col]; ok {
		db.Query("SELECT * FROM users ORDER BY " + col)
	}
	if col == "asc" || col == "desc" {
		db.Query("SELECT * FROM users ORDER BY id " + col)
	}
	if slices.Contains([]string{"asc", "desc"}, col) {
		db.Query("SELECT * FROM users ORDER BY id " + col)
	}
	if strings.EqualFold(col, "name") {
		db.Query("SELECT * FROM users ORDER BY " + col)
	}
	if sortColumn.MatchString(col) {
		db.Query("SELECT * FROM users ORDER BY " + col)
	}
	switch col {
	case "name", "created_at":
	default:
		return errors.New("bad sort")
	}
	db.Query("SELECT * FROM users ORDER BY " + col)
	return nil
}

// A local literal allow list, and a checked value copied on one branch.
func guardedLocal(db *sql.DB, desc bool) error {
	col := os.Getenv("SORT")
	allowed := map[string]bool{"name": true, "created_at": true}
	if !allowed[col] {
		return errors.New("bad sort")
	}
	order := col
	if desc {
		order = col + " DESC"
	}
	_, err := db.Query("SELECT * FROM users ORDER BY " + order)
	return err
}

func guardedHelper(db *sql.DB, col string) error {
	if !allowedSort[col] {
		return errors.New("bad sort")
	}
	_, err := db.Query("SELECT * FROM users ORDER BY " + col)
	return err
}

func callsGuardedHelper(db *sql.DB) {
	guardedHelper(db, os.Getenv("SORT"))
}

// Checks that do not hold the text to a list, or that a path goes around.
func unguarded(db *sql.DB) {
	col := os.Getenv("SORT")
	if allowedSort[col] {
		db.Query("SELECT 1")
	}
	db.Query("SELECT * FROM users ORDER BY " + col) // want `query text passed to \(\*sql.DB\).Query is built from external input`
	if col != "" {
		db.Query("SELECT * FROM users ORDER BY " + col) // want `query text passed to \(\*sql.DB\).Query is built from external input`
	}
	if !blockedSort[col] {
		db.Query("SELECT * FROM users ORDER BY " + col) // want `query text passed to \(\*sql.DB\).Query is built from external input`
	}
	if loose.MatchString(col) {
		db.Query("SELECT * FROM users ORDER BY " + col) // want `query text passed to \(\*sql.DB\).Query is built from external input`
	}
	if len(col) < 10 {
		db.Query("SELECT * FROM users ORDER BY " + col) // want `query text passed to \(\*sql.DB\).Query is built from external input`
	}
	var s string
	if allowedSort[col] {
		s = col + " DESC"
	} else {
		s = "id"
	}
	db.Query("SELECT * FROM users ORDER BY " + s) // want `query text passed to \(\*sql.DB\).Query is built from external input`
	// Maps that are not allow lists: one the caller fills, one that
	// collects what was seen.
	filters := map[string]string{os.Getenv("FILTER"): "x"}
	if _, ok := filters[col]; ok {
		db.Query("SELECT * FROM users WHERE " + col + " = $1") // want `query text passed to \(\*sql.DB\).Query is built from external input`
	}
	if decoded[col] {
		db.Query("SELECT * FROM users ORDER BY " + col) // want `query text passed to \(\*sql.DB\).Query is built from external input`
	}
	if seenSort[col] {
		db.Query("SELECT * FROM users ORDER BY " + col) // want `query text passed to \(\*sql.DB\).Query is built from external input`
	}
	// The value of an earlier pass of a loop was not checked.
	prev := "id"
	for _, c := range strings.Fields(os.Getenv("COLUMNS")) {
		if allowedSort[c] {
			db.Exec("ALTER TABLE users RENAME COLUMN " + prev + " TO " + c) // want `query text passed to \(\*sql.DB\).Exec is built from external input`
		}
		prev = c
	}
	if slices.Contains(strings.Fields(os.Getenv("COLUMNS")), col) {
		db.Query("SELECT * FROM users ORDER BY " + col) // want `query text passed to \(\*sql.DB\).Query is built from external input`
	}
}
