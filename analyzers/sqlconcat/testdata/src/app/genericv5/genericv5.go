// Package genericv5 registers a handler of a generic type with go-micro
// v5, beside its non-generic twin.
package genericv5

import (
	"context"
	"database/sql"

	"go-micro.dev/v5"
)

type Req struct{ Name string }
type Rsp struct{}

type Svc[T any] struct{ db *sql.DB }

func (s *Svc[T]) Handle(ctx context.Context, req *Req, rsp *Rsp) error {
	s.db.Exec("DELETE FROM t WHERE name = '" + req.Name + "'") // want `query text passed to \(\*sql.DB\).Exec is built from external input \(req.Name\)`
	s.db.Exec("DELETE FROM t")
	return nil
}

type Plain struct{ db *sql.DB }

func (s *Plain) Handle(ctx context.Context, req *Req, rsp *Rsp) error {
	s.db.Exec("DELETE FROM t WHERE name = '" + req.Name + "'") // want `query text passed to \(\*sql.DB\).Exec is built from external input \(req.Name\)`
	s.db.Exec("DELETE FROM t")
	return nil
}

func Start() {
	svc := micro.NewService()
	micro.RegisterHandler(svc.Server(), &Svc[string]{})
	micro.RegisterHandler(svc.Server(), &Plain{})
}
