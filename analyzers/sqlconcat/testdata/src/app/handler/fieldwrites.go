package handler

import (
	"context"
	"encoding/json"
	"errors"

	"go-micro.dev/v4/logger"

	"app/listpb"
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

// Values that hold the request's pointer, made before the check: calls
// given them after it may change the field.
func target(r *SearchRequest) any { return r }

type sortSetter interface{ SetSort(string) }

func (r *SearchRequest) SetSort(s string) { r.Sort = s }

func asSetter(r *SearchRequest) sortSetter { return r }

func (h *Users) SearchDecoded(ctx context.Context, req *SearchRequest, rsp *SearchResponse) error {
	dst := target(req)
	if !sortable[req.Sort] {
		return errors.New("bad sort")
	}
	json.Unmarshal([]byte(req.Extra), dst)
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.Sort) // want `query text passed to \(\*sql.DB\).QueryContext is built from external input`
	return nil
}

func (h *Users) SearchDecodedBefore(ctx context.Context, req *SearchRequest, rsp *SearchResponse) error {
	dst := target(req)
	json.Unmarshal([]byte(req.Extra), dst)
	if !sortable[req.Sort] {
		return errors.New("bad sort")
	}
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.Sort)
	return nil
}

func (h *Users) SearchSet(ctx context.Context, req *SearchRequest, rsp *SearchResponse) error {
	s := asSetter(req)
	if !sortable[req.Sort] {
		return errors.New("bad sort")
	}
	s.SetSort(req.Name)
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.Sort) // want `query text passed to \(\*sql.DB\).QueryContext is built from external input`
	return nil
}

func (h *Users) SearchSetBefore(ctx context.Context, req *SearchRequest, rsp *SearchResponse) error {
	s := asSetter(req)
	s.SetSort(req.Name)
	if !sortable[req.Sort] {
		return errors.New("bad sort")
	}
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.Sort)
	return nil
}

// A copy of the pointer kept where other code finds it, or in a local
// list: calls after the check may reach the field through it.
var pending []*SearchRequest

func resetPending() {
	for _, p := range pending {
		p.Sort = p.Name
	}
}

func (h *Users) SearchQueued(ctx context.Context, req *SearchRequest, rsp *SearchResponse) error {
	pending = append(pending, req)
	if !sortable[req.Sort] {
		return errors.New("bad sort")
	}
	resetPending()
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.Sort) // want `query text passed to \(\*sql.DB\).QueryContext is built from external input`
	return nil
}

func (h *Users) SearchQueuedBefore(ctx context.Context, req *SearchRequest, rsp *SearchResponse) error {
	pending = append(pending, req)
	resetPending()
	if !sortable[req.Sort] {
		return errors.New("bad sort")
	}
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.Sort)
	return nil
}

func (h *Users) SearchListed(ctx context.Context, req *SearchRequest, rsp *SearchResponse) error {
	dsts := []any{req}
	if !sortable[req.Sort] {
		return errors.New("bad sort")
	}
	json.Unmarshal([]byte(req.Extra), dsts[0])
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.Sort) // want `query text passed to \(\*sql.DB\).QueryContext is built from external input`
	return nil
}

func (h *Users) SearchListedBefore(ctx context.Context, req *SearchRequest, rsp *SearchResponse) error {
	dsts := []any{req}
	json.Unmarshal([]byte(req.Extra), dsts[0])
	if !sortable[req.Sort] {
		return errors.New("bad sort")
	}
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.Sort)
	return nil
}

// A method named like a getter is judged by its body.
func (r *SearchRequest) GetEffective() *SearchRequest {
	if r.Legacy != "" {
		r.Sort = r.Legacy
	}
	return r
}

func (r *SearchRequest) GetName() string { // want GetName:`results\(constant\+p0\.4\)`
	if r != nil {
		return r.Name
	}
	return ""
}

func (h *Users) SearchEffective(ctx context.Context, req *SearchRequest, rsp *SearchResponse) error {
	if !sortable[req.Sort] {
		return errors.New("bad sort")
	}
	req.GetEffective()
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.Sort) // want `query text passed to \(\*sql.DB\).QueryContext is built from external input`
	return nil
}

func (h *Users) SearchGetter(ctx context.Context, req *SearchRequest, rsp *SearchResponse) error {
	if !sortable[req.Sort] {
		return errors.New("bad sort")
	}
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.Sort+" -- "+req.GetName()) // want `query text passed to \(\*sql.DB\).QueryContext is built from external input \(req.Name\)`
	h.db.QueryContext(ctx, "SELECT * FROM users WHERE name = $1 ORDER BY "+req.Sort, req.GetName())
	return nil
}

// Getters of a message of another package: generated ones read only.
func (h *Users) ListProto(ctx context.Context, req *listpb.ListRequest, rsp *ListResponse) error {
	if !sortable[req.Sort] {
		return errors.New("bad sort")
	}
	h.db.QueryContext(ctx, "SELECT * FROM users WHERE name = $1 ORDER BY "+req.Sort, req.GetName())
	h.db.QueryContext(ctx, "SELECT * FROM users WHERE name = $1 ORDER BY "+req.Sort, req.String())
	return nil
}

func (h *Users) ListProtoEffective(ctx context.Context, req *listpb.ListRequest, rsp *ListResponse) error {
	if !sortable[req.Sort] {
		return errors.New("bad sort")
	}
	req.GetEffective()
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.Sort) // want `query text passed to \(\*sql.DB\).QueryContext is built from external input`
	return nil
}

// go-micro's service template logs the request before it uses it:
// logging and marshalling read the request, and keep the check.
func (h *Users) SearchLogged(ctx context.Context, req *SearchRequest, rsp *SearchResponse) error {
	if !sortable[req.Sort] {
		return errors.New("bad sort")
	}
	logger.Infof("Received Users.Search request: %v", req)
	b, _ := json.Marshal(req)
	_ = b
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.Sort)
	return nil
}

func (h *Users) SearchLoggedRefilled(ctx context.Context, req *SearchRequest, rsp *SearchResponse) error {
	if !sortable[req.Sort] {
		return errors.New("bad sort")
	}
	logger.Infof("Received Users.Search request: %v", req)
	json.Unmarshal([]byte(req.Extra), req)
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.Sort) // want `query text passed to \(\*sql.DB\).QueryContext is built from external input`
	return nil
}
