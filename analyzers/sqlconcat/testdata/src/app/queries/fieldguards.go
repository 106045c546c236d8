package queries

import (
	"database/sql"
	"errors"
	"log"
	"net/http"
	"slices"

	"app/listpb"
)

type listRequest struct{ Sort, Name string }

type update struct{ Col, Val string }

// A field checked against an allow list, and read again from the same
// unchanged variable, is as safe as a checked local.
func fieldGuarded(db *sql.DB, r *http.Request) {
	req := listRequest{Sort: r.FormValue("sort"), Name: r.FormValue("name")}
	if !allowedSort[req.Sort] {
		return
	}
	db.Query("SELECT * FROM users ORDER BY " + req.Sort)
	db.Query("SELECT * FROM users WHERE name = '" + req.Name + "'") // want `query text passed to \(\*sql.DB\).Query is built from external input \(r.FormValue\(...\)\)`
}

func fieldCompared(db *sql.DB, r *http.Request) {
	q := listRequest{Sort: r.FormValue("sort"), Name: r.FormValue("name")}
	if q.Sort != "name" && q.Sort != "id" {
		return
	}
	db.Query("SELECT * FROM users ORDER BY " + q.Sort)
	if q.Sort != "name" && q.Name != "id" {
		return
	}
	// The path where q.Name is "id" skips this check of q.Sort, but
	// not the one above.
	db.Query("SELECT * FROM users ORDER BY " + q.Sort)
}

func fieldComparedOther(db *sql.DB, r *http.Request) {
	q := listRequest{Sort: r.FormValue("sort"), Name: r.FormValue("name")}
	if q.Sort != "name" && q.Name != "id" {
		return
	}
	db.Query("SELECT * FROM users ORDER BY " + q.Sort) // want `query text passed to \(\*sql.DB\).Query is built from external input \(r.FormValue\(...\)\)`
}

func fieldContained(db *sql.DB, r *http.Request) {
	q := listRequest{Sort: r.FormValue("sort")}
	if !slices.Contains([]string{"name", "id"}, q.Sort) {
		return
	}
	db.Query("SELECT * FROM users ORDER BY " + q.Sort)
}

// Another variable of the same type is not checked.
func fieldOtherVariable(db *sql.DB, r *http.Request) {
	a := listRequest{Sort: r.FormValue("a")}
	b := listRequest{Sort: r.FormValue("b")}
	if !allowedSort[a.Sort] {
		return
	}
	db.Query("SELECT * FROM users ORDER BY " + a.Sort)
	db.Query("SELECT * FROM users ORDER BY " + b.Sort) // want `query text passed to \(\*sql.DB\).Query is built from external input \(r.FormValue\(...\)\)`
}

// A field written after the check is not the checked text.
func fieldRewritten(db *sql.DB, r *http.Request) {
	req := listRequest{Sort: r.FormValue("sort")}
	if !allowedSort[req.Sort] {
		return
	}
	req.Sort = r.FormValue("other")
	db.Query("SELECT * FROM users ORDER BY " + req.Sort) // want `query text passed to \(\*sql.DB\).Query is built from external input \(r.FormValue\(...\)\)`
}

func fieldReplaced(db *sql.DB, r *http.Request) {
	req := listRequest{Sort: r.FormValue("sort")}
	if !allowedSort[req.Sort] {
		return
	}
	req = listRequest{Sort: r.FormValue("other")}
	db.Query("SELECT * FROM users ORDER BY " + req.Sort) // want `query text passed to \(\*sql.DB\).Query is built from external input \(r.FormValue\(...\)\)`
}

func refill(req *listRequest, r *http.Request) { req.Sort = r.FormValue("other") }

func fieldRefilled(db *sql.DB, r *http.Request) {
	req := listRequest{Sort: r.FormValue("sort")}
	if !allowedSort[req.Sort] {
		return
	}
	refill(&req, r)
	db.Query("SELECT * FROM users ORDER BY " + req.Sort) // want `query text passed to \(\*sql.DB\).Query is built from external input`
}

// Each pass of a loop checks its own element.
func fieldInLoop(db *sql.DB, ups []update) error {
	for _, u := range ups {
		if !allowedSort[u.Col] {
			return errors.New("bad column")
		}
		db.Exec("UPDATE users SET "+u.Col+" = $1", u.Val)
	}
	return nil
}

func fieldInLoopUnchecked(db *sql.DB, ups []update) {
	for _, u := range ups {
		if allowedSort[u.Col] {
			db.Exec("UPDATE users SET name = $1", u.Val)
		}
		db.Exec("UPDATE users SET "+u.Col+" = $1", u.Val)
	}
}

func callsFieldInLoop(db *sql.DB, r *http.Request) {
	fieldInLoop(db, []update{{Col: r.FormValue("col")}})
	fieldInLoopUnchecked(db, []update{{Col: r.FormValue("col")}}) // want `query text that queries.fieldInLoopUnchecked passes to \(\*sql.DB\).Exec`
}

// Printing the variable does not change it; a closure that holds it may.
func fieldLogged(db *sql.DB, r *http.Request) {
	req := listRequest{Sort: r.FormValue("sort")}
	if !allowedSort[req.Sort] {
		return
	}
	log.Printf("listing %+v", &req)
	db.Query("SELECT * FROM users ORDER BY " + req.Sort)
}

func fieldCaptured(db *sql.DB, r *http.Request) {
	req := listRequest{Sort: r.FormValue("sort")}
	reset := func() { req.Sort = r.FormValue("other") }
	if !allowedSort[req.Sort] {
		return
	}
	reset()
	db.Query("SELECT * FROM users ORDER BY " + req.Sort) // want `query text passed to \(\*sql.DB\).Query is built from external input`
}

// A struct held in a package variable may be written by any function the
// handler calls: a call between the check and the query voids the check.
var current listRequest

func loadCurrent(r *http.Request) { current.Sort = r.FormValue("sort2") }

func globalFieldRewritten(db *sql.DB, r *http.Request) {
	current.Sort = r.FormValue("sort")
	if !allowedSort[current.Sort] {
		return
	}
	loadCurrent(r)
	db.Query("SELECT * FROM users ORDER BY " + current.Sort) // want `query text passed to \(\*sql.DB\).Query is built from external input`
}

func globalFieldKept(db *sql.DB, r *http.Request) {
	current.Sort = r.FormValue("sort")
	if !allowedSort[current.Sort] {
		return
	}
	db.Query("SELECT * FROM users ORDER BY " + current.Sort)
}

// A local request whose nested message is reached through a pointer
// made before: the local variable's own fields are not all there is.
func nestedLocal(db *sql.DB, r *http.Request) {
	req := listpb.PageRequest{Page: &listpb.Page{Sort: r.FormValue("sort")}}
	if !allowedSort[req.Page.Sort] {
		return
	}
	db.Query("SELECT * FROM users ORDER BY " + req.Page.Sort)
	db.Query("SELECT * FROM users ORDER BY " + req.GetPage().GetSort())
}

func nestedLocalShared(db *sql.DB, r *http.Request) {
	p := &listpb.Page{Sort: r.FormValue("sort")}
	req := listpb.PageRequest{Page: p}
	if !allowedSort[req.Page.Sort] {
		return
	}
	p.Sort = r.FormValue("other")
	db.Query("SELECT * FROM users ORDER BY " + req.Page.Sort) // want `query text passed to \(\*sql.DB\).Query is built from external input`
}

// A constant fallback written into a local request's field.
func fieldFallback(db *sql.DB, r *http.Request) {
	req := listRequest{Sort: r.FormValue("sort")}
	if !allowedSort[req.Sort] {
		req.Sort = "id"
	}
	db.Query("SELECT * FROM users ORDER BY " + req.Sort)
}

func fieldFallbackUnchecked(db *sql.DB, r *http.Request) {
	req := listRequest{Sort: r.FormValue("sort")}
	if allowedSort[req.Sort] {
		req.Sort = "id"
	}
	db.Query("SELECT * FROM users ORDER BY " + req.Sort) // want `query text passed to \(\*sql.DB\).Query is built from external input`
}
