package handler

import (
	"context"
	"errors"
)

type SearchRequest struct{ Sort, Fallback, Extra, Legacy, Name string }

type SearchResponse struct{}

// A write between the check's reading of the field and its branch: the
// branch no longer tells what the field holds.
func (h *Users) SearchLate(ctx context.Context, req *SearchRequest, rsp *SearchResponse) error {
	ok := sortable[req.Sort]
	if req.Fallback != "" {
		req.Sort = req.Fallback
	}
	if !ok {
		return errors.New("bad sort")
	}
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.Sort) // want `query text passed to \(\*sql.DB\).QueryContext is built from external input \(req.Fallback\)`
	return nil
}

func (h *Users) SearchEarly(ctx context.Context, req *SearchRequest, rsp *SearchResponse) error {
	if req.Fallback != "" {
		req.Sort = req.Fallback
	}
	ok := sortable[req.Sort]
	if req.Name != "" {
		req.Extra = req.Name
	}
	if !ok {
		return errors.New("bad sort")
	}
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.Sort)
	return nil
}
