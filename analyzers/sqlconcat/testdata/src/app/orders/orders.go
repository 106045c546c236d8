// Package orders declares a handler that package ordersmain registers: its
// findings are reported there, one for each sink its request reaches.
package orders

import (
	"context"
	"database/sql"
)

type Request struct{ A, B string }

type Response struct{}

type Orders struct{ DB *sql.DB }

func (h *Orders) One(ctx context.Context, req *Request, rsp *Response) error {
	h.DB.Exec("DELETE FROM t WHERE a = '" + req.A + "'")
	h.DB.Exec("DELETE FROM t WHERE b = '" + req.B + "'")
	h.DB.Exec("DELETE FROM t WHERE c = 'c'")
	return nil
}

func (h *Orders) Two(ctx context.Context, req *Request, rsp *Response) error {
	h.DB.Exec("UPDATE t SET a = '" + req.A + "'")
	h.DB.Exec("UPDATE t SET a = $1", req.A)
	return nil
}

// Event is the message of the subscriber OnEvent.
type Event struct{ ID string }

var DB *sql.DB

// OnEvent is a subscriber function that package ordersmain registers.
func OnEvent(ctx context.Context, ev *Event) error {
	_, err := DB.Exec("DELETE FROM t WHERE id = '" + ev.ID + "'")
	return err
}
