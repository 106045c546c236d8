package main

import (
	"crypto/tls"
	"database/sql"
)

func insecure() *tls.Config {
	return &tls.Config{InsecureSkipVerify: true}
}

func query(db *sql.DB, name string) {
	db.Query("SELECT * FROM users WHERE name = '" + name + "'")
}

func greet(db *sql.DB, name string) {
	db.Query("SELECT 'héllo 😀 wörld' || " + name)
}
