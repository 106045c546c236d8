// Package pgx is a stub of github.com/jackc/pgx.
package pgx

import (
	"context"

	"github.com/jackc/pgconn"
)

type Rows interface{ Close() }
type Row interface {
	Scan(dest ...interface{}) error
}
type CommandTag []byte

type Conn struct{}

// PgConn returns the low-level connection.
func (c *Conn) PgConn() *pgconn.PgConn { return nil }

func (c *Conn) Query(ctx context.Context, sql string, args ...interface{}) (Rows, error) {
	return nil, nil
}
func (c *Conn) QueryRow(ctx context.Context, sql string, args ...interface{}) Row { return nil }
func (c *Conn) Exec(ctx context.Context, sql string, args ...interface{}) (CommandTag, error) {
	return nil, nil
}
func (c *Conn) SendBatch(ctx context.Context, b *Batch) BatchResults { return nil }
func (c *Conn) Begin(ctx context.Context) (Tx, error)                { return nil, nil }

type Tx interface {
	Query(ctx context.Context, sql string, args ...interface{}) (Rows, error)
	QueryRow(ctx context.Context, sql string, args ...interface{}) Row
	Exec(ctx context.Context, sql string, args ...interface{}) (CommandTag, error)
}

type Batch struct{}

func (b *Batch) Queue(query string, arguments ...interface{}) {}

type BatchResults interface{ Close() error }

type Identifier []string

func (ident Identifier) Sanitize() string { return "" }
