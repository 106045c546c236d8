package dataflow_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/packages"

	"github.com/microsec-lint/microsec-lint/analyzers/cmdinjection"
	"github.com/microsec-lint/microsec-lint/analyzers/sqlconcat"
)

// noop does nothing: the floor of the driver, which loads and type-checks
// the root packages only.
var noop = &analysis.Analyzer{
	Name: "noop",
	Doc:  "do nothing",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}

type noFact struct{}

func (*noFact) AFact() {}

// noopFacts does nothing but declares a fact type and needs SSA, so the
// driver runs it, and buildssa, over every dependency as it does for the
// injection rules: the floor those rules cannot go below.
var noopFacts = &analysis.Analyzer{
	Name:      "noopfacts",
	Doc:       "do nothing on SSA, over every dependency",
	Requires:  []*analysis.Analyzer{buildssa.Analyzer},
	FactTypes: []analysis.Fact{new(noFact)},
	Run:       func(*analysis.Pass) (any, error) { return nil, nil },
}

// BenchmarkGoMicroV4 runs the injection rules over every package of
// go-micro.dev/v4 v4.10.2 (loaded once, from source, through the fixture
// module testdata/bench) with the go/analysis checker, beside the no-op
// analyzers for the ratio. ns/pkg divides by the packages analysed: the
// 115 go-micro roots for noop, all 612 packages of the graph otherwise.
func BenchmarkGoMicroV4(b *testing.B) {
	dir, err := filepath.Abs(filepath.Join("testdata", "bench"))
	if err != nil {
		b.Fatal(err)
	}
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  dir,
		Env:  append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off"),
	}
	roots, err := packages.Load(cfg, "go-micro.dev/v4/...")
	if err != nil {
		b.Fatal(err)
	}
	all := 0
	packages.Visit(roots, nil, func(*packages.Package) { all++ })
	b.Logf("%d go-micro packages, %d in the import graph", len(roots), all)

	for _, c := range []struct {
		name string
		as   []*analysis.Analyzer
		pkgs int
	}{
		{"noop", []*analysis.Analyzer{noop}, len(roots)},
		{"noop-facts-ssa", []*analysis.Analyzer{noopFacts}, all},
		{"sqlconcat", []*analysis.Analyzer{sqlconcat.Analyzer}, all},
		{"cmdinjection", []*analysis.Analyzer{cmdinjection.Analyzer}, all},
		{"both", []*analysis.Analyzer{sqlconcat.Analyzer, cmdinjection.Analyzer}, all},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := checker.Analyze(c.as, roots, nil); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(c.pkgs), "ns/pkg")
		})
	}
}

// BenchmarkSwitch runs the injection rules over a handler that reads a
// field of its request in each case of a switch of 1,000 and of 4,000
// cases: the time per case must not grow with the cases (reads of a field
// once scanned every read of the struct).
func BenchmarkSwitch(b *testing.B) {
	for _, n := range []int{1000, 4000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			dir := b.TempDir()
			for name, src := range map[string]string{
				"go.mod":  "module sw\n\ngo 1.22\n",
				"main.go": switchSource(n),
			} {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
					b.Fatal(err)
				}
			}
			cfg := &packages.Config{
				Mode: packages.LoadAllSyntax,
				Dir:  dir,
				Env:  append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off"),
			}
			roots, err := packages.Load(cfg, ".")
			if err != nil {
				b.Fatal(err)
			}
			as := []*analysis.Analyzer{sqlconcat.Analyzer, cmdinjection.Analyzer}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := checker.Analyze(as, roots, nil); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/case")
		})
	}
}

// switchSource is a program whose handler builds a query and a shell
// script from its request's Name in each of n cases.
func switchSource(n int) string {
	var b strings.Builder
	b.WriteString(`package main

import (
	"database/sql"
	"os"
	"os/exec"
)

type Req struct{ Name string }

func main() { handle(nil, &Req{Name: os.Args[1]}) }

func handle(db *sql.DB, req *Req) {
	q := ""
	switch req.Name {
`)
	for i := range n {
		fmt.Fprintf(&b, "\tcase %q:\n\t\tq = \"SELECT %d \" + req.Name\n", strconv.Itoa(i), i)
	}
	b.WriteString("\t}\n\tdb.Query(q)\n\texec.Command(\"sh\", \"-c\", q).Run()\n}\n")
	return b.String()
}
