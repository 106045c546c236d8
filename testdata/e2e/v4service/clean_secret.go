package main

import (
	"database/sql"
	"os"

	"go-micro.dev/v4/auth"
)

// Header and metric names, environment lookups and placeholders look like
// secrets to name-based tools; none is one.
const (
	authHeader      = "Authorization"
	tokenErrorCount = "token_fetch_errors"
)

func envCredentials() auth.Option {
	return auth.Credentials("shop-orders", os.Getenv("MICRO_AUTH_SECRET"))
}

func openOrdersFromEnv() (*sql.DB, error) {
	return sql.Open("postgres", "postgres://shop:${DB_PASSWORD}@db.internal:5432/orders")
}
