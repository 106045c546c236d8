package driver

import (
	"context"
	"maps"
	"slices"
	"sync"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/microsec-lint/microsec-lint/analyzers"
	"github.com/microsec-lint/microsec-lint/analyzers/cmdinjection"
)

// TestIdleRulesSkipped runs sqlconcat and cmdinjection on a module where
// each reaches its sinks in one package only. A rule must run where it
// can find something, and on the packages below those whose facts it
// needs (names, whose constant table name keeps store's first query
// quiet), and nowhere else: not on clock, which reaches no sink, nor on
// tool, which imports database/sql but queries nothing, nor on the
// packages of the other rule.
func TestIdleRulesSkipped(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"go.mod":         "module example.com/m\n\ngo 1.26\n",
		"names/names.go": "package names\n\n// Table is the table store reads.\nfunc Table() string { return \"users\" }\n",
		"store/store.go": "package store\n\nimport (\n\t\"database/sql\"\n\t\"os\"\n\n\t\"example.com/m/names\"\n)\n\n" +
			"func List(db *sql.DB) { db.Query(\"SELECT id FROM \" + names.Table()) }\n\n" +
			"func Find(db *sql.DB) { db.Query(\"SELECT id FROM users WHERE name = '\" + os.Args[1] + \"'\") }\n",
		"clock/clock.go": "package clock\n\nimport \"time\"\n\nfunc Stamp() string { return time.Now().Format(time.RFC3339) }\n",
		// tool imports database/sql, which DepBodies sees, but runs no
		// query, and nothing imports it.
		"tool/tool.go": "package tool\n\nimport \"database/sql\"\n\nfunc Missing(err error) bool { return err == sql.ErrNoRows }\n",
		// os.StartProcess is a sink cmdinjection does not follow into
		// dependencies: only Idle tells that it has work here.
		"spawn/spawn.go": "package spawn\n\nimport \"os\"\n\nfunc Start() { os.StartProcess(os.Args[1], os.Args[1:], &os.ProcAttr{}) }\n",
	})
	var mu sync.Mutex
	ran := map[string]map[string]bool{"sqlconcat": {}, "cmdinjection": {}}
	var rules []analyzers.Rule
	for _, r := range analyzers.All() {
		if seen, ok := ran[r.Analyzer.Name]; ok {
			rules = append(rules, watch(r, &mu, seen))
		}
	}
	var timing []Timing
	res, err := Run(context.Background(), Config{
		Dir:    dir,
		Rules:  rules,
		Env:    append(offline(), CacheEnv+"=off"),
		Timing: func(_ time.Duration, ts []Timing) { timing = ts },
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) > 0 {
		t.Fatalf("errors = %+v, want none", res.Errors)
	}
	want := map[string][]string{
		"sqlconcat":    {"example.com/m/names", "example.com/m/store"},
		"cmdinjection": {"example.com/m/spawn"},
	}
	for rule, pkgs := range want {
		// os is analysed too, as a dependency: its bodies tell which
		// calls never return.
		if got := slices.Sorted(maps.Keys(ran[rule])); !slices.Equal(got, append(pkgs, "os")) {
			t.Errorf("%s ran on %v, want %v and os", rule, got, pkgs)
		}
	}
	for _, tm := range timing {
		if n := len(want[tm.Analyzer]); n > 0 && (tm.Packages != n+1 || tm.Idle != 5-n) {
			t.Errorf("timing of %s: on %d packages, idle on %d; want %d and %d", tm.Analyzer, tm.Packages, tm.Idle, n+1, 5-n)
		}
	}
	if hasFinding(res, "sqlconcat", "store.go", 10) {
		t.Errorf("sqlconcat reports the query built from names.Table, a constant: names' facts are missing")
	}
	if !hasFinding(res, "sqlconcat", "store.go", 12) {
		t.Errorf("findings = %+v, want sqlconcat at store.go:12", res.Findings)
	}
	if !hasFinding(res, "cmdinjection", "spawn.go", 5) {
		t.Errorf("findings = %+v, want cmdinjection at spawn.go:5", res.Findings)
	}
}

// watch returns r with an analyzer that records in ran the packages it
// runs on.
func watch(r analyzers.Rule, mu *sync.Mutex, ran map[string]bool) analyzers.Rule {
	orig := r.Analyzer
	a := *orig
	a.Run = func(pass *analysis.Pass) (any, error) {
		mu.Lock()
		ran[pass.Pkg.Path()] = true
		mu.Unlock()
		return orig.Run(pass)
	}
	r.Analyzer = &a
	return r
}

// TestIdleHonoursExtraSinks: a package whose only sink is one that
// -cmdinjection.sinks names must not be skipped as idle.
func TestIdleHonoursExtraSinks(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"go.mod":           "module example.com/m\n\ngo 1.26\n",
		"custom/custom.go": "package custom\n\n// Spawn starts name with args.\nfunc Spawn(name string, args []string) error { return nil }\n",
		"runner/runner.go": "package runner\n\nimport (\n\t\"os\"\n\n\t\"example.com/m/custom\"\n)\n\n" +
			"func Run() { custom.Spawn(os.Args[1], os.Args[2:]) }\n",
	})
	var rule analyzers.Rule
	for _, r := range analyzers.All() {
		if r.Analyzer.Name == "cmdinjection" {
			rule = r
		}
	}
	a := cmdinjection.New(cmdinjection.Config{})
	if err := a.Flags.Set("sinks", "example.com/m/custom.Spawn"); err != nil {
		t.Fatal(err)
	}
	rule.Analyzer, rule.DepBodies, rule.Idle = a, cmdinjection.DepBodies(a), cmdinjection.Idle(a)
	res, err := Run(context.Background(), Config{
		Dir:   dir,
		Rules: []analyzers.Rule{rule},
		Env:   append(offline(), CacheEnv+"=off"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if !hasFinding(res, "cmdinjection", "runner.go", 9) {
		t.Errorf("findings = %+v, errors = %+v; want cmdinjection at runner.go:9, through the extra sink", res.Findings, res.Errors)
	}
}
