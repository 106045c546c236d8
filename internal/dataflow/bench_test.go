package dataflow_test

import (
	"os"
	"path/filepath"
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
