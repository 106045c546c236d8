// Package store holds helpers whose summaries reach other packages as facts.
package store

import (
	"database/sql"
	"strconv"

	_ "github.com/lib/pq"
)

type Store struct{ DB *sql.DB }

// ByName builds SQL from its parameter: it is judged at its callers.
func (s *Store) ByName(name string) error {
	_, err := s.DB.Query("SELECT id FROM users WHERE name = '" + name + "'")
	return err
}

// ByID builds SQL from digits only.
func (s *Store) ByID(id int) error {
	_, err := s.DB.Query("SELECT name FROM users WHERE id = " + strconv.Itoa(id))
	return err
}

// Where concatenates a condition.
func Where(col, val string) string { return col + " = '" + val + "'" }

// Limit is integer-only.
func Limit(n int) string { return " LIMIT " + strconv.Itoa(n) }

// Run executes what it is given.
func Run(db *sql.DB, q string) error {
	_, err := db.Exec(q)
	return err
}

// Direction replaces any direction but asc and desc by asc: its result is
// checked text wherever it is called.
func Direction(d string) string {
	if d != "asc" && d != "desc" {
		d = "asc"
	}
	return d
}

// LooseDirection replaces only an empty direction: it returns d unchecked.
func LooseDirection(d string) string {
	if d == "" {
		return "asc"
	}
	return d
}
