package driver

import (
	"context"
	"go/ast"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/microsec-lint/microsec-lint/analyzers"
	"github.com/microsec-lint/microsec-lint/internal/analysisutil"
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
	var needs []analysisutil.DepBodies
	for _, r := range rules {
		if r.DepBodies != nil {
			needs = append(needs, r.DepBodies)
		}
	}
	strip, names := decide([]*packages.Package{pkgs["example.com/app"]}, needs)
	for path, want := range map[string]bool{
		"os":                            false, // ctrlflow learns os.Exit from it
		"strings":                       true,
		"os/exec":                       true, // modelled, never analysed
		"database/sql":                  true,
		"example.com/textutil":          true,
		"example.com/shell":             false,
		"example.com/runner":            false,
		"example.com/store":             false,
		"example.com/app/internal/util": false, // the user's own code
		"example.com/app":               false, // a root
	} {
		if got := strip[filepath.Join("/src", path)]; got != want {
			t.Errorf("strip %s = %v, want %v", path, got, want)
		}
	}
	if names["example.com/runner"] != "runner" || names["os/exec"] != "exec" {
		t.Errorf("names = %v, want the package name of each import", names)
	}

	// A rule with facts and no DepBodies needs every body: there is
	// nothing to plan.
	noPlan := []analyzers.Rule{{Analyzer: rules[3].Analyzer}}
	if plan := planBodies(t.Context(), packages.Config{}, nil, noPlan); plan != nil {
		t.Error("planBodies planned for a rule that needs every body")
	}
}

func TestParseFileStrips(t *testing.T) {
	plan := &bodyPlan{
		ready: make(chan struct{}),
		strip: map[string]bool{filepath.Join("/src", "dep"): true},
		names: map[string]string{"strings": "strings"},
	}
	close(plan.ready)
	src := []byte("package dep\n\nimport \"strings\"\n\n// Up is documented.\nfunc Up(s string) string { return strings.ToUpper(s) }\n")
	fset := token.NewFileSet()
	dep, err := plan.parseFile(fset, filepath.Join("/src", "dep", "a.go"), src)
	if err != nil {
		t.Fatal(err)
	}
	if !analysisutil.BodiesStripped([]*ast.File{dep}) {
		t.Error("a file of a stripped package kept its bodies")
	}
	root, err := plan.parseFile(fset, filepath.Join("/src", "app", "a.go"), src)
	if err != nil {
		t.Fatal(err)
	}
	if analysisutil.BodiesStripped([]*ast.File{root}) || len(root.Comments) != 1 {
		t.Error("a file of a kept package lost its bodies or comments")
	}
}

// seenFact makes stripRecorder an analyzer with facts, which the plan is
// for.
type seenFact struct{}

func (*seenFact) AFact() {}

// TestRunStripsDependencies runs the real cmdinjection rule on a module
// with two dependencies outside it: shellkit, whose helper runs a command
// and must keep its bodies for the finding in app, and textkit, which
// reaches no sink and is type-checked without its bodies. A recorder
// analyzer sees which packages arrive stripped.
func TestRunStripsDependencies(t *testing.T) {
	root := t.TempDir()
	for name, content := range map[string]string{
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
		"shellkit/run.go": "package shellkit\n\nimport \"os/exec\"\n\n// Run runs the program name.\nfunc Run(name string) error {\n\treturn exec.Command(name).Run()\n}\n",
		"textkit/go.mod":  "module example.com/textkit\n\ngo 1.26\n",
		// Imports used only in bodies, an init, a method, a generic
		// function: all must still type-check once stripped.
		//microsec:ignore hardcodedsecret -- a made-up DSN the test plants in the fixture
		"textkit/text.go": "package textkit\n\nimport (\n\t\"fmt\"\n\t\"sort\"\n\t\"strings\"\n)\n\nvar order []string\n\nconst DSN = \"postgres://billing:Zq7vR2mXw9Lp@db.internal/billing\"\n\n" +
			"func init() { fmt.Sprint(order) }\n\n// Trim trims s.\nfunc Trim(s string) string { return strings.TrimSpace(s) }\n\n" +
			"type List []string\n\nfunc (l List) Sorted() List { sort.Strings(l); return l }\n\n" +
			"func First[T any](xs []T) T {\n\tvar zero T\n\tif len(xs) == 0 {\n\t\treturn zero\n\t}\n\treturn xs[0]\n}\n",
	} {
		path := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var mu sync.Mutex
	stripped := make(map[string]bool)
	recorder := &analysis.Analyzer{
		Name:      "recorder",
		Doc:       "record which packages lost their bodies",
		FactTypes: []analysis.Fact{new(seenFact)},
		Run: func(pass *analysis.Pass) (any, error) {
			mu.Lock()
			defer mu.Unlock()
			stripped[pass.Pkg.Path()] = analysisutil.BodiesStripped(pass.Files)
			return nil, nil
		},
	}
	var cmd, secret analyzers.Rule
	for _, r := range analyzers.All() {
		switch r.Analyzer.Name {
		case "cmdinjection":
			cmd = r
		case "hardcodedsecret":
			secret = r
		}
	}
	res, err := Run(context.Background(), Config{
		Dir:   filepath.Join(root, "app"),
		Rules: []analyzers.Rule{cmd, secret, {Analyzer: recorder, Level: "note", DepBodies: func(analysisutil.Dep, func(string) bool) bool { return false }}},
		Env:   offline(),
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) > 0 {
		t.Errorf("errors = %+v, want none: stripping must leave packages that type-check", res.Errors)
	}
	for path, want := range map[string]bool{
		"example.com/app":      false,
		"example.com/shellkit": false,
		"example.com/textkit":  true,
		"strings":              true,
		"os":                   false,
	} {
		if got, ok := stripped[path]; !ok || got != want {
			t.Errorf("%s: stripped = %v (seen %v), want %v", path, got, ok, want)
		}
	}
	var found bool
	for _, f := range res.Findings {
		if f.Rule == "cmdinjection" && f.Pos.Line == 11 && strings.Contains(f.Message, "shellkit.Run") {
			found = true
		}
	}
	if !found {
		t.Errorf("findings = %+v, want cmdinjection at main.go:11 through shellkit.Run", res.Findings)
	}
	found = false
	for _, f := range res.Findings {
		if f.Rule == "hardcodedsecret" && filepath.Base(f.Pos.File) == "db.go" && f.Pos.Line == 10 {
			found = true
		}
	}
	if !found {
		t.Errorf("findings = %+v, want hardcodedsecret at db.go:10, where the dependency's DSN is used", res.Findings)
	}
}
