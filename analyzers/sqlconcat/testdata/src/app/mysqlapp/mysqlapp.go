package mysqlapp

import (
	"database/sql"
	"os"

	_ "github.com/go-sql-driver/mysql"
)

func find(db *sql.DB) {
	db.Query("SELECT * FROM t WHERE n = '" + os.Getenv("N") + "'") // want `pass values as arguments with \? placeholders`
	db.Query("SELECT * FROM t WHERE n = ?", os.Getenv("N"))
}
