package queries

import (
	"database/sql"
	"encoding/json"
	"net/http"
	"os"
)

type searchReq struct{ Name string }

// A query built from a decoded request body is built from external
// input, which the message says; one built from a decoded file is built
// from non-constant text.
func decodedQuery(db *sql.DB, r *http.Request) {
	var req searchReq
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		return
	}
	db.Query("SELECT id FROM users WHERE name = '" + req.Name + "'") // want `query text passed to \(\*sql.DB\).Query is built from external input \(r.Body\)`
	db.Query("SELECT id FROM users WHERE name = $1", req.Name)

	f, err := os.Open("/etc/app/search.json")
	if err != nil {
		return
	}
	var saved searchReq
	if err := json.NewDecoder(f).Decode(&saved); err != nil {
		return
	}
	db.Query("SELECT id FROM users WHERE name = '" + saved.Name + "'") // want `query text passed to \(\*sql.DB\).Query is built from non-constant text \(os.Open\(...\)\)`
}
