package handler

import (
	"context"
	"encoding/json"
	"errors"

	"app/listpb"
)

// A generated request: a check made through the getter counts for the
// field, and the other way round, as long as nothing may write the field
// in between.
func (h *Users) PageSwitch(ctx context.Context, req *listpb.PageRequest, rsp *ListResponse) error {
	switch req.GetSort() {
	case "name", "id":
	default:
		return errors.New("bad sort")
	}
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.GetSort())
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.Sort)
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.GetName()) // want `query text passed to \(\*sql.DB\).QueryContext is built from external input`
	return nil
}

func (h *Users) PageFieldThenGetter(ctx context.Context, req *listpb.PageRequest, rsp *ListResponse) error {
	if !sortable[req.Sort] {
		return errors.New("bad sort")
	}
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.GetSort())
	return nil
}

func (h *Users) PageMapGetter(ctx context.Context, req *listpb.PageRequest, rsp *ListResponse) error {
	if !sortable[req.GetSort()] {
		return errors.New("bad sort")
	}
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.Sort)
	return nil
}

func (h *Users) PageGetterRewritten(ctx context.Context, req *listpb.PageRequest, rsp *ListResponse) error {
	switch req.GetSort() {
	case "name", "id":
	default:
		return errors.New("bad sort")
	}
	req.Sort = req.Name
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.GetSort()) // want `query text passed to \(\*sql.DB\).QueryContext is built from external input`
	return nil
}

// A write between the getter's reading and the branch.
func (h *Users) PageGetterLate(ctx context.Context, req *listpb.PageRequest, rsp *ListResponse) error {
	ok := sortable[req.GetSort()]
	if req.Name != "" {
		req.Sort = req.Name
	}
	if !ok {
		return errors.New("bad sort")
	}
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.Sort) // want `query text passed to \(\*sql.DB\).QueryContext is built from external input`
	return nil
}

// An interface that holds the request, made before the check.
func (h *Users) PageGetterDecoded(ctx context.Context, req *listpb.PageRequest, rsp *ListResponse) error {
	var dst any = req
	if !sortable[req.GetSort()] {
		return errors.New("bad sort")
	}
	json.Unmarshal([]byte(req.Name), dst)
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.GetSort()) // want `query text passed to \(\*sql.DB\).QueryContext is built from external input`
	return nil
}

// GetSort of a type that is no message is not its field.
func (h *Users) PlainGetter(ctx context.Context, req *listpb.Plain, rsp *ListResponse) error {
	if !sortable[req.GetSort()] {
		return errors.New("bad sort")
	}
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.Sort) // want `query text passed to \(\*sql.DB\).QueryContext is built from external input`
	return nil
}

func (h *Users) PlainField(ctx context.Context, req *listpb.Plain, rsp *ListResponse) error {
	if !sortable[req.Sort] {
		return errors.New("bad sort")
	}
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.GetSort()) // want `query text passed to \(\*sql.DB\).QueryContext is built from external input`
	return nil
}

// A message's getter written by hand, here or in its package, is judged
// by its body or its fact: these read another field.
type EditedRequest struct{ Sort, Legacy string }

func (*EditedRequest) ProtoMessage() {}

func (x *EditedRequest) GetSort() string { // want GetSort:`results\(constant\+p0\.0,0\.1\)`
	if x.Legacy != "" {
		return x.Legacy
	}
	return x.Sort
}

func (h *Users) EditedGetter(ctx context.Context, req *EditedRequest, rsp *ListResponse) error {
	if !sortable[req.GetSort()] {
		return errors.New("bad sort")
	}
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.Sort) // want `query text passed to \(\*sql.DB\).QueryContext is built from external input`
	return nil
}

func (h *Users) EditedOtherPackage(ctx context.Context, req *listpb.Edited, rsp *ListResponse) error {
	if !sortable[req.Sort] {
		return errors.New("bad sort")
	}
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.GetSort()) // want `query text passed to \(\*sql.DB\).QueryContext is built from external input`
	return nil
}

func (h *Users) SourcedGetter(ctx context.Context, req *listpb.Sourced, rsp *ListResponse) error {
	if !sortable[req.Sort] {
		return errors.New("bad sort")
	}
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.GetSort()) // want `query text passed to \(\*sql.DB\).QueryContext is built from`
	return nil
}
