package main

import "testing"

// TestTestOnlyPackageWithoutTests: -tests=false on a package that has only
// test files analyses nothing; that is one line and exit 1, as when no
// package matches, not a silent clean run.
func TestTestOnlyPackageWithoutTests(t *testing.T) {
	dir := writeModule(t, "go.mod", healthyGoMod, "onlytest/x_test.go", "package onlytest\n")
	r := runBinary(t, dir, "-tests=false", "./onlytest")
	checkOneLine(t, r, exitFailed, "package example.com/bad/onlytest has only test files; -tests=false leaves nothing to analyse")
	// With tests, the package is analysed.
	if r := runBinary(t, dir, "./onlytest"); r.code != exitClean || r.stderr != "" {
		t.Errorf("./onlytest with tests: exit %d, stderr %q; want %d and nothing said", r.code, r.stderr, exitClean)
	}
}
