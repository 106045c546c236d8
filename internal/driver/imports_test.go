package driver

import (
	"context"
	"fmt"
	"go/types"
	"maps"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/microsec-lint/microsec-lint/analyzers"
	"github.com/microsec-lint/microsec-lint/internal/analysisutil"
	"github.com/microsec-lint/microsec-lint/internal/report"
	"golang.org/x/tools/go/analysis"
)

// probe reports, on the first file of each package, how it sees package
// y/c: whole, or only with the objects the export data it reads names.
var probe = &analysis.Analyzer{
	Name: "probe",
	Doc:  "report what the package sees of y/c",
	Run: func(pass *analysis.Pass) (any, error) {
		var c *types.Package
		seen := make(map[*types.Package]bool)
		var walk func(p *types.Package)
		walk = func(p *types.Package) {
			for _, imp := range p.Imports() {
				if !seen[imp] {
					seen[imp] = true
					if imp.Path() == "y/c" {
						c = imp
					}
					walk(imp)
				}
			}
		}
		walk(pass.Pkg)
		msg := "y/c not seen"
		if c != nil {
			msg = fmt.Sprintf("y/c complete=%t T=%t Lonely=%t", c.Complete(), c.Scope().Lookup("T") != nil, c.Scope().Lookup("Lonely") != nil)
		}
		pass.Reportf(pass.Files[0].Package, "%s", msg)
		return nil, nil
	},
}

// TestWorldsReadOnlyImports checks that a unit's world holds, of a package
// it does not import, only what the export data of its imports names, and
// that types reached through an import and named directly (in a test
// binary, where y/c is imported) are the same.
func TestWorldsReadOnlyImports(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"go.mod":       "module x\n\ngo 1.22\n\nrequire y v0.0.0\n\nreplace y => ./y\n",
		"a/a.go":       "package a\n\nimport \"y/b\"\n\nfunc G() { b.F().M() }\n\nfunc H() any { return b.F() }\n",
		"a/in_test.go": "package a\n\nimport (\n\t\"testing\"\n\n\t\"y/b\"\n\t\"y/c\"\n)\n\nfunc TestG(t *testing.T) { var v c.T = b.F(); v.M(); c.Lonely() }\n",
		"a/ex_test.go": "package a_test\n\nimport (\n\t\"testing\"\n\n\t\"x/a\"\n\t\"y/b\"\n\t\"y/c\"\n)\n\nfunc TestH(t *testing.T) { a.G(); var v c.T = b.F(); v.M() }\n",
		"y/go.mod":     "module y\n\ngo 1.22\n",
		"y/b/b.go":     "package b\n\nimport \"y/c\"\n\nfunc F() c.T { return c.T{} }\n",
		"y/c/c.go":     "package c\n\ntype T struct{}\n\nfunc (T) M() {}\n\nfunc Lonely() {}\n",
	})
	for _, tests := range []bool{false, true} {
		res := runClean(t, fmt.Sprintf("tests=%t", tests), Config{
			Dir:      dir,
			Patterns: []string{"./a"},
			Tests:    tests,
			Rules:    []analyzers.Rule{rule(probe, "error")},
			Env:      offline(),
		})
		var got []string
		for _, f := range res.Findings {
			got = append(got, filepath.Base(f.Pos.File)+": "+f.Message)
		}
		sort.Strings(got)
		want := []string{"a.go: y/c complete=false T=true Lonely=false"}
		if tests {
			// a's test files import y/c: the test binary's world holds
			// it whole, and it is the y/c that y/b's F returns.
			want = []string{
				"a.go: y/c complete=true T=true Lonely=true",
				"ex_test.go: y/c complete=true T=true Lonely=true",
			}
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("tests=%t: findings\n%s\nwant\n%s", tests, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// nameFact marks a function of a dependency. It is listed: factProbe
// lists every fact it sees.
type nameFact struct{}

func (*nameFact) AFact()         {}
func (*nameFact) String() string { return "name" }
func (*nameFact) Listed() bool   { return true }

// factProbe marks every function of y/d, the one dependency it learns
// from, and reports in x/a the functions whose marks it sees.
var factProbe = &analysis.Analyzer{
	Name:      "factprobe",
	Doc:       "report the facts a package sees",
	FactTypes: []analysis.Fact{new(nameFact)},
	Run: func(pass *analysis.Pass) (any, error) {
		if pass.Pkg.Path() == "y/d" {
			scope := pass.Pkg.Scope()
			for _, name := range scope.Names() {
				obj := scope.Lookup(name)
				if _, ok := obj.(*types.Func); ok {
					pass.ExportObjectFact(obj, new(nameFact))
				}
				if tn, ok := obj.(*types.TypeName); ok {
					if named, ok := tn.Type().(*types.Named); ok {
						for m := range named.Methods() {
							pass.ExportObjectFact(m, new(nameFact))
						}
					}
				}
			}
			return nil, nil
		}
		var names []string
		for _, f := range pass.AllObjectFacts() {
			names = append(names, f.Object.Name())
		}
		sort.Strings(names)
		pass.Reportf(pass.Files[0].Package, "facts about %s", strings.Join(names, " "))
		return nil, nil
	},
}

// TestWorldsPlaceFactsOnWholePackages checks that a dependency with listed
// facts is read whole, so that a package sees the facts about all its objects,
// also those no export data it reads names: the function a rule reaches
// through an interface may be one.
func TestWorldsPlaceFactsOnWholePackages(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"go.mod":   "module x\n\ngo 1.22\n\nrequire y v0.0.0\n\nreplace y => ./y\n",
		"a/a.go":   "package a\n\nimport \"y/b\"\n\nfunc G() { b.Runner().Run() }\n",
		"y/go.mod": "module y\n\ngo 1.22\n",
		"y/b/b.go": "package b\n\nimport \"y/d\"\n\n// Runner returns what runs.\nfunc Runner() interface{ Run() } { return d.New() }\n",
		"y/d/d.go": "package d\n\ntype impl struct{}\n\nfunc (impl) Run() {}\n\n// New returns what runs.\nfunc New() interface{ Run() } { return impl{} }\n\n// Lonely is named by nothing.\nfunc Lonely() {}\n",
	})
	runCold(t, dir, factProbe, "y/d", "facts about Lonely New Run", "facts about Lonely New Run")
}

// markFact marks a function of a dependency. It is not listed.
type markFact struct{}

func (*markFact) AFact()         {}
func (*markFact) String() string { return "mark" }

// markProbe marks every function and method of y/d, and reports in x/a
// whether the method Run it calls carries the mark, and whether y/d, which
// x/a does not import, is whole.
var markProbe = &analysis.Analyzer{
	Name:      "markprobe",
	Doc:       "report the marks a package sees and whether their package is whole",
	FactTypes: []analysis.Fact{new(markFact)},
	Run: func(pass *analysis.Pass) (any, error) {
		if pass.Pkg.Path() == "y/d" {
			scope := pass.Pkg.Scope()
			for _, name := range scope.Names() {
				switch obj := scope.Lookup(name).(type) {
				case *types.Func:
					pass.ExportObjectFact(obj, new(markFact))
				case *types.TypeName:
					for m := range obj.Type().(*types.Named).Methods() {
						pass.ExportObjectFact(m, new(markFact))
					}
				}
			}
			return nil, nil
		}
		for _, obj := range pass.TypesInfo.Uses {
			if fn, ok := obj.(*types.Func); ok && fn.Name() == "Run" {
				pass.Reportf(pass.Files[0].Package, "Run marked=%t, y/d whole=%t",
					pass.ImportObjectFact(fn, new(markFact)), fn.Pkg().Complete())
			}
		}
		return nil, nil
	},
}

// TestWorldsPlaceUnlistedFacts checks that a dependency whose facts are
// not listed is not read whole when its facts come from the cache, and
// that its facts still reach the objects its importers can name. The
// first run analyses y/d, so that it is whole in that run.
func TestWorldsPlaceUnlistedFacts(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"go.mod":   "module x\n\ngo 1.22\n\nrequire y v0.0.0\n\nreplace y => ./y\n",
		"a/a.go":   "package a\n\nimport \"y/b\"\n\nfunc G() { b.Get().Run() }\n",
		"y/go.mod": "module y\n\ngo 1.22\n",
		"y/b/b.go": "package b\n\nimport \"y/d\"\n\n// Get returns a T.\nfunc Get() d.T { return d.T{} }\n",
		"y/d/d.go": "package d\n\n// T runs.\ntype T struct{}\n\n// Run runs.\nfunc (T) Run() {}\n\n// Lonely is named by nothing.\nfunc Lonely() {}\n",
	})
	runCold(t, dir, markProbe, "y/d", "Run marked=true, y/d whole=true", "Run marked=true, y/d whole=false")
}

// closureProbe marks the functions of y/db like markProbe, and reports in
// x/a every package below it, following types.Package.Imports.
var closureProbe = &analysis.Analyzer{
	Name:      "closureprobe",
	Doc:       "report the packages below a package",
	FactTypes: []analysis.Fact{new(markFact)},
	Run: func(pass *analysis.Pass) (any, error) {
		if pass.Pkg.Path() == "y/db" {
			for _, name := range pass.Pkg.Scope().Names() {
				if fn, ok := pass.Pkg.Scope().Lookup(name).(*types.Func); ok {
					pass.ExportObjectFact(fn, new(markFact))
				}
			}
			return nil, nil
		}
		seen := make(map[string]bool)
		var walk func(p *types.Package)
		walk = func(p *types.Package) {
			for _, imp := range p.Imports() {
				if !seen[imp.Path()] {
					seen[imp.Path()] = true
					walk(imp)
				}
			}
		}
		walk(pass.Pkg)
		pass.Reportf(pass.Files[0].Package, "below: %s", strings.Join(slices.Sorted(maps.Keys(seen)), " "))
		return nil, nil
	},
}

// TestWorldsListImports checks that every package a unit sees lists the
// imports the go command lists for it, whether it was read whole, read
// only as far as export data names it, or not read at all, so that a rule
// that walks the packages below its own (sqlconcat, for the SQL driver in
// use) finds the same ones with its dependencies' facts cached or not.
// y/db, whose API names y/pq, is read whole only in the first run, which
// analyses it; in the second, only as far as y/w's export data names it.
func TestWorldsListImports(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"go.mod":     "module x\n\ngo 1.22\n\nrequire y v0.0.0\n\nreplace y => ./y\n",
		"a/a.go":     "package a\n\nimport \"y/w\"\n\nfunc G() int { return w.Get().N }\n",
		"y/go.mod":   "module y\n\ngo 1.22\n",
		"y/pq/pq.go": "package pq\n\n// Driver drives.\ntype Driver struct{ N int }\n",
		"y/db/db.go": "package db\n\nimport \"y/pq\"\n\n// Conn connects.\ntype Conn struct{ N int }\n\n// Open opens.\nfunc Open() Conn { return Conn{} }\n\n// Driver names y/pq.\nfunc Driver() *pq.Driver { return nil }\n",
		"y/w/w.go":   "package w\n\nimport \"y/db\"\n\n// Get gets.\nfunc Get() db.Conn { return db.Open() }\n",
	})
	runCold(t, dir, closureProbe, "y/db", "below: y/db y/pq y/w", "below: y/db y/pq y/w")
}

// TestWorldsPlaceFactsOfSourceChecked checks that the facts of a package
// the go command cannot compile, checked from source, reach a unit that
// imports it only through another such package: they must be placed on
// the package the unit's types refer to, not on the empty one the base
// world holds for its path. (A helper found them dropped.)
func TestWorldsPlaceFactsOfSourceChecked(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"go.mod": "module y\n\ngo 1.22\n",
		"a/a.go": "package a\n\nimport \"y/c\"\n\nfunc F() { c.New().Run() }\n",
		"c/c.go": "package c\n\nimport \"y/d\"\n\n// New makes a T.\nfunc New() *d.T { return &d.T{} }\n",
		// A function without a body: go build fails, go/types does not.
		"d/d.go": "package d\n\n// T runs.\ntype T struct{}\n\n// Run runs.\nfunc (*T) Run() {}\n\nfunc missing()\n",
	})
	res, err := Run(context.Background(), Config{
		Dir:      dir,
		Patterns: []string{"./..."},
		Rules:    []analyzers.Rule{rule(markProbe, "error")},
		Env:      append(offline(), "MICROSEC_LINT_CACHE=off"),
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.Message)
	}
	if want := "Run marked=true, y/d whole=true"; len(got) != 1 || got[0] != want {
		t.Errorf("findings %q, want one, %s", got, want)
	}
}

// TestWorldsShareIndirectPackages checks that what one test binary's world
// reads into a package it shares with the base world refers only to
// packages the others share too: a.test's y.H adds U to the base world's
// y/r, incomplete there, whose field is of y/s, which the base world has
// not seen; b.test names both, and the type of the field must be its s.S.
func TestWorldsShareIndirectPackages(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"go.mod":      "module x\n\ngo 1.22\n\nrequire y v0.0.0\n\nreplace y => ./y\n",
		"app/app.go":  "package app\n\nimport \"y/x\"\n\nfunc Use() int { return x.G().X }\n",
		"a/a.go":      "package a\n",
		"a/a_test.go": "package a_test\n\nimport (\n\t\"testing\"\n\n\t\"y/y\"\n)\n\nfunc TestA(t *testing.T) { _ = y.H() }\n",
		"b/b.go":      "package b\n",
		"b/b_test.go": "package b_test\n\nimport (\n\t\"testing\"\n\n\t\"y/r\"\n\t\"y/s\"\n)\n\nfunc TestB(t *testing.T) { var v s.S = r.U{}.S; _ = v }\n",
		"y/go.mod":    "module y\n\ngo 1.22\n",
		"y/s/s.go":    "package s\n\ntype S struct{ N int }\n",
		"y/r/r.go":    "package r\n\nimport \"y/s\"\n\ntype T1 struct{ X int }\n\ntype U struct{ S s.S }\n",
		"y/x/x.go":    "package x\n\nimport \"y/r\"\n\nfunc G() r.T1 { return r.T1{} }\n",
		"y/y/y.go":    "package y\n\nimport \"y/r\"\n\nfunc H() r.U { return r.U{} }\n",
	})
	runClean(t, "tests", Config{
		Dir:      dir,
		Patterns: []string{"./..."},
		Tests:    true,
		Rules:    []analyzers.Rule{rule(probe, "error")},
		Env:      offline(),
	})
}

// runCold runs analyzer a on ./a of the module in dir twice, with one fact
// cache: the first run analyses dep, the one dependency a learns from, and
// the second takes its facts from the cache. Each run must report one
// finding, whose message is cold's, then warm's.
func runCold(t *testing.T, dir string, a *analysis.Analyzer, dep, cold, warm string) {
	t.Helper()
	for run, want := range []string{cold, warm} {
		if run > 0 {
			// A change in the root, so that it is analysed again
			// while its dependencies' facts come from the cache.
			writeTree(t, dir, map[string]string{"a/z.go": "package a\n"})
		}
		res := runClean(t, fmt.Sprintf("run %d", run), Config{
			Dir:      dir,
			Patterns: []string{"./a"},
			// hardcodedsecret, finding nothing, lets the facts of y,
			// a module replaced by a directory, be kept.
			Rules: append(rulesNamed("hardcodedsecret"), analyzers.Rule{
				Analyzer:  a,
				Level:     "error",
				DepBodies: func(d analysisutil.Dep, _ func(string) bool) bool { return d.Path == dep },
			}),
			Env: append(offline(), "MICROSEC_LINT_CACHE="+filepath.Join(dir, "cache")),
		})
		if len(res.Findings) != 1 || res.Findings[0].Message != want {
			t.Errorf("run %d: findings %+v, want one, %s", run, res.Findings, want)
		}
	}
}

// runClean runs the driver, failing the test, under the name what, on a
// run that fails or reports a problem with a package.
func runClean(t *testing.T, what string, cfg Config) *report.Result {
	t.Helper()
	res, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	for _, e := range res.Errors {
		t.Errorf("%s: error %s", what, e.Message)
	}
	return res
}
