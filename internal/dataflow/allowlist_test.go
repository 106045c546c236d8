package dataflow

import "testing"

// TestRemovesAllButIdentChars: a pattern that matches every character but
// letters, digits and underscores (some of them), alone or in runs, leaves
// only those when its matches are replaced.
func TestRemovesAllButIdentChars(t *testing.T) {
	for pattern, want := range map[string]bool{
		"[^a-zA-Z0-9]+":  true,
		"[^a-z_]":        true,
		`\W+`:            true,
		`[^\w]*`:         true,
		"[^[:alnum:]]+":  true,
		"(?i)[^a-z]+":    false, // keeps ſ and the Kelvin sign, which fold to s and k
		"[^a-zA-Z0-9 ]+": false, // keeps spaces
		"[^a-zA-Z0-9.]+": false, // keeps dots: schema.table
		"[a-z]+":         false,
		".":              false,
		"[^a-z]+|x":      false,
		"[^a-z]{2,}":     false, // a single other character survives
		"[^\\p{L}]+":     false, // keeps letters of every script
		"(":              false,
	} {
		if got := removesAllButIdentChars(pattern); got != want {
			t.Errorf("removesAllButIdentChars(%q) = %v, want %v", pattern, got, want)
		}
	}
}
