// Package postgres is a stub of go-micro.dev/v4/store/postgres, which
// brings lib/pq into every program that imports it.
package postgres

import _ "github.com/lib/pq"
