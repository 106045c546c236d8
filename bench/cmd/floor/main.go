// Command floor is the cost floor of microsec-lint: the same driver, the
// same package loading and type checking, with one analyzer that does
// nothing. The benchmarks in bench/ divide the suite's cost by this one.
//
//	floor [-facts] [-tests=false] [packages]
//
// The driver reads dependencies from export data and type-checks from
// source only the root packages, the main modules' and the dependencies
// some rule with facts learns from. -facts gives the no-op analyzer a fact
// type and no list of dependencies, so that every dependency is
// type-checked from source. Run it with MICROSEC_LINT_CACHE=off: the
// cache keeps what the packages analysed left, and a second run would
// type-check none of them.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/microsec-lint/microsec-lint/analyzers"
	"github.com/microsec-lint/microsec-lint/internal/driver"
	"golang.org/x/tools/go/analysis"
)

// noFact is the fact type of the -facts floor; none is ever exported.
type noFact struct{}

func (*noFact) AFact() {}

func main() {
	facts := flag.Bool("facts", false, "type-check every dependency from source, as a rule with facts that learns from all of them needs")
	tests := flag.Bool("tests", true, "also analyse test files")
	flag.Parse()

	noop := &analysis.Analyzer{
		Name: "noop",
		Doc:  "noop does nothing; it measures loading and type checking",
		Run:  func(*analysis.Pass) (any, error) { return nil, nil },
	}
	if *facts {
		noop.FactTypes = []analysis.Fact{new(noFact)}
	}
	res, err := driver.Run(context.Background(), driver.Config{
		Patterns: flag.Args(),
		Tests:    *tests,
		Rules:    []analyzers.Rule{{Analyzer: noop, Level: "note"}},
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "floor: %v\n", err)
		os.Exit(1)
	}
	for _, p := range res.Errors {
		fmt.Fprintf(os.Stderr, "floor: %s\n", p.Message)
	}
	if len(res.Errors) > 0 {
		os.Exit(1)
	}
}
