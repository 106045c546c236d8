// Package closh declares go-micro handlers that build queries inside
// function literals from their request; package closhmain registers
// them, and the findings are reported there, one for each sink.
package closh

import (
	"context"
	"database/sql"
	"errors"
	"log"

	"gorm.io/gorm"
)

type Request struct{ Name, Sort, Table string }

type Response struct{}

type Items struct {
	DB *sql.DB
	G  *gorm.DB
}

func (h *Items) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := h.DB.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	return fn(tx)
}

func retry(fn func() error) error { return fn() }

// Delete builds the query in a transaction callback.
func (h *Items) Delete(ctx context.Context, req *Request, rsp *Response) error {
	return h.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "DELETE FROM items WHERE name = '"+req.Name+"'")
		return err
	})
}

// Purge builds it in a gorm transaction.
func (h *Items) Purge(ctx context.Context, req *Request, rsp *Response) error {
	return h.G.Transaction(func(tx *gorm.DB) error {
		return tx.Exec("DELETE FROM archive WHERE name = '" + req.Name + "'").Error
	})
}

// Now calls the literal where it makes it.
func (h *Items) Now(ctx context.Context, req *Request, rsp *Response) error {
	var err error
	func() {
		_, err = h.DB.Exec("DELETE FROM now WHERE name = '" + req.Name + "'")
	}()
	return err
}

// Background and Deferred run it in a goroutine and when they return.
func (h *Items) Background(ctx context.Context, req *Request, rsp *Response) error {
	go func() { h.DB.Exec("SELECT * FROM bg ORDER BY " + req.Sort) }()
	return nil
}

func (h *Items) Deferred(ctx context.Context, req *Request, rsp *Response) error {
	defer func() { h.DB.Exec("UPDATE deferred SET seen = 1 WHERE name = '" + req.Name + "'") }()
	return nil
}

// Nested builds it two literals deep.
func (h *Items) Nested(ctx context.Context, req *Request, rsp *Response) error {
	return h.tx(ctx, func(tx *sql.Tx) error {
		return retry(func() error {
			_, err := tx.Exec("DELETE FROM nested WHERE name = '" + req.Name + "'")
			return err
		})
	})
}

// Stored keeps the literal in a variable and calls it later.
func (h *Items) Stored(ctx context.Context, req *Request, rsp *Response) error {
	del := func() error {
		_, err := h.DB.Exec("DELETE FROM stored WHERE name = '" + req.Name + "'")
		return err
	}
	if req.Sort == "" {
		return errors.New("no sort")
	}
	return del()
}

// Helper passes the request to a function whose literal captures it.
func (h *Items) Helper(ctx context.Context, req *Request, rsp *Response) error {
	return deleteNamed(h.DB, req.Table)
}

func deleteNamed(db *sql.DB, name string) error {
	return retry(func() error {
		_, err := db.Exec("DELETE FROM helper WHERE name = '" + name + "'")
		return err
	})
}

// Twins that are not reported.

// Fixed captures a constant, and passes one to the helper.
func (h *Items) Fixed(ctx context.Context, req *Request, rsp *Response) error {
	table := "items"
	if err := deleteNamed(h.DB, "archive"); err != nil {
		return err
	}
	return h.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "DELETE FROM "+table)
		return err
	})
}

var sortable = map[string]bool{"name": true, "created": true}

// SortedBefore checks the column against an allow list before the
// literal, SortedInside inside it.
func (h *Items) SortedBefore(ctx context.Context, req *Request, rsp *Response) error {
	if !sortable[req.Sort] {
		return errors.New("bad sort")
	}
	return h.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.QueryContext(ctx, "SELECT * FROM before ORDER BY "+req.Sort)
		return err
	})
}

func (h *Items) SortedInside(ctx context.Context, req *Request, rsp *Response) error {
	return h.tx(ctx, func(tx *sql.Tx) error {
		if !sortable[req.Sort] {
			return errors.New("bad sort")
		}
		_, err := tx.QueryContext(ctx, "SELECT * FROM inside ORDER BY "+req.Sort)
		return err
	})
}

// SortedVar checks a variable the literal captures.
func (h *Items) SortedVar(ctx context.Context, req *Request, rsp *Response) error {
	col := req.Sort
	if !sortable[col] {
		return errors.New("bad sort")
	}
	return retry(func() error {
		_, err := h.DB.Query("SELECT * FROM vars ORDER BY " + col)
		return err
	})
}

// Unused makes a literal that reads no input.
func (h *Items) Unused(ctx context.Context, req *Request, rsp *Response) error {
	return h.tx(ctx, func(tx *sql.Tx) error {
		if req.Name == "" {
			return errors.New("no name")
		}
		_, err := tx.ExecContext(ctx, "DELETE FROM unused WHERE name = $1", req.Name)
		return err
	})
}

// LoggedBefore, LoggedVar and LoggedInside log the checked column between
// the check and the query: a standard library call given only text cannot
// run the literal or change what it reads.
func (h *Items) LoggedBefore(ctx context.Context, req *Request, rsp *Response) error {
	if !sortable[req.Sort] {
		return errors.New("bad sort")
	}
	log.Printf("listing by %s", req.Sort)
	return h.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.QueryContext(ctx, "SELECT * FROM logged ORDER BY "+req.Sort)
		return err
	})
}

func (h *Items) LoggedVar(ctx context.Context, req *Request, rsp *Response) error {
	col := req.Sort
	if !sortable[col] {
		return errors.New("bad sort")
	}
	log.Printf("listing by %s", col)
	return retry(func() error {
		_, err := h.DB.Query("SELECT * FROM loggedvar ORDER BY " + col)
		return err
	})
}

func (h *Items) LoggedInside(ctx context.Context, req *Request, rsp *Response) error {
	return h.tx(ctx, func(tx *sql.Tx) error {
		if !sortable[req.Sort] {
			return errors.New("bad sort")
		}
		log.Printf("listing by %s", req.Sort)
		_, err := tx.QueryContext(ctx, "SELECT * FROM loggedinside ORDER BY "+req.Sort)
		return err
	})
}

// ResetBetween calls, between the check and the query, a literal that
// writes the captured variable: the check no longer holds.
func (h *Items) ResetBetween(ctx context.Context, req *Request, rsp *Response) error {
	col := req.Sort
	reset := func() { col = req.Name }
	if !sortable[col] {
		return errors.New("bad sort")
	}
	reset()
	return retry(func() error {
		_, err := h.DB.Query("SELECT * FROM reset ORDER BY " + col)
		return err
	})
}
