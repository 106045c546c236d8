package driver

import (
	"context"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/microsec-lint/microsec-lint/analyzers"
	"github.com/microsec-lint/microsec-lint/internal/analysisutil"
	"github.com/microsec-lint/microsec-lint/internal/report"
)

// spec is a package of a test graph: its module is "" for the standard
// library and "main" for the main module; its imports come before it.
type spec struct {
	path, module string
	imports      []string
}

// graph builds the package graph decide walks.
func graph(t *testing.T, specs []spec) map[string]*packages.Package {
	t.Helper()
	pkgs := make(map[string]*packages.Package)
	for _, s := range specs {
		p := &packages.Package{
			PkgPath: s.path,
			Name:    filepath.Base(s.path),
			GoFiles: []string{filepath.Join("/src", s.path, "a.go")},
			Imports: make(map[string]*packages.Package),
		}
		if s.module != "" {
			p.Module = &packages.Module{Path: s.module, Main: s.module == "main"}
		}
		for _, imp := range s.imports {
			q, ok := pkgs[imp]
			if !ok {
				t.Fatalf("%s imports %s, which is not declared before it", s.path, imp)
			}
			p.Imports[imp] = q
		}
		pkgs[s.path] = p
	}
	return pkgs
}

func TestDecide(t *testing.T) {
	pkgs := graph(t, []spec{
		{"os", "", nil},
		{"strings", "", nil},
		{"os/exec", "", []string{"os"}},
		{"database/sql", "", nil},
		{"example.com/textutil", "example.com/textutil", []string{"strings"}},       // reaches no sink
		{"example.com/shell", "example.com/shell", []string{"os/exec"}},             // imports a sink package
		{"example.com/runner", "example.com/runner", []string{"example.com/shell"}}, // reaches one through shell
		{"example.com/store", "example.com/store", []string{"database/sql", "os"}},  // SQL
		{"example.com/app/internal/util", "main", []string{"example.com/textutil"}}, // main module, not a root
		{"example.com/app", "main", []string{"example.com/app/internal/util", "example.com/runner", "example.com/store"}},
	})
	rules := analyzers.All()
	needed := decide([]*packages.Package{pkgs["example.com/app"]}, suiteDepBodies())
	for path, want := range map[string]bool{
		"os":                            true, // dataflow.NoReturn learns os.Exit from it
		"strings":                       false,
		"os/exec":                       false, // modelled, never analysed
		"database/sql":                  false,
		"example.com/textutil":          false,
		"example.com/shell":             true,
		"example.com/runner":            true,
		"example.com/store":             true,
		"example.com/app/internal/util": false, // no rule's business, but see plan
		"example.com/app":               true,  // reaches os/exec and SQL
	} {
		if got := needed[pkgs[path]]; got != want {
			t.Errorf("needed %s = %v, want %v", path, got, want)
		}
	}

	// The units are the roots, the main module and what a rule needs;
	// each knows the units below it, through packages that are not units.
	units := plan([]*packages.Package{pkgs["example.com/app"]}, func(p *packages.Package) bool { return needed[p] })
	got := make(map[string]*unit)
	for _, u := range units {
		got[u.pkg.PkgPath] = u
	}
	for _, path := range []string{"os", "example.com/shell", "example.com/runner", "example.com/store", "example.com/app/internal/util", "example.com/app"} {
		if got[path] == nil {
			t.Errorf("%s is not a unit", path)
		}
	}
	if len(got) != 6 {
		t.Errorf("units = %v, want 6", slices.Sorted(maps.Keys(got)))
	}
	if app := got["example.com/app"]; app == nil || !app.root || len(app.deps) != 5 {
		t.Errorf("app unit = %+v, want a root above the 5 other units", app)
	}
	if shell := got["example.com/shell"]; shell == nil || len(shell.deps) != 1 || shell.deps[0].pkg.PkgPath != "os" {
		t.Errorf("shell unit = %+v, want os below it, through os/exec", shell)
	}

	// A rule with facts and no DepBodies needs every dependency.
	all := learnedFrom([]*packages.Package{pkgs["example.com/app"]}, []analyzers.Rule{{Analyzer: rules[3].Analyzer}})
	if !all(pkgs["strings"]) {
		t.Error("a rule with facts that names no dependencies did not get them all")
	}
}

// TestDecideDotlessModule checks that a module whose path has no dot
// (module lib, replaced by a folder beside the main module) is not taken
// for the standard library: its package that reaches os/exec only through
// another of its packages is needed, as it would be at example.com/lib.
func TestDecideDotlessModule(t *testing.T) {
	pkgs := graph(t, []spec{
		{"os", "", nil},
		{"os/exec", "", []string{"os"}},
		{"lib/shell", "lib", []string{"os/exec"}},
		{"lib/runner", "lib", []string{"lib/shell"}},
		{"strings", "", nil},
		{"lib/text", "lib", []string{"strings"}}, // reaches no sink
		{"example.com/app", "main", []string{"lib/runner", "lib/text"}},
	})
	needed := decide([]*packages.Package{pkgs["example.com/app"]}, suiteDepBodies())
	for _, path := range []string{"lib/shell", "lib/runner", "example.com/app"} {
		if !needed[pkgs[path]] {
			t.Errorf("%s is not needed", path)
		}
	}
	if needed[pkgs["lib/text"]] {
		t.Error("lib/text is needed, though it reaches no sink")
	}
}

// suiteDepBodies returns the DepBodies of the suite's rules.
func suiteDepBodies() []analysisutil.DepBodies {
	var needs []analysisutil.DepBodies
	for _, r := range analyzers.All() {
		if r.DepBodies != nil {
			needs = append(needs, r.DepBodies)
		}
	}
	return needs
}

// TestDecideCredentialHelpers checks that a dependency that checks a
// credential or a signature without importing go-micro is needed, and so
// is one that checks through it: a wrapper or subscriber elsewhere learns
// that it verifies from their facts. The standard library's own users of
// crypto/subtle are not.
func TestDecideCredentialHelpers(t *testing.T) {
	pkgs := graph(t, []spec{
		{"crypto/subtle", "", nil},
		{"crypto/hmac", "", []string{"crypto/subtle"}},
		{"strings", "", nil},
		{"example.com/keys", "example.com/keys", []string{"crypto/subtle"}},
		{"example.com/bearer", "example.com/bearer", []string{"example.com/keys", "strings"}},
		{"example.com/text", "example.com/text", []string{"strings"}},
		{"example.com/app", "main", []string{"example.com/bearer", "example.com/text", "crypto/hmac"}},
	})
	needed := decide([]*packages.Package{pkgs["example.com/app"]}, suiteDepBodies())
	for path, want := range map[string]bool{
		"crypto/subtle":      false,
		"crypto/hmac":        false,
		"example.com/keys":   true,
		"example.com/bearer": true,
		"example.com/text":   false,
	} {
		if got := needed[pkgs[path]]; got != want {
			t.Errorf("needed %s = %v, want %v", path, got, want)
		}
	}
}

// writeKits writes a module app with two dependencies outside it:
// shellkit, whose helper runs a command, and textkit, which reaches no sink
// and declares a secret. It returns the module's directory.
func writeKits(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"app/go.mod": "module example.com/app\n\ngo 1.26\n\nrequire (\n\texample.com/shellkit v0.0.0\n\texample.com/textkit v0.0.0\n)\n\n" +
			"replace example.com/shellkit => ../shellkit\n\nreplace example.com/textkit => ../textkit\n",
		"app/main.go": "package main\n\nimport (\n\t\"os\"\n\n\t\"example.com/shellkit\"\n\t\"example.com/textkit\"\n)\n\n" +
			"func main() {\n\tshellkit.Run(textkit.Trim(os.Args[1]))\n}\n",
		// A secret declared in a dependency outside the module is
		// reported where the module uses it: the dependency is not
		// analysed, so nothing there claims it.
		"app/db.go": "package main\n\nimport (\n\t\"database/sql\"\n\n\t\"example.com/textkit\"\n)\n\n" +
			"func open() (*sql.DB, error) {\n\treturn sql.Open(\"postgres\", textkit.DSN)\n}\n",
		"shellkit/go.mod": "module example.com/shellkit\n\ngo 1.26\n",
		"shellkit/run.go": shellkitRuns,
		"textkit/go.mod":  "module example.com/textkit\n\ngo 1.26\n",
		//microsec:ignore hardcodedsecret -- a made-up DSN the test plants in the fixture
		"textkit/text.go": "package textkit\n\nimport \"strings\"\n\nconst DSN = \"postgres://billing:Zq7vR2mXw9Lp@db.internal/billing\"\n\n" +
			"// Trim trims s.\nfunc Trim(s string) string { return strings.TrimSpace(s) }\n",
	})
	return filepath.Join(root, "app")
}

// writeTree writes files, by slash-separated path, under root.
func writeTree(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

const (
	shellkitRuns  = "package shellkit\n\nimport \"os/exec\"\n\n// Run runs the program name.\nfunc Run(name string) error {\n\treturn exec.Command(name).Run()\n}\n"
	shellkitFixed = "package shellkit\n\nimport \"os/exec\"\n\n// Run runs a fixed program, whatever name says.\nfunc Run(name string) error {\n\t_ = name\n\treturn exec.Command(\"true\").Run()\n}\n"
)

// kitRun runs cmdinjection and hardcodedsecret on the kits with the fact
// cache in cache. It returns the findings and the packages cmdinjection
// analysed.
func kitRun(t *testing.T, dir, cache string) (*report.Result, map[string]bool) {
	t.Helper()
	var mu sync.Mutex
	analysed := make(map[string]bool)
	var cmd, secret analyzers.Rule
	for _, r := range analyzers.All() {
		switch r.Analyzer.Name {
		case "cmdinjection":
			cmd = r
		case "hardcodedsecret":
			secret = r
		}
	}
	// Watch cmdinjection, which needs the dependencies that reach
	// os/exec, to see which packages are analysed.
	cmd = watch(cmd, &mu, analysed)
	res, err := Run(context.Background(), Config{
		Dir:   dir,
		Rules: []analyzers.Rule{cmd, secret},
		Env:   append(offline(), CacheEnv+"="+cache),
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) > 0 {
		t.Errorf("errors = %+v, want none", res.Errors)
	}
	return res, analysed
}

func hasFinding(res *report.Result, rule, file string, line int) bool {
	for _, f := range res.Findings {
		if f.Rule == rule && filepath.Base(f.Pos.File) == file && f.Pos.Line == line {
			return true
		}
	}
	return false
}

// TestRunAnalysesNeededDependencies runs the real cmdinjection rule on the
// kits: shellkit must be analysed for the finding in app, through its
// facts; textkit, which reaches no sink, and strings are read from export
// data only.
func TestRunAnalysesNeededDependencies(t *testing.T) {
	res, analysed := kitRun(t, writeKits(t), "off")
	for path, want := range map[string]bool{
		"example.com/app":      true,
		"example.com/shellkit": true,
		"example.com/textkit":  false,
		"strings":              false,
		"os":                   true,
	} {
		if analysed[path] != want {
			t.Errorf("%s: analysed = %v, want %v", path, analysed[path], want)
		}
	}
	if !hasFinding(res, "cmdinjection", "main.go", 11) {
		t.Errorf("findings = %+v, want cmdinjection at main.go:11 through shellkit.Run", res.Findings)
	}
	if !hasFinding(res, "hardcodedsecret", "db.go", 10) {
		t.Errorf("findings = %+v, want hardcodedsecret at db.go:10, where the dependency's DSN is used", res.Findings)
	}
}

// TestFactCache runs the kits three times with one cache: the second run
// takes shellkit's facts and app's record from the cache and finds the
// same; after shellkit runs only a fixed command, the third must see the
// change, not the stale facts nor app's stale record.
func TestFactCache(t *testing.T) {
	dir := writeKits(t)
	cache := t.TempDir()
	first, analysed := kitRun(t, dir, cache)
	if !analysed["example.com/shellkit"] || !hasFinding(first, "cmdinjection", "main.go", 11) {
		t.Fatalf("first run: analysed %v, findings %+v; want shellkit analysed and the finding at main.go:11", analysed, first.Findings)
	}
	second, analysed := kitRun(t, dir, cache)
	if analysed["example.com/shellkit"] || analysed["os"] {
		t.Errorf("second run analysed %v again, want its facts from the cache", analysed)
	}
	if analysed["example.com/app"] {
		t.Error("second run analysed the unchanged root again, want its record from the cache")
	}
	if !slices.EqualFunc(first.Findings, second.Findings, func(a, b report.Finding) bool {
		return a.Rule == b.Rule && a.Pos == b.Pos && a.Message == b.Message && a.Fingerprint == b.Fingerprint
	}) {
		t.Errorf("findings differ with cached facts:\nfirst  %+v\nsecond %+v", first.Findings, second.Findings)
	}

	if err := os.WriteFile(filepath.Join(dir, "..", "shellkit", "run.go"), []byte(shellkitFixed), 0o644); err != nil {
		t.Fatal(err)
	}
	third, analysed := kitRun(t, dir, cache)
	if !analysed["example.com/shellkit"] {
		t.Error("third run did not analyse the changed shellkit")
	}
	if hasFinding(third, "cmdinjection", "main.go", 11) {
		t.Errorf("third run still reports main.go:11 after shellkit stopped running its argument: %+v", third.Findings)
	}
}

// TestCancelledRunCachesNothingPartial: a run cancelled while units wait
// must not analyse a unit whose dependencies were skipped, or it would
// cache facts made without theirs (mid's summary without helper's) and
// every later run would miss the finding in app. Cancelling as soon as
// the packages are loaded leaves each unit to a race between starting and
// stopping; several rounds make a lost race likely if the driver allowed
// it.
func TestCancelledRunCachesNothingPartial(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"app/go.mod": "module example.com/app\n\ngo 1.26\n\nrequire example.com/mid v0.0.0\n\nrequire example.com/helper v0.0.0 // indirect\n\n" +
			"replace example.com/mid => ../mid\n\nreplace example.com/helper => ../helper\n",
		"app/main.go":   "package main\n\nimport (\n\t\"os\"\n\n\t\"example.com/mid\"\n)\n\nfunc main() {\n\t_ = mid.Run2(os.Getenv(\"X\"))\n}\n",
		"mid/go.mod":    "module example.com/mid\n\ngo 1.26\n\nrequire example.com/helper v0.0.0\n\nreplace example.com/helper => ../helper\n",
		"mid/mid.go":    "package mid\n\nimport \"example.com/helper\"\n\n// Run2 runs s.\nfunc Run2(s string) error { return helper.Run(s) }\n",
		"helper/go.mod": "module example.com/helper\n\ngo 1.26\n",
		"helper/run.go": "package helper\n\nimport \"os/exec\"\n\n// Run runs a script.\nfunc Run(script string) error { return exec.Command(\"sh\", \"-c\", script).Run() }\n",
	})
	var cmd analyzers.Rule
	for _, r := range analyzers.All() {
		if r.Analyzer.Name == "cmdinjection" {
			cmd = r
		}
	}
	dir := filepath.Join(root, "app")
	for round := range 6 {
		env := append(offline(), CacheEnv+"="+t.TempDir())
		ctx, cancel := context.WithCancel(context.Background())
		_, err := Run(ctx, Config{Dir: dir, Rules: []analyzers.Rule{cmd}, Env: env, Progress: func(p Progress) {
			if p.Loaded > 0 {
				cancel()
			}
		}})
		cancel()
		if err == nil {
			t.Fatalf("round %d: cancelled run returned no error", round)
		}
		res, err := Run(context.Background(), Config{Dir: dir, Rules: []analyzers.Rule{cmd}, Env: env})
		if err != nil {
			t.Fatal(err)
		}
		if !hasFinding(res, "cmdinjection", "main.go", 10) {
			t.Fatalf("round %d: after a cancelled run, findings = %+v; want cmdinjection at main.go:10 through mid.Run2 and helper.Run", round, res.Findings)
		}
	}
}
