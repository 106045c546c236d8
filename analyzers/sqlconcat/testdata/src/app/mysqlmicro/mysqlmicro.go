// Package mysqlmicro runs its queries on MySQL and imports a go-micro
// package that brings in lib/pq for go-micro's own store: the advice is
// MySQL's.
package mysqlmicro

import (
	"database/sql"
	"os"

	_ "github.com/go-sql-driver/mysql"
	_ "go-micro.dev/v4/store/postgres"
)

func find(db *sql.DB) {
	db.Query("SELECT * FROM t WHERE n = '" + os.Getenv("N") + "'") // want `pass values as arguments with \? placeholders`
}
