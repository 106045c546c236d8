// Package corpus holds the robustness test of the suite over real code:
// every go-micro release the Go module proxy serves, and the v4 plugin
// modules. It has no code of its own; see corpus_test.go.
//
// Each folder under testdata is a module that requires one go-micro
// release; its file go-list-patterns names the packages to analyse, which
// scripts/test.sh downloads with their dependencies. The test runs the
// driver with every rule twice per module, in child processes with
// GOMAXPROCS=1 and GOMAXPROCS=2, and requires that no analyzer panics or
// fails and that the text, JSON and SARIF reports of both runs are the same
// bytes.
package corpus
