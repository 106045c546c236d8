// Package pq is a stub of github.com/lib/pq.
package pq

func QuoteIdentifier(name string) string { return `"` + name + `"` }
