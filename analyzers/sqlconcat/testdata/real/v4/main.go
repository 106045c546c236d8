// Command realv4 is a go-micro.dev/v4 service whose handler builds SQL from
// its request, type-checked against the real module.
package main

import (
	"context"
	"database/sql"

	"go-micro.dev/v4"
	"go-micro.dev/v4/server"
)

type Request struct{ Name string }

type Response struct{ Count int }

type Users struct{ db *sql.DB }

func (u *Users) Count(ctx context.Context, req *Request, rsp *Response) error {
	return countBy(ctx, u.db, "name = '"+req.Name+"'") // want `query text that main.countBy passes to \(\*sql.DB\).QueryRowContext \(sqlconcatv4/main.go:\d+\) is built from external input \(req.Name\)`
}

func (u *Users) CountAll(ctx context.Context, req *Request, rsp *Response) error {
	return countBy(ctx, u.db, "true")
}

func countBy(ctx context.Context, db *sql.DB, cond string) error {
	return db.QueryRowContext(ctx, "SELECT count(*) FROM users WHERE "+cond).Err()
}

func main() {
	svc := micro.NewService(micro.Name("users"))
	if err := micro.RegisterHandler(svc.Server(), &Users{}, server.InternalHandler(false)); err != nil {
		panic(err)
	}
	_ = svc.Run()
}
