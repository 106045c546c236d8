package sqlconcat_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/microsec-lint/microsec-lint/analyzers/sqlconcat"
)

// Test covers every sink family, the origins that are never reported
// (constant, chosen from constants, integer-only, sanitised), helpers in
// the same and other packages, and a go-micro handler whose request field
// reaches a sink through a helper. Each reported line has a twin that is
// not reported.
func Test(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), sqlconcat.Analyzer,
		"app/ifaceonly", "app/longchain", "app/tenants",
		"app/validate", "app/queries", "app/handler", "app/mysqlapp", "app/mysqlmicro", "app/ordersmain", "app/closhmain", "app/generic", "app/genericv5")
}

// TestFlags checks that -sinks and -sanitizers add to the built-in lists.
func TestFlags(t *testing.T) {
	a := sqlconcat.New(sqlconcat.Config{})
	if err := a.Flags.Set("sinks", "(app/custom.*Client).Exec"); err != nil {
		t.Fatal(err)
	}
	if err := a.Flags.Set("sanitizers", "app/custom.Clean"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, analysistest.TestData(), a, "app/custom")
}

// TestRealGoMicro type-checks a handler against go-micro.dev/v4 v4.10.2
// from the module cache (scripts/test.sh downloads it).
func TestRealGoMicro(t *testing.T) {
	if testing.Short() {
		t.Skip("loads go-micro.dev/v4 and its dependencies from source")
	}
	analysistest.Run(t, filepath.Join(analysistest.TestData(), "real", "v4"), sqlconcat.Analyzer, "./...")
}

// TestDeterministic runs the analyzer ten times over the same packages and
// compares the findings, order included.
func TestDeterministic(t *testing.T) {
	dir := analysistest.TestData()
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  dir,
		Env:  append(os.Environ(), "GOPATH="+dir, "GO111MODULE=off", "GOPROXY=off", "GOFLAGS="),
	}
	pkgs, err := packages.Load(cfg, "app/validate", "app/queries", "app/handler", "app/mysqlapp", "app/mysqlmicro", "app/ordersmain", "app/closhmain", "app/generic", "app/genericv5")
	if err != nil {
		t.Fatal(err)
	}
	var first string
	for i := range 10 {
		got := findings(t, pkgs, sqlconcat.Analyzer)
		if i == 0 {
			first = got
			if strings.Count(got, "\n") < 20 {
				t.Fatalf("too few findings:\n%s", got)
			}
		} else if got != first {
			t.Fatalf("run %d differs from run 0:\n%s\nvs\n%s", i, got, first)
		}
	}
}

func findings(t *testing.T, pkgs []*packages.Package, a *analysis.Analyzer) string {
	t.Helper()
	res, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, act := range res.Roots {
		if act.Err != nil {
			t.Fatal(act.Err)
		}
		for _, d := range act.Diagnostics {
			fmt.Fprintf(&b, "%s: %s\n", act.Package.Fset.Position(d.Pos), d.Message)
		}
	}
	return b.String()
}
