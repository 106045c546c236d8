package main

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/microsec-lint/microsec-lint/analyzers"
)

// TestBadRuleFlag: a rule flag's value is tried as go vet passes it on,
// in either form, without changing the analyzer's flag; a bool rule flag
// takes no value from the next argument.
func TestBadRuleFlag(t *testing.T) {
	rules := analyzers.All()
	for _, tc := range []struct {
		args []string
		bad  bool
	}{
		{[]string{"-sqlconcat.sinks=notafunc"}, true},
		{[]string{"--sqlconcat.sinks", "notafunc"}, true},
		{[]string{"-json", "-cmdinjection.sanitizers=(x.T)"}, true},
		{[]string{"-sqlconcat.sinks=example.com/db.Query"}, false},
		{[]string{"-sqlconcat.sinks", "example.com/db.Query"}, false},
		{[]string{"-insecuretransport.mdns", "notafunc"}, false},
		{[]string{"-sqlconcat=false", "-nosuch.flag=x", "notafunc"}, false},
		{[]string{"-sqlconcat.sinks"}, false}, // no value: unitchecker says so
	} {
		if got := badRuleFlag(rules, tc.args); got != tc.bad {
			t.Errorf("badRuleFlag(%q) = %v, want %v", tc.args, got, tc.bad)
		}
	}
	for _, r := range rules {
		if f := r.Analyzer.Flags.Lookup("sinks"); f != nil && f.Value.String() != "" {
			t.Errorf("%s.sinks = %q after the checks, want it left empty", r.Analyzer.Name, f.Value.String())
		}
	}
}

// TestQuietVetDependency: only a facts-only unit with a bad rule flag is
// left quiet, and with no facts file, which go vet would cache.
func TestQuietVetDependency(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "vet.out")
	cfg := func(name string, vetxOnly bool) string {
		path := filepath.Join(dir, name)
		content := `{"VetxOnly": false, "VetxOutput": "` + out + `"}`
		if vetxOnly {
			content = `{"VetxOnly": true, "VetxOutput": "` + out + `"}`
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	rules := analyzers.All()
	if quietVetDependency(rules, []string{"-sqlconcat.sinks=notafunc", cfg("root.cfg", false)}) {
		t.Error("a unit go vet reports on was left quiet")
	}
	if quietVetDependency(rules, []string{"-sqlconcat.sinks=example.com/db.Query", cfg("dep.cfg", true)}) {
		t.Error("a dependency with good flags was left quiet")
	}
	if _, err := os.Stat(out); err == nil {
		t.Fatal("facts written for a unit that is not left quiet")
	}
	if err := os.WriteFile(out, []byte("stale"), 0o644); err != nil {
		t.Fatal(err)
	}
	if !quietVetDependency(rules, []string{"-sqlconcat.sinks=notafunc", cfg("dep.cfg", true)}) {
		t.Error("a dependency with a bad rule flag was not left quiet")
	}
	if data, err := os.ReadFile(out); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("facts file: %q, %v; want none, which go vet would cache", data, err)
	}
}
