package main

import (
	"database/sql"

	"go-micro.dev/v4/auth"
)

// Both values below are made up for this fixture; the end-to-end test
// checks that no output format repeats them.

// serviceCredentials hard-codes the account secret.
func serviceCredentials() auth.Option {
	return auth.Credentials("shop-orders", "n8Vq2LrT5wXe9KzP4mYd7HcJ")
}

// openOrders hard-codes a database password in the DSN.
func openOrders() (*sql.DB, error) {
	return sql.Open("postgres", "postgres://shop:Zt7qW2xLp9vNc4Rb@db.internal:5432/orders")
}
