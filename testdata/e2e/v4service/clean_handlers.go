package main

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"os/exec"
	"strings"

	"go-micro.dev/v4"
	"go-micro.dev/v4/auth"
	"go-micro.dev/v4/broker"
	"go-micro.dev/v4/errors"
	"go-micro.dev/v4/metadata"
	"go-micro.dev/v4/server"
	"go-micro.dev/v4/transport"
)

func secureTransport() transport.Transport {
	return transport.NewHTTPTransport(transport.Secure(true), transport.TLSConfig(tlsConfig()))
}

// Catalog passes request fields as query parameters and as arguments after
// "--", never as SQL or shell text.
type Catalog struct{ db *sql.DB }

func (c *Catalog) Count(ctx context.Context, req *OrderRequest, rsp *OrderResponse) error {
	row := c.db.QueryRowContext(ctx, "SELECT count(*) FROM orders WHERE customer = $1", req.Customer)
	return row.Scan(&rsp.Count)
}

func (c *Catalog) Deploy(ctx context.Context, req *OrderRequest, rsp *OrderResponse) error {
	return exec.CommandContext(ctx, "git", "checkout", "--", req.Branch).Run()
}

// requireToken rejects calls whose bearer token the auth provider does not
// accept.
func requireToken(a auth.Auth) server.HandlerWrapper {
	return func(next server.HandlerFunc) server.HandlerFunc {
		return func(ctx context.Context, req server.Request, rsp interface{}) error {
			md, _ := metadata.FromContext(ctx)
			token := strings.TrimPrefix(md["Authorization"], "Bearer ")
			if _, err := a.Inspect(token); err != nil {
				return errors.Unauthorized("shop.catalog", "invalid token")
			}
			return next(ctx, req, rsp)
		}
	}
}

// catalogMain registers Catalog behind requireToken.
func catalogMain(db *sql.DB, a auth.Auth) micro.Service {
	svc := micro.NewService(
		micro.Name("shop.catalog"),
		micro.Transport(secureTransport()),
		micro.WrapHandler(requireToken(a)),
	)
	if err := micro.RegisterHandler(svc.Server(), &Catalog{db: db}); err != nil {
		panic(err)
	}
	return svc
}

// announceSigned publishes with an HMAC of the body in a header.
func announceSigned(b broker.Broker, key, order []byte) error {
	mac := hmac.New(sha256.New, key)
	mac.Write(order)
	return b.Publish("shop.orders.created", &broker.Message{
		Header: map[string]string{"X-Signature": hex.EncodeToString(mac.Sum(nil))},
		Body:   order,
	})
}
