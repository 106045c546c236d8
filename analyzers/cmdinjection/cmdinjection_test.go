package cmdinjection_test

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

	"github.com/microsec-lint/microsec-lint/analyzers/cmdinjection"
)

// Test covers every sink and shell, program names chosen from constants,
// constant slices spread into exec.Command, argument injection and "--",
// wrappers in the same and other packages, go-micro runtime options, and a
// go-micro handler and subscriber whose request fields reach sinks through
// helpers. Each reported line has a twin that is not reported.
func Test(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), cmdinjection.Analyzer,
		"app/refs", "app/cmds", "app/svc", "app/tools", "app/settings", "app/cli", "app/jobs", "app/buildsmain", "app/longchain", "app/repomain", "app/closcmdmain", "app/ifaceorder", "app/meta", "app/mutual1", "app/mutual2", "app/generic", "app/genericv5")
	// Argument injection is a warning; the rest keep the rule's level.
	for _, r := range results {
		for _, d := range r.Diagnostics {
			want := ""
			if strings.HasPrefix(d.Message, "argument") {
				want = "warning"
			}
			if d.Category != want {
				t.Errorf("%s: category %q, want %q", r.Pass.Fset.Position(d.Pos), d.Category, want)
			}
		}
	}
}

// TestFlags checks that -sinks and -sanitizers add to the built-in lists.
func TestFlags(t *testing.T) {
	a := cmdinjection.New(cmdinjection.Config{})
	if err := a.Flags.Set("sinks", "app/custom.Spawn"); err != nil {
		t.Fatal(err)
	}
	if err := a.Flags.Set("sanitizers", "app/custom.Quote"); err != nil {
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
	analysistest.Run(t, filepath.Join(analysistest.TestData(), "real", "v4"), cmdinjection.Analyzer, "./...")
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
	pkgs, err := packages.Load(cfg, "app/refs", "app/cmds", "app/svc", "app/tools", "app/settings", "app/cli", "app/jobs", "app/buildsmain", "app/longchain", "app/repomain", "app/closcmdmain", "app/ifaceorder", "app/meta", "app/mutual1", "app/mutual2", "app/generic", "app/genericv5")
	if err != nil {
		t.Fatal(err)
	}
	var first string
	for i := range 10 {
		got := findings(t, pkgs, cmdinjection.Analyzer)
		if i == 0 {
			first = got
			if strings.Count(got, "\n") < 15 {
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
