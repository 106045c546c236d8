package hardcodedsecret_test

import (
	"fmt"
	"go/constant"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/microsec-lint/microsec-lint/analyzers/hardcodedsecret"
	"github.com/microsec-lint/microsec-lint/internal/secrets"
)

// packages are the fixture packages analysed with the default settings.
// Each reported line has a look-alike beside it that is not reported.
var packages = []string{
	"app/formats", "app/names", "app/micro4", "app/micro2", "app/micro5",
	"app/libs", "app/more", "app/crossa", "app/crossb", "app/severity", "app/testdata/gen",
	"app/fixes", "app/runtimevalues",
}

// Test runs the analyzer over every fixture package once, then checks what
// the want comments cannot: severities and redaction.
func Test(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), hardcodedsecret.Analyzer, packages...)
	t.Run("severity", func(t *testing.T) { checkSeverity(t, results) })
	t.Run("redaction", func(t *testing.T) { checkRedaction(t, results) })
}

// TestFix checks the suggested fixes against .golden files: literals become
// os.Getenv calls, "os" is imported when missing, and constants,
// concatenations and literals of named string types are left alone.
func TestFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), hardcodedsecret.Analyzer, "app/fixes")
}

// checkSeverity checks that findings in _test.go files and in testdata
// packages carry Category "note", which the driver turns into the note
// level, and that other findings carry no category.
func checkSeverity(t *testing.T, results []*analysistest.Result) {
	seen := map[string]string{}
	for _, r := range results {
		for _, d := range r.Diagnostics {
			file := r.Pass.Fset.Position(d.Pos).Filename
			seen[file[strings.LastIndex(file, "/")+1:]] = d.Category
		}
	}
	want := map[string]string{"severity.go": "", "severity_test.go": "note", "gen.go": "note"}
	for file, cat := range want {
		got, ok := seen[file]
		if !ok {
			t.Errorf("%s: no finding", file)
		} else if got != cat {
			t.Errorf("%s: category %q, want %q", file, got, cat)
		}
	}
}

// TestFlagTests drops findings in test files and testdata packages, as
// -hardcodedsecret.tests=false does.
func TestFlagTests(t *testing.T) {
	a := hardcodedsecret.New(hardcodedsecret.DefaultConfig())
	if err := a.Flags.Set("tests", "false"); err != nil {
		t.Fatal(err)
	}
	results := analysistest.Run(t, analysistest.TestData(), a, "app/notests", "app/testdata/skipped")
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if d.Category == "note" {
				t.Errorf("%s: note reported with -tests=false", r.Pass.Fset.Position(d.Pos))
			}
		}
	}
}

// TestFlagPlaceholders adds placeholder words, as
// -hardcodedsecret.placeholders=staging-only,acme-sandbox does, and checks
// that without them the same values are reported.
func TestFlagPlaceholders(t *testing.T) {
	a := hardcodedsecret.New(hardcodedsecret.DefaultConfig())
	if err := a.Flags.Set("placeholders", "staging-only,acme-sandbox"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, analysistest.TestData(), a, "app/flagplaceholders")

	var rec recorder
	analysistest.Run(&rec, analysistest.TestData(), hardcodedsecret.Analyzer, "app/flagplaceholders")
	if n := strings.Count(strings.Join(rec, "\n"), "unexpected diagnostic"); n != 2 {
		t.Errorf("without the flag, %d unexpected findings, want the 2 placeholders reported:\n%s", n, strings.Join(rec, "\n"))
	}
}

// recorder collects what analysistest would report as test failures.
type recorder []string

func (r *recorder) Errorf(format string, args ...any) { *r = append(*r, fmt.Sprintf(format, args...)) }

// checkRedaction checks that no message, fix message or fix text contains
// a secret the analyzer reports: neither the whole value of the reported
// literal nor the secret a detector finds in it. The values are taken from
// the type checker, so concatenated fixtures are checked whole.
func checkRedaction(t *testing.T, results []*analysistest.Result) {
	var sc secrets.Scanner
	checked := 0
	for _, r := range results {
		for _, d := range r.Diagnostics {
			value, ok := valueAt(r.Pass, d)
			if !ok {
				t.Errorf("%s: no constant at the finding", r.Pass.Fset.Position(d.Pos))
				continue
			}
			secretsOf := []string{value}
			for _, m := range sc.Scan(value) {
				secretsOf = append(secretsOf, m.Secret(value))
			}
			texts := []string{d.Message}
			for _, f := range d.SuggestedFixes {
				texts = append(texts, f.Message)
				for _, e := range f.TextEdits {
					texts = append(texts, string(e.NewText))
				}
			}
			for _, s := range secretsOf {
				if len(s) < 5 || secrets.IsGenericWord(s) {
					continue // Redact shows up to four characters; "secret" is also prose
				}
				for _, text := range texts {
					if strings.Contains(text, s) {
						t.Errorf("%s: output %q contains the secret %q", r.Pass.Fset.Position(d.Pos), text, s)
					}
				}
			}
			checked++
		}
	}
	if checked < 80 {
		t.Errorf("checked %d findings, want the whole fixture set (80 or more)", checked)
	}
}

// valueAt returns the constant string of the expression a diagnostic spans.
func valueAt(pass *analysis.Pass, d analysis.Diagnostic) (string, bool) {
	for e, tv := range pass.TypesInfo.Types {
		if e.Pos() == d.Pos && e.End() == d.End && tv.Value != nil && tv.Value.Kind() == constant.String {
			return constant.StringVal(tv.Value), true
		}
	}
	return "", false
}

func TestDoc(t *testing.T) {
	a := hardcodedsecret.Analyzer
	if a.Name != hardcodedsecret.Doc.Name || a.Doc != hardcodedsecret.Doc.Analyzer() {
		t.Errorf("Analyzer.Doc does not come from doc.go")
	}
	if !strings.HasPrefix(a.Doc, "report credentials, keys and tokens written in source\n") {
		t.Errorf("title: %q", strings.SplitN(a.Doc, "\n", 2)[0])
	}
	if !strings.Contains(hardcodedsecret.Doc.Body, "# Limitations") {
		t.Errorf("doc.go has no Limitations section")
	}
	if f := a.Flags.Lookup("tests"); f == nil || f.DefValue != "true" {
		t.Errorf("flag tests: %v, want default true", f)
	}
	if f := a.Flags.Lookup("placeholders"); f == nil || f.DefValue != "" {
		t.Errorf("flag placeholders: %v, want default empty", f)
	}
}

// TestRealGoMicroV4 type-checks a fixture module against the real
// go-micro.dev/v4 v4.10.2 (run `go list -deps -test ./...` in
// testdata/real/v4 first, as scripts/test.sh does; analysistest works
// offline). It makes sure the sinks match the module's own objects: auth
// options, the Token struct, metadata.Set and store.Nodes.
func TestRealGoMicroV4(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the real go-micro.dev/v4 module")
	}
	dir := filepath.Join(analysistest.TestData(), "real", "v4")
	analysistest.Run(t, dir, hardcodedsecret.Analyzer, "./...")
}

// writeLongConcatenation writes, under a new testdata directory, package
// longcat: a token concatenated with n empty strings, which is one secret
// reported once at its start, and a non-constant concatenation of as
// many, which is none.
func writeLongConcatenation(t testing.TB, n int) string {
	dir := t.TempDir()
	pad := strings.Repeat(` + ""`, n)
	src := "package longcat\n\nimport \"os\"\n\nvar (\n" +
		"\ttok   = \"gh\" + \"p_0123456789abcdefghijABCDEFGHIJ\" + \"3mpbCX\"" + pad + " // want `github personal access token \"ghp_…\" \\(40 chars\\)`\n" +
		"\tmixed = \"x\"" + pad + " + os.Getenv(\"X\")" + pad + "\n)\n"
	path := filepath.Join(dir, "src", "longcat", "longcat.go")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestLongConcatenation: a concatenation of tens of thousands of terms is
// one expression, reported once, and walked in linear time (the walk used
// to ask each term where it starts, which descends the whole chain; see
// BenchmarkLongConcatenation).
func TestLongConcatenation(t *testing.T) {
	analysistest.Run(t, writeLongConcatenation(t, 20000), hardcodedsecret.Analyzer, "longcat")
}

func BenchmarkLongConcatenation(b *testing.B) {
	dir := writeLongConcatenation(b, 20000)
	for b.Loop() {
		analysistest.Run(b, dir, hardcodedsecret.Analyzer, "longcat")
	}
}
