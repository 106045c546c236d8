// Package generic registers handlers whose types are instantiations of
// generic types: SSA builds their methods once, for the generic type, and
// the request of each is external input as a non-generic handler's is.
package generic

import (
	"context"
	"database/sql"

	"app/genericlib"
	"app/orders"
	"app/ordersproto"
	"go-micro.dev/v4"
	"go-micro.dev/v4/server"
)

type Req struct{ Cmd, Name string }
type Rsp struct{}

type G[T any] struct{ db *sql.DB }

func (h *G[T]) Call(ctx context.Context, req *Req, rsp *Rsp) error {
	h.db.Query("SELECT " + req.Cmd) // want `query text passed to \(\*sql.DB\).Query is built from external input \(req.Cmd\)`
	h.db.Query("SELECT 1")
	return nil
}

// N is G's non-generic twin.
type N struct{ db *sql.DB }

func (h *N) Call(ctx context.Context, req *Req, rsp *Rsp) error {
	h.db.Query("SELECT " + req.Cmd) // want `query text passed to \(\*sql.DB\).Query is built from external input \(req.Cmd\)`
	h.db.Query("SELECT 1")
	return nil
}

// Two has two type parameters and is given to server.NewHandler.
type Two[K comparable, V any] struct{ db *sql.DB }

func (h Two[K, V]) Find(ctx context.Context, req *Req, rsp *Rsp) error {
	h.db.Query("SELECT * FROM t WHERE name = '" + req.Name + "'") // want `query text passed to \(\*sql.DB\).Query is built from external input \(req.Name\)`
	return nil
}

// Msg is the message of the subscribers Consume and ConsumePlain.
type Msg struct{ Name string }

func Consume[T any](ctx context.Context, m *Msg) error {
	var db *sql.DB
	db.Exec("DELETE FROM t WHERE name = '" + m.Name + "'") // want `query text passed to \(\*sql.DB\).Exec is built from external input \(m.Name\)`
	return nil
}

func ConsumePlain(ctx context.Context, m *Msg) error {
	var db *sql.DB
	db.Exec("DELETE FROM t WHERE name = '" + m.Name + "'") // want `query text passed to \(\*sql.DB\).Exec is built from external input \(m.Name\)`
	return nil
}

// Gen implements the generated OrdersHandler and is registered by
// RegisterOrdersHandler.
type Gen[T any] struct{ db *sql.DB }

func (h *Gen[T]) One(ctx context.Context, req *orders.Request, rsp *orders.Response) error {
	h.db.Exec("DELETE FROM t WHERE a = '" + req.A + "'") // want `query text passed to \(\*sql.DB\).Exec is built from external input \(req.A\)`
	return nil
}

// Impl implements the generated OrdersHandler and is registered by
// another package, as is its non-generic twin ImplPlain.
type Impl[T any] struct{ db *sql.DB }

func (h *Impl[T]) One(ctx context.Context, req *orders.Request, rsp *orders.Response) error {
	h.db.Exec("DELETE FROM t WHERE a = '" + req.A + "'") // want `query text passed to \(\*sql.DB\).Exec is built from external input \(req.A\)`
	return nil
}

type ImplPlain struct{ db *sql.DB }

func (h *ImplPlain) One(ctx context.Context, req *orders.Request, rsp *orders.Response) error {
	h.db.Exec("DELETE FROM t WHERE a = '" + req.A + "'") // want `query text passed to \(\*sql.DB\).Exec is built from external input \(req.A\)`
	return nil
}

func Register(svc micro.Service, s server.Server) {
	micro.RegisterHandler(svc.Server(), &G[int]{})
	micro.RegisterHandler(svc.Server(), &N{})
	s.Handle(s.NewHandler(Two[string, int]{}))
	micro.RegisterSubscriber("t", svc.Server(), Consume[int])
	micro.RegisterSubscriber("t", svc.Server(), ConsumePlain)
	ordersproto.RegisterOrdersHandler(svc.Server(), &Gen[int]{})
	micro.RegisterHandler(svc.Server(), &genericlib.Store[int]{}) // want `handler \(\*genericlib.Store\[T\]\).Drop passes to \(\*sql.DB\).Exec \(genericlib/genericlib.go:16\) is built from external input \(req.Name\)`
	micro.RegisterHandler(svc.Server(), &genericlib.Plain{})      // want `handler \(\*genericlib.Plain\).Drop passes to \(\*sql.DB\).Exec \(genericlib/genericlib.go:23\) is built from external input \(req.Name\)`
}

// audit and liveDB both have an Exec method; record calls the one of the
// type it is instantiated with, through its constraint. Generic bodies are
// analysed once, so such a call is not followed (see the Limitations):
// above all, record[audit] must not be reported through liveDB's Exec,
// which it never runs.
type audit struct{}

func (*audit) Exec(q string, args ...any) (sql.Result, error) { return nil, nil }

type liveDB struct{ db *sql.DB }

func (r *liveDB) Exec(q string, args ...any) (sql.Result, error) { // want Exec:`sink\(sql@\(\*sql.DB\).Exec`
	return r.db.Exec(q, args...)
}

func record[T any, PT interface {
	*T
	Exec(string, ...any) (sql.Result, error)
}](q string) {
	var t T
	PT(&t).Exec(q)
}

type Recorder struct{}

func (h *Recorder) Call(ctx context.Context, req *Req, rsp *Rsp) error {
	record[audit]("user asked for " + req.Name)
	return nil
}

func RegisterRecorder(svc micro.Service) {
	micro.RegisterHandler(svc.Server(), &Recorder{})
}
