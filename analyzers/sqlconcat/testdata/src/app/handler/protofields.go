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

// A field of a nested message: req.Page is a pointer, read anew at each
// use.
func (h *Users) PageNested(ctx context.Context, req *listpb.PageRequest, rsp *ListResponse) error {
	if !sortable[req.Page.Sort] {
		return errors.New("bad sort")
	}
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.Page.Sort)
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.GetPage().GetSort())
	return nil
}

func (h *Users) PageNestedGetters(ctx context.Context, req *listpb.PageRequest, rsp *ListResponse) error {
	switch req.GetPage().GetSort() {
	case "name", "id":
	default:
		return errors.New("bad sort")
	}
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.GetPage().GetSort())
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.Page.Sort)
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.GetPage().Sort)
	return nil
}

func (h *Users) PageNestedReplaced(ctx context.Context, req *listpb.PageRequest, rsp *ListResponse) error {
	if !sortable[req.GetPage().GetSort()] {
		return errors.New("bad sort")
	}
	req.Page = &listpb.Page{Sort: req.Name}
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.Page.Sort) // want `query text passed to \(\*sql.DB\).QueryContext is built from external input`
	return nil
}

func (h *Users) PageNestedWritten(ctx context.Context, req *listpb.PageRequest, rsp *ListResponse) error {
	if !sortable[req.Page.Sort] {
		return errors.New("bad sort")
	}
	req.Page.Sort = req.Name
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.GetPage().GetSort()) // want `query text passed to \(\*sql.DB\).QueryContext is built from`
	return nil
}

// The page read before req.Page was replaced is not the one checked, nor
// the other way round.
func (h *Users) PageNestedStale(ctx context.Context, req *listpb.PageRequest, rsp *ListResponse) error {
	p := req.Page
	req.Page = &listpb.Page{Sort: req.Name}
	if !sortable[req.Page.Sort] {
		return errors.New("bad sort")
	}
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+p.Sort) // want `query text passed to \(\*sql.DB\).QueryContext is built from external input`
	return nil
}

func (h *Users) PageNestedStaleCheck(ctx context.Context, req *listpb.PageRequest, rsp *ListResponse) error {
	p := req.GetPage()
	req.Page = &listpb.Page{Sort: req.Name}
	if !sortable[p.GetSort()] {
		return errors.New("bad sort")
	}
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.Page.Sort) // want `query text passed to \(\*sql.DB\).QueryContext is built from external input`
	return nil
}

func refillPage(p *listpb.Page, s string) { p.Sort = s }

func (h *Users) PageNestedRefilled(ctx context.Context, req *listpb.PageRequest, rsp *ListResponse) error {
	if !sortable[req.Page.Sort] {
		return errors.New("bad sort")
	}
	refillPage(req.GetPage(), req.Name)
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.Page.Sort) // want `query text passed to \(\*sql.DB\).QueryContext is built from external input`
	return nil
}

// The nested message held where other code finds it, in a closure or an
// interface made before the check.
var pendingPages []*listpb.Page

func resetPages(s string) {
	for _, p := range pendingPages {
		p.Sort = s
	}
}

func (h *Users) PageNestedQueued(ctx context.Context, req *listpb.PageRequest, rsp *ListResponse) error {
	pendingPages = append(pendingPages, req.Page)
	if !sortable[req.Page.Sort] {
		return errors.New("bad sort")
	}
	resetPages(req.Name)
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.Page.Sort) // want `query text passed to \(\*sql.DB\).QueryContext is built from external input`
	return nil
}

func (h *Users) PageNestedCaptured(ctx context.Context, req *listpb.PageRequest, rsp *ListResponse) error {
	p := req.GetPage()
	reset := func() { p.Sort = req.Name }
	if !sortable[req.Page.Sort] {
		return errors.New("bad sort")
	}
	reset()
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.Page.Sort) // want `query text passed to \(\*sql.DB\).QueryContext is built from external input`
	return nil
}

func (h *Users) PageNestedDecoded(ctx context.Context, req *listpb.PageRequest, rsp *ListResponse) error {
	var dst any = req.GetPage()
	if !sortable[req.Page.GetSort()] {
		return errors.New("bad sort")
	}
	json.Unmarshal([]byte(req.Name), dst)
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.Page.Sort) // want `query text passed to \(\*sql.DB\).QueryContext is built from external input`
	return nil
}

// A page put into the request in the handler may be reached through the
// pointer it was made as.
func (h *Users) PageNestedOwn(ctx context.Context, req *listpb.PageRequest, rsp *ListResponse) error {
	p := &listpb.Page{Sort: req.Name}
	dir := req.Dir
	reset := func() { p.Sort = dir }
	req.Page = p
	if !sortable[req.Page.Sort] {
		return errors.New("bad sort")
	}
	reset()
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.Page.Sort) // want `query text passed to \(\*sql.DB\).QueryContext is built from external input`
	return nil
}

// A constant written into the field when the check fails: the field then
// holds checked or constant text.
func (h *Users) PageFallback(ctx context.Context, req *listpb.PageRequest, rsp *ListResponse) error {
	if !sortable[req.GetSort()] {
		req.Sort = "id"
	}
	switch req.Dir {
	case "asc", "desc":
	default:
		req.Dir = "asc"
	}
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.Sort+" "+req.GetDir())
	return nil
}

func (h *Users) PageNestedFallback(ctx context.Context, req *listpb.PageRequest, rsp *ListResponse) error {
	if _, ok := sortable[req.GetPage().GetSort()]; !ok {
		req.Page.Sort = "id"
	}
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.GetPage().GetSort())
	return nil
}

// The fallback is no constant, is written to another field, or is
// written into a page that is no longer req.Page.
var FallbackOrder = "id" // want FallbackOrder:`results\(constant\{"id"\}\)`

var configuredOrder = "id"

func ConfigureOrder(s string) { configuredOrder = s }

func (h *Users) PageFallbackUnchecked(ctx context.Context, req *listpb.PageRequest, rsp *ListResponse) error {
	if !sortable[req.Sort] {
		req.Sort = req.Name
	}
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.Sort) // want `query text passed to \(\*sql.DB\).QueryContext is built from external input`
	if !sortable[req.Dir] {
		req.Sort = "id"
	}
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.Dir) // want `query text passed to \(\*sql.DB\).QueryContext is built from external input`
	return nil
}

func (h *Users) PageFallbackExported(ctx context.Context, req *listpb.PageRequest, rsp *ListResponse) error {
	if !sortable[req.GetSort()] {
		req.Sort = FallbackOrder
	}
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.Sort) // want `query text passed to \(\*sql.DB\).QueryContext is built from external input`
	return nil
}

func (h *Users) PageFallbackConfigured(ctx context.Context, req *listpb.PageRequest, rsp *ListResponse) error {
	if !sortable[req.Sort] {
		req.Sort = configuredOrder
	}
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.GetSort()) // want `query text passed to \(\*sql.DB\).QueryContext is built from external input`
	return nil
}

func (h *Users) PageFallbackRefilled(ctx context.Context, req *listpb.PageRequest, rsp *ListResponse) error {
	if !sortable[req.Sort] {
		req.Sort = "id"
	}
	json.Unmarshal([]byte(req.Name), req)
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.Sort) // want `query text passed to \(\*sql.DB\).QueryContext is built from external input`
	return nil
}

func (h *Users) PageNestedFallbackStale(ctx context.Context, req *listpb.PageRequest, rsp *ListResponse) error {
	if !sortable[req.Page.Sort] {
		p := req.Page
		req.Page = &listpb.Page{Sort: req.Name}
		p.Sort = "id"
	}
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.Page.Sort) // want `query text passed to \(\*sql.DB\).QueryContext is built from external input`
	return nil
}

// A write to req.Page between the check's reading and its branch.
func (h *Users) PageNestedLate(ctx context.Context, req *listpb.PageRequest, rsp *ListResponse) error {
	ok := sortable[req.GetPage().GetSort()]
	if req.Name != "" {
		req.Page = &listpb.Page{Sort: req.Name}
	}
	if !ok {
		return errors.New("bad sort")
	}
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.Page.Sort) // want `query text passed to \(\*sql.DB\).QueryContext is built from external input`
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

// The nested message read once into a variable, as handlers often do.
func (h *Users) PageHoisted(ctx context.Context, req *listpb.PageRequest, rsp *ListResponse) error {
	page := req.GetPage()
	switch page.GetSort() {
	case "name", "id":
	default:
		return errors.New("bad sort")
	}
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+page.GetSort())
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.Page.Sort)
	return nil
}

func (h *Users) PageHoistedFallback(ctx context.Context, req *listpb.PageRequest, rsp *ListResponse) error {
	page := req.GetPage()
	if !sortable[page.Sort] {
		page.Sort = "id"
	}
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.GetPage().GetSort())
	return nil
}

func (h *Users) PageHoistedWritten(ctx context.Context, req *listpb.PageRequest, rsp *ListResponse) error {
	page := req.GetPage()
	if !sortable[page.Sort] {
		return errors.New("bad sort")
	}
	page.Sort = req.Name
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+page.Sort) // want `query text passed to \(\*sql.DB\).QueryContext is built from`
	return nil
}

// The fallback goes into the page req.Page was before it was replaced.
func (h *Users) PageHoistedFallbackStale(ctx context.Context, req *listpb.PageRequest, rsp *ListResponse) error {
	page := req.GetPage()
	if !sortable[req.Page.Sort] {
		req.Page = &listpb.Page{Sort: req.Name}
		page.Sort = "id"
	}
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.Page.Sort) // want `query text passed to \(\*sql.DB\).QueryContext is built from external input`
	return nil
}

func (h *Users) SourcedGetter(ctx context.Context, req *listpb.Sourced, rsp *ListResponse) error {
	if !sortable[req.Sort] {
		return errors.New("bad sort")
	}
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.GetSort()) // want `query text passed to \(\*sql.DB\).QueryContext is built from`
	return nil
}

func (h *Users) PagedGetter(ctx context.Context, req *listpb.Paged, rsp *ListResponse) error {
	if !sortable[req.Page.Sort] {
		return errors.New("bad sort")
	}
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.GetPage().GetSort()) // want `query text passed to \(\*sql.DB\).QueryContext is built from`
	return nil
}

// A constant written through another pointer, which may or may not be
// req, is no fallback for req.Sort.
var lastPage *listpb.PageRequest

func (h *Users) PageFallbackElsewhere(ctx context.Context, req *listpb.PageRequest, rsp *ListResponse) error {
	if !sortable[req.Sort] {
		lastPage.Sort = "id"
	}
	h.db.QueryContext(ctx, "SELECT * FROM users ORDER BY "+req.Sort) // want `query text passed to \(\*sql.DB\).QueryContext is built from external input`
	return nil
}
