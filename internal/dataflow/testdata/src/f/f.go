// Package f builds queries with package e's helpers.
package f

import (
	"os"

	"e"
	"sink"
)

func queries() {
	sink.Query("SELECT * FROM " + e.Table())                 // want `constant\{"SELECT \* FROM users"\}$`
	sink.Query("SELECT * FROM " + e.Prefixed())              // want `constant\{"SELECT \* FROM tbl_t"\}$`
	sink.Query("SELECT * FROM " + e.Suffixed())              // want `non-constant`
	sink.Query("SELECT * FROM " + e.Suffix2("x"))            // want `non-constant culprit=e.suffix$`
	sink.Query("SELECT * FROM " + e.Upper(os.Args[1]))       // want `external culprit=os.Args`
	sink.Query("SELECT * FROM " + e.Upper("x"))              // want `constant$`
	sink.Query("SELECT * FROM " + e.Quote("x"))              // want `non-constant culprit=e.Quote`
	sink.Query("SELECT * FROM " + e.Default)                 // want `constant\{"SELECT \* FROM dt"\}$`
	sink.Query("SELECT * FROM " + e.T{}.Name())              // want `constant\{"SELECT \* FROM users"\}$`
	sink.Query("SELECT * FROM " + e.Even(3, os.Getenv("T"))) // want `external culprit=os.Getenv`
}
