package handler

import (
	"context"
	"database/sql"
	"errors"

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
	last  *ListRequest
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

type ListRequest struct{ Sort, Name string }

type ListResponse struct{}

var sortable = map[string]bool{"name": true, "id": true}

// A field of the request checked against an allow list is safe where
// every path to the query checked it and nothing wrote it since.
func (h *Users) List(ctx context.Context, req *ListRequest, rsp *ListResponse) error {
	if !sortable[req.Sort] {
		return errors.New("bad sort")
	}
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.Sort)
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.Name) // want `query text passed to \(\*sql.DB\).QueryContext is built from external input \(req.Name\)`
	return nil
}

func (h *Users) ListRewritten(ctx context.Context, req *ListRequest, rsp *ListResponse) error {
	if !sortable[req.Sort] {
		return errors.New("bad sort")
	}
	req.Sort = req.Name
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.Sort) // want `query text passed to \(\*sql.DB\).QueryContext is built from external input \(req.Name\)`
	return nil
}

// last may point to the request: a store through it may change req.Sort.
func (h *Users) ListAliased(ctx context.Context, req *ListRequest, rsp *ListResponse) error {
	last := h.last
	if !sortable[req.Sort] {
		return errors.New("bad sort")
	}
	last.Sort = req.Name
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.Sort) // want `query text passed to \(\*sql.DB\).QueryContext is built from external input \(req.Sort\)`
	return nil
}

func normalise(req *ListRequest) { req.Sort = req.Name }

func (h *Users) ListNormalised(ctx context.Context, req *ListRequest, rsp *ListResponse) error {
	if !sortable[req.Sort] {
		return errors.New("bad sort")
	}
	normalise(req)
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.Sort) // want `query text passed to \(\*sql.DB\).QueryContext is built from external input`
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
