package main

import (
	"context"
	"database/sql"
	"os/exec"

	"go-micro.dev/v4"
)

// OrderRequest and OrderResponse stand in for generated protobuf types.
type OrderRequest struct {
	Customer string
	Branch   string
}

type OrderResponse struct {
	Count int
}

// Orders builds SQL and a shell script from request fields.
type Orders struct{ db *sql.DB }

func (o *Orders) Count(ctx context.Context, req *OrderRequest, rsp *OrderResponse) error {
	row := o.db.QueryRowContext(ctx, "SELECT count(*) FROM orders WHERE customer = '"+req.Customer+"'")
	return row.Scan(&rsp.Count)
}

func (o *Orders) Deploy(ctx context.Context, req *OrderRequest, rsp *OrderResponse) error {
	return exec.CommandContext(ctx, "sh", "-c", "git checkout "+req.Branch).Run()
}

// ordersMain registers Orders on a service that no wrapper guards.
func ordersMain(db *sql.DB) micro.Service {
	svc := micro.NewService(micro.Name("shop.orders"), micro.Transport(secureTransport()))
	if err := micro.RegisterHandler(svc.Server(), &Orders{db: db}); err != nil {
		panic(err)
	}
	return svc
}

// announce publishes an order event that nothing signs.
func announce(svc micro.Service, order []byte) error {
	return micro.NewEvent("shop.orders.created", svc.Client()).Publish(context.Background(), order)
}
