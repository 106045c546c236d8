package queries

import (
	"database/sql"
	"errors"
	"net/http"
	"os"
	"strings"
)

var splitColumns = map[string]bool{"name": true, "created_at": true}

// SplitColumns is exported: other packages may add to it.
var SplitColumns = map[string]bool{"name": true}

var errBadSplit = errors.New("bad sort")

// Text every piece of which, split at a constant separator, is checked
// against an allow list on every pass of the loop, each failure leaving
// the function, is those pieces joined by the constant: safe.
func splitChecked(db *sql.DB) {
	sort := os.Getenv("SORT")
	for _, p := range strings.Split(sort, ",") {
		if !splitColumns[p] {
			return
		}
	}
	db.Query("SELECT * FROM users ORDER BY " + sort)
}

func splitSwitch(db *sql.DB) error {
	sort := os.Getenv("SORT")
	for _, p := range strings.Split(sort, ",") {
		switch p {
		case "name", "created_at":
		default:
			return errBadSplit
		}
	}
	_, err := db.Query("SELECT * FROM users ORDER BY " + sort)
	return err
}

func splitNamed(db *sql.DB) error {
	sort := os.Getenv("SORT")
	parts := strings.Split(sort, ", ")
	for i := range parts {
		if _, ok := splitColumns[parts[i]]; !ok {
			return errBadSplit
		}
	}
	_, err := db.Query("SELECT * FROM users ORDER BY " + sort + " DESC")
	return err
}

// Trimmed pieces: the whole text may hold spaces the check never saw.
func splitTrimmed(db *sql.DB) {
	sort := os.Getenv("SORT")
	for _, p := range strings.Split(sort, ",") {
		p = strings.TrimSpace(p)
		if !splitColumns[p] {
			return
		}
	}
	db.Query("SELECT * FROM users ORDER BY " + sort) // want `query text passed to \(\*sql.DB\).Query is built from external input`
}

// A piece that fails only skips itself.
func splitContinue(db *sql.DB) {
	sort := os.Getenv("SORT")
	for _, p := range strings.Split(sort, ",") {
		if !splitColumns[p] {
			continue
		}
	}
	db.Query("SELECT * FROM users ORDER BY " + sort) // want `query text passed to \(\*sql.DB\).Query is built from external input`
}

// A break leaves the loop with pieces unchecked.
func splitBreak(db *sql.DB) {
	sort := os.Getenv("SORT")
	for _, p := range strings.Split(sort, ",") {
		if !splitColumns[p] {
			break
		}
	}
	db.Query("SELECT * FROM users ORDER BY " + sort) // want `query text passed to \(\*sql.DB\).Query is built from external input`
}

// The check is of another variable.
func splitOtherCheck(db *sql.DB) {
	sort, dir := os.Getenv("SORT"), os.Getenv("OTHER")
	for range strings.Split(sort, ",") {
		if !splitColumns[dir] {
			return
		}
	}
	db.Query("SELECT * FROM users ORDER BY " + sort) // want `query text passed to \(\*sql.DB\).Query is built from external input`
}

// The loop splits other text.
func splitOther(db *sql.DB) {
	sort, other := os.Getenv("SORT"), os.Getenv("OTHER")
	for _, p := range strings.Split(other, ",") {
		if !splitColumns[p] {
			return
		}
	}
	db.Query("SELECT * FROM users ORDER BY " + sort) // want `query text passed to \(\*sql.DB\).Query is built from external input`
}

// The text changes after the loop.
func splitChanged(db *sql.DB) {
	sort, other := os.Getenv("SORT"), os.Getenv("OTHER")
	for _, p := range strings.Split(sort, ",") {
		if !splitColumns[p] {
			return
		}
	}
	sort = other
	db.Query("SELECT * FROM users ORDER BY " + sort) // want `query text passed to \(\*sql.DB\).Query is built from external input`
}

// An exported map is no allow list.
func splitExported(db *sql.DB) {
	sort := os.Getenv("SORT")
	for _, p := range strings.Split(sort, ",") {
		if !SplitColumns[p] {
			return
		}
	}
	db.Query("SELECT * FROM users ORDER BY " + sort) // want `query text passed to \(\*sql.DB\).Query is built from external input`
}

// Fields splits at any white space, which the whole text holds unseen.
func splitFields(db *sql.DB) {
	sort := os.Getenv("SORT")
	for _, p := range strings.Fields(sort) {
		if !splitColumns[p] {
			return
		}
	}
	db.Query("SELECT * FROM users ORDER BY " + sort) // want `query text passed to \(\*sql.DB\).Query is built from external input`
}

// A piece changed in the list before the check.
func splitRewritten(db *sql.DB) {
	sort := os.Getenv("SORT")
	parts := strings.Split(sort, ",")
	parts[0] = "name"
	for _, p := range parts {
		if !splitColumns[p] {
			return
		}
	}
	db.Query("SELECT * FROM users ORDER BY " + sort) // want `query text passed to \(\*sql.DB\).Query is built from external input`
}

// A field split and checked so, read again unchanged.
func splitField(db *sql.DB, r *http.Request) {
	req := listRequest{Sort: r.FormValue("sort")}
	for _, p := range strings.Split(req.Sort, ",") {
		if !splitColumns[p] {
			return
		}
	}
	db.Query("SELECT * FROM users ORDER BY " + req.Sort)
}

// The field written while its pieces are checked.
func splitFieldWritten(db *sql.DB, r *http.Request) {
	req := listRequest{Sort: r.FormValue("sort")}
	for _, p := range strings.Split(req.Sort, ",") {
		if !splitColumns[p] {
			return
		}
		req.Sort = r.FormValue("other")
	}
	db.Query("SELECT * FROM users ORDER BY " + req.Sort) // want `query text passed to \(\*sql.DB\).Query is built from external input \(r.FormValue\(...\)\)`
}

// A separator starting with "-" is left out: the whole text may start
// with it where no piece does.
func splitDash(db *sql.DB) {
	sort := os.Getenv("SORT")
	for _, p := range strings.Split(sort, "-") {
		if !splitColumns[p] {
			return
		}
	}
	db.Query("SELECT * FROM users ORDER BY " + sort) // want `query text passed to \(\*sql.DB\).Query is built from external input`
}

// A separator with a character SQL or a shell gives a meaning to is left
// out: it stands between the pieces unchecked.
func splitSemicolon(db *sql.DB) {
	sort := os.Getenv("SORT")
	for _, p := range strings.Split(sort, "; DROP TABLE users; --") {
		if !splitColumns[p] {
			return
		}
	}
	db.Query("SELECT * FROM users ORDER BY " + sort) // want `query text passed to \(\*sql.DB\).Query is built from external input`
}
