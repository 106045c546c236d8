package queries

import (
	"database/sql"
	"errors"
	"net/http"

	"gorm.io/gorm"
)

// A function literal that captures a parameter builds its query from
// whatever the callers pass for it, whether it runs where it is made, is
// deferred, runs in a goroutine, or is handed to a function that runs it
// later (a retry loop, a transaction).

func retry(n int, fn func() error) error {
	var err error
	for range n {
		if err = fn(); err == nil {
			return nil
		}
	}
	return err
}

func orderBy(db *sql.DB, col string) {
	f := func() { db.Query("SELECT * FROM t ORDER BY " + col) }
	f()
}

func deleteWithRetry(db *sql.DB, id string) error {
	return retry(3, func() error {
		_, err := db.Exec("DELETE FROM t WHERE id = " + id)
		return err
	})
}

func alterInTx(db *gorm.DB, table string) error {
	return db.Transaction(func(tx *gorm.DB) error {
		return tx.Exec("ALTER TABLE " + table + " ADD COLUMN c int").Error
	})
}

func deferred(db *sql.DB, col string) {
	defer func() { db.Query("SELECT * FROM t ORDER BY " + col) }()
}

func background(db *sql.DB, col string) {
	go func() { db.Query("SELECT * FROM u ORDER BY " + col) }()
}

// Two levels of literals, called where they are made and handed on.
func nestedCalled(db *sql.DB, col string) {
	outer := func() {
		inner := func() { db.Query("SELECT * FROM t ORDER BY " + col) }
		inner()
	}
	outer()
}

func nestedHanded(db *sql.DB, col string) error {
	return retry(1, func() error {
		return retry(1, func() error {
			_, err := db.Exec("DELETE FROM t WHERE c = " + col)
			return err
		})
	})
}

var sortable = map[string]bool{"name": true, "id": true}

// checkedBeforeClosure checks the column before the literal is made.
func checkedBeforeClosure(db *sql.DB, col string) error {
	if !sortable[col] {
		return errors.New("bad column")
	}
	return retry(1, func() error {
		_, err := db.Query("SELECT * FROM t ORDER BY " + col)
		return err
	})
}

// captureNotInQuery captures the column but builds the query without it.
func captureNotInQuery(db *sql.DB, col string) error {
	return retry(1, func() error {
		if len(col) > 64 {
			return errors.New("long column")
		}
		_, err := db.Query("SELECT * FROM t ORDER BY id")
		return err
	})
}

// A literal that compares with the elements of a captured list checks
// against that list: an allow list only when the list is constant.
func sortByListed(db *sql.DB, cols []string, col string) {
	contains := func(s string) bool {
		for _, v := range cols {
			if v == s {
				return true
			}
		}
		return false
	}
	if !contains(col) {
		return
	}
	db.Query("SELECT * FROM t ORDER BY " + col)
}

var knownCols = []string{"id", "name"}

func sortByKnown(db *sql.DB, col string) {
	contains := func(s string) bool {
		for _, v := range knownCols {
			if v == s {
				return true
			}
		}
		return false
	}
	if !contains(col) {
		return
	}
	db.Query("SELECT * FROM t ORDER BY " + col)
}

func closureCallers(db *sql.DB, g *gorm.DB, r *http.Request) {
	col := r.FormValue("sort")
	orderBy(db, col) // want `query text that queries.orderBy → a function literal in queries.orderBy passes to \(\*sql.DB\).Query \(queries/closures.go:\d+\) is built from external input \(r.FormValue\(...\)\)`
	orderBy(db, "name")
	deleteWithRetry(db, col) // want `query text that queries.deleteWithRetry → a function literal in queries.deleteWithRetry passes to \(\*sql.DB\).Exec \(queries/closures.go:\d+\) is built from external input`
	deleteWithRetry(db, "1")
	alterInTx(g, col) // want `query text that queries.alterInTx → a function literal in queries.alterInTx passes to \(\*gorm.DB\).Exec \(queries/closures.go:\d+\) is built from external input`
	alterInTx(g, "users")
	deferred(db, col) // want `query text that queries.deferred → a function literal in queries.deferred passes to \(\*sql.DB\).Query`
	deferred(db, "id")
	background(db, col) // want `query text that queries.background → a function literal in queries.background passes to \(\*sql.DB\).Query`
	background(db, "id")
	nestedCalled(db, col) // want `query text that queries.nestedCalled → a function literal in queries.nestedCalled → a function literal in queries.nestedCalled passes to \(\*sql.DB\).Query`
	nestedCalled(db, "id")
	nestedHanded(db, col) // want `query text that queries.nestedHanded → .* passes to \(\*sql.DB\).Exec \(queries/closures.go:\d+\) is built from external input`
	nestedHanded(db, "1")
	checkedBeforeClosure(db, col)
	captureNotInQuery(db, col)
	sortByKnown(db, col)
	sortByListed(db, r.Form["cols"], col) // want `query text that queries.sortByListed passes to \(\*sql.DB\).Query \(queries/closures.go:\d+\) is built from external input`
}
