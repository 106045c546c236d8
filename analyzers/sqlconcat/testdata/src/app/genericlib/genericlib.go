// Package genericlib declares handlers, one on a generic type, that
// another package registers.
package genericlib

import (
	"context"
	"database/sql"
)

type Req struct{ Name string }
type Rsp struct{}

type Store[T any] struct{ db *sql.DB }

func (s *Store[T]) Drop(ctx context.Context, req *Req, rsp *Rsp) error {
	_, err := s.db.Exec("DROP TABLE " + req.Name)
	return err
}

type Plain struct{ db *sql.DB }

func (s *Plain) Drop(ctx context.Context, req *Req, rsp *Rsp) error {
	_, err := s.db.Exec("DROP TABLE " + req.Name)
	return err
}
