// Package postgres is a stub of go-micro.dev/v6/model/postgres.
package postgres

type DB struct{}

func New(dsn string) *DB { return nil }
