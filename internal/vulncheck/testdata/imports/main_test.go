package main

import (
	"testing"

	"golang.org/x/text/language"
)

// TestParse reaches GO-2021-0113, but only when tests are analysed.
func TestParse(t *testing.T) {
	if _, err := language.Parse("en-US"); err != nil {
		t.Fatal(err)
	}
}
