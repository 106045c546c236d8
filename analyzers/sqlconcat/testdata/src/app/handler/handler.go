package handler

import (
	"context"
	"database/sql"

	"app/store"
	"go-micro.dev/v4"
)

type FindRequest struct {
	Name  string
	Limit int
}

type FindResponse struct{}

type Users struct {
	store *store.Store
	db    *sql.DB
}

func (h *Users) Find(ctx context.Context, req *FindRequest, rsp *FindResponse) error {
	h.store.ByName(req.Name) // want `query text that \(\*store.Store\).ByName passes to \(\*sql.DB\).Query \(store/store.go:15\) is built from external input \(req.Name\); pass values as arguments with \$1, \$2 placeholders`
	h.store.ByID(req.Limit)
	h.db.Query("SELECT * FROM t" + store.Limit(req.Limit))
	h.db.Query("SELECT * FROM t WHERE " + store.Where("name", req.Name)) // want `query text passed to \(\*sql.DB\).Query is built from external input \(req.Name\)`
	h.db.Query("SELECT * FROM t WHERE " + store.Where("name", "admin"))
	store.Run(h.db, "DELETE FROM t WHERE name = '"+req.Name+"'") // want `query text that store.Run passes to \(\*sql.DB\).Exec \(store/store.go:33\) is built from external input \(req.Name\)`
	store.Run(h.db, "DELETE FROM t")
	return nil
}

// Other has a handler's shape but is never registered: its request is
// judged at callers, and there are none.
type Other struct{ store *store.Store }

func (o *Other) Find(ctx context.Context, req *FindRequest, rsp *FindResponse) error { // want Find:`sink\(sql@\(\*sql.DB\).Query:constant\+p2\.0\)`
	return o.store.ByName(req.Name)
}

func Register(svc micro.Service) error {
	return micro.RegisterHandler(svc.Server(), &Users{})
}
