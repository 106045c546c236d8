// Package ifaceonly queries only through an interface of its own, which
// *sql.DB implements: it names no sink.
package ifaceonly

import (
	"database/sql"
	"os"
)

// Querier is the package's view of a database.
type Querier interface {
	Query(query string, args ...interface{}) (*sql.Rows, error)
}

func list(q Querier) {
	q.Query("SELECT * FROM t WHERE a = '" + os.Args[1] + "'") // want `query text passed to \(ifaceonly.Querier\).Query is built from external input \(os.Args\[...\]\)`
	q.Query("SELECT * FROM t")
}

func generic[T Querier](t T) {
	t.Query("SELECT * FROM t WHERE b = '" + os.Args[1] + "'") // want `query text passed to \(ifaceonly.Querier\).Query is built from external input`
}

// Getter is implemented by no sink.
type Getter interface{ Get(key string) string }

func get(g Getter) string { return g.Get("k" + os.Args[1]) }

// An interface literal is named by the sink that implements it.
func literal(q interface {
	Query(query string, args ...interface{}) (*sql.Rows, error)
}) {
	q.Query("SELECT * FROM t WHERE c = '" + os.Args[1] + "'") // want `query text passed to \(\*sql.DB\).Query is built from external input`
}
