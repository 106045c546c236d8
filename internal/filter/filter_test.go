package filter

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/microsec-lint/microsec-lint/analyzers"
	"github.com/microsec-lint/microsec-lint/internal/config"
)

// TestAnalyzerFilters runs a stand-in for sqlconcat that reports every
// call, wrapped for a project whose .microsec.yml excludes one file: the
// diagnostics in that file and the one a //microsec:ignore directive
// covers are dropped, a directive without a reason silences nothing, and
// the rest pass.
func TestAnalyzerFilters(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		".microsec.yml": "exclude:\n  - legacy.go\n",
		"a.go":          "package p\n\nfunc f() {}\n\nfunc g() {\n\tf()\n\t//microsec:ignore sqlconcat -- the text is constant\n\tf()\n\tf() //microsec:ignore sqlconcat\n}\n",
		"legacy.go":     "package p\n\nfunc h() { f() }\n",
	}
	fset := token.NewFileSet()
	var parsed []*ast.File
	for name, text := range files {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if filepath.Ext(name) != ".go" {
			continue
		}
		f, err := parser.ParseFile(fset, path, text, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		parsed = append(parsed, f)
	}
	cfg, err := config.Resolve("", dir)
	if err != nil {
		t.Fatal(err)
	}
	calls := &analysis.Analyzer{
		Name: "sqlconcat",
		Doc:  "reports every call",
		Run: func(pass *analysis.Pass) (any, error) {
			for _, f := range pass.Files {
				ast.Inspect(f, func(n ast.Node) bool {
					if c, ok := n.(*ast.CallExpr); ok {
						pass.Reportf(c.Pos(), "call")
					}
					return true
				})
			}
			return nil, nil
		},
	}
	var lines []int
	pass := &analysis.Pass{
		Fset:  fset,
		Files: parsed,
		Report: func(d analysis.Diagnostic) {
			p := fset.Position(d.Pos)
			if filepath.Base(p.Filename) != "a.go" {
				t.Errorf("diagnostic in %s, which .microsec.yml excludes", p.Filename)
			}
			lines = append(lines, p.Line)
		},
	}
	if _, err := Analyzer(calls, cfg, analyzers.Known()).Run(pass); err != nil {
		t.Fatal(err)
	}
	if want := []int{6, 9}; !reflect.DeepEqual(lines, want) {
		t.Errorf("diagnostics on lines %v, want %v (line 8 is suppressed; line 9's directive gives no reason)", lines, want)
	}
}

// TestAnalyzerKeepsIdentity checks that the copy keeps what the checker
// and the fact encoding rely on, and the analyzer's result.
func TestAnalyzerKeepsIdentity(t *testing.T) {
	type fact struct{ analysis.Fact }
	req := &analysis.Analyzer{Name: "req", Doc: "required", Run: func(*analysis.Pass) (any, error) { return nil, nil }}
	a := &analysis.Analyzer{
		Name:      "facts",
		Doc:       "exports facts",
		Requires:  []*analysis.Analyzer{req},
		FactTypes: []analysis.Fact{new(fact)},
		Run:       func(*analysis.Pass) (any, error) { return 1, nil },
	}
	w := Analyzer(a, config.Default(t.TempDir()), analyzers.Known())
	if w == a || w.Name != a.Name || w.Doc != a.Doc || !reflect.DeepEqual(w.Requires, a.Requires) ||
		!reflect.DeepEqual(w.FactTypes, a.FactTypes) {
		t.Errorf("wrapper %+v differs from %+v", w, a)
	}
	res, err := w.Run(&analysis.Pass{Files: []*ast.File{}})
	if res != 1 || err != nil {
		t.Errorf("wrapper Run = %v, %v; want the analyzer's result", res, err)
	}
}

// TestAnalyzerRedacts: a message that quotes a hard-coded secret from the
// source reaches go vet and golangci-lint with the secret described by
// its first characters and length only.
func TestAnalyzerRedacts(t *testing.T) {
	password := strings.Join([]string{"Pr0xy", "Passw0rd"}, "") // joined at run time, for the self-check
	quoting := &analysis.Analyzer{
		Name: "cmdinjection",
		Doc:  "quotes a command line",
		Run: func(pass *analysis.Pass) (any, error) {
			pass.Reportf(token.NoPos, `command ("--proxy=http://deploy:%s@proxy.corp:3128/...") comes from external input`, password)
			return nil, nil
		},
	}
	var msgs []string
	pass := &analysis.Pass{
		Fset:   token.NewFileSet(),
		Report: func(d analysis.Diagnostic) { msgs = append(msgs, d.Message) },
	}
	if _, err := Analyzer(quoting, &config.Config{}, analyzers.Known()).Run(pass); err != nil {
		t.Fatal(err)
	}
	if len(msgs) != 1 || strings.Contains(msgs[0], password[3:9]) || !strings.Contains(msgs[0], "Pr0…(13 chars)") {
		t.Errorf("messages = %q, want one with the password described, not shown", msgs)
	}
}
