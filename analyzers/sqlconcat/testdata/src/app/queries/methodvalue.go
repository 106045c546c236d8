package queries

import (
	"database/sql"
	"os"
)

type tableRepo struct{ db *sql.DB }

func (r *tableRepo) find(table, name string) {
	r.db.Query("SELECT * FROM "+table+" WHERE name = $1", name)
}

func (r *tableRepo) run(q string, args ...any) { r.db.Query(q, args...) }

// A method value is called with its receiver bound: its operands are the
// method's parameters after the receiver.
func methodValues(rp *tableRepo) {
	find := rp.find
	find("users", os.Getenv("NAME"))
	find(os.Getenv("TABLE"), "bob") // want `query text that \(\*queries.tableRepo\).find passes to \(\*sql.DB\).Query \(queries/methodvalue.go:11\) is built from external input \(os.Getenv\(...\)\)`
	run := rp.run
	run("SELECT 1")
	run("SELECT * FROM u WHERE n = '"+os.Getenv("NAME")+"'", 1) // want `query text that \(\*queries.tableRepo\).run passes to \(\*sql.DB\).Query`
}
