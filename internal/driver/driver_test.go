package driver

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/microsec-lint/microsec-lint/analyzers"
	"github.com/microsec-lint/microsec-lint/analyzers/sqlconcat"
	"github.com/microsec-lint/microsec-lint/internal/baseline"
	"github.com/microsec-lint/microsec-lint/internal/report"
	"github.com/microsec-lint/microsec-lint/internal/secrets"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// badFuncs reports every function named Bad, with a fix that renames it.
var badFuncs = &analysis.Analyzer{
	Name: "badfuncs",
	Doc:  "report functions named Bad",
	Run: func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			for _, d := range f.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok || fd.Name.Name != "Bad" {
					continue
				}
				pass.Report(analysis.Diagnostic{
					Pos:     fd.Name.Pos(),
					End:     fd.Name.End(),
					Message: "function named Bad",
					SuggestedFixes: []analysis.SuggestedFix{{
						Message:   "rename to Good",
						TextEdits: []analysis.TextEdit{{Pos: fd.Name.Pos(), End: fd.Name.End(), NewText: []byte("Good")}},
					}},
				})
			}
		}
		return nil, nil
	},
}

// panicky panics on one package, to show that the others are still analysed.
var panicky = &analysis.Analyzer{
	Name: "panicky",
	Doc:  "panic on package also",
	Run: func(pass *analysis.Pass) (any, error) {
		if pass.Pkg.Name() == "also" {
			panic("boom")
		}
		return nil, nil
	},
}

func rule(a *analysis.Analyzer, level string) analyzers.Rule {
	return analyzers.Rule{Analyzer: a, Level: level}
}

// rulesNamed returns the suite's rules of those names.
func rulesNamed(names ...string) []analyzers.Rule {
	var out []analyzers.Rule
	for _, r := range analyzers.All() {
		if slices.Contains(names, r.Analyzer.Name) {
			out = append(out, r)
		}
	}
	return out
}

func runOn(t *testing.T, tests bool, rules ...analyzers.Rule) *report.Result {
	t.Helper()
	res, err := Run(context.Background(), Config{
		Dir:      filepath.Join("testdata", "mod"),
		Patterns: []string{"./good", "./also", "./broken"},
		Tests:    tests,
		Rules:    rules,
		Env:      offline(),
	})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestRunFindingsAndBrokenPackage(t *testing.T) {
	res := runOn(t, true, rule(badFuncs, "warning"))

	var got []string
	for _, f := range res.Findings {
		rel, _ := filepath.Rel(res.WorkDir, f.Pos.File)
		got = append(got, fmt.Sprintf("%s:%d:%d-%d %s %s", filepath.ToSlash(rel), f.Pos.Line, f.Pos.Column, f.End.Column, f.Rule, f.Level))
	}
	// good.go is in the package and in its test variant: reported once.
	want := []string{
		"also/also.go:3:6-9 badfuncs warning",
		"good/good.go:3:6-9 badfuncs warning",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(res.Findings) > 0 {
		fixes := res.Findings[0].Fixes
		if len(fixes) != 1 || fixes[0].Edits[0].NewText != "Good" || fixes[0].Edits[0].End.Column != 9 {
			t.Errorf("suggested fix not carried over: %+v", fixes)
		}
	}

	if len(res.Errors) != 1 {
		t.Fatalf("errors = %+v, want one for package broken", res.Errors)
	}
	p := res.Errors[0]
	if p.Package != "example.com/mod/broken" || !strings.Contains(p.Message, "broken.go:3") || !strings.Contains(p.Message, "undefined") {
		t.Errorf("error for broken package = %+v", p)
	}
}

func TestRunPanicIsContained(t *testing.T) {
	res := runOn(t, false, rule(badFuncs, "error"), rule(panicky, "error"))
	if len(res.Findings) != 2 {
		t.Errorf("findings = %d, want the 2 of badfuncs despite the panic", len(res.Findings))
	}
	var found bool
	for _, p := range res.Errors {
		if strings.Contains(p.Message, "internal error in panicky on example.com/mod/also: boom") {
			found = true
			if ie, ok := p.Err.(*InternalError); !ok || !strings.Contains(string(ie.Stack), "driver_test.go") {
				t.Errorf("internal error carries no stack: %#v", p.Err)
			}
		}
	}
	if !found {
		t.Errorf("errors = %+v, want the internal error of panicky", res.Errors)
	}
}

func TestRunCategoryOverridesLevel(t *testing.T) {
	noted := &analysis.Analyzer{
		Name: "noted",
		Doc:  "report each file at note level",
		Run: func(pass *analysis.Pass) (any, error) {
			for _, f := range pass.Files {
				pass.Report(analysis.Diagnostic{Pos: f.Package, Message: "file", Category: "note"})
			}
			return nil, nil
		},
	}
	res := runOn(t, false, rule(noted, "error"))
	for _, f := range res.Findings {
		if f.Level != report.LevelNote {
			t.Errorf("finding %+v has level %s, want note from its category", f.Pos, f.Level)
		}
	}
	if len(res.Findings) == 0 {
		t.Error("no findings")
	}
}

func TestRunNoPackages(t *testing.T) {
	_, err := Run(context.Background(), Config{
		Dir:      filepath.Join("testdata", "mod"),
		Patterns: []string{"./nothing/..."},
		Rules:    []analyzers.Rule{rule(badFuncs, "error")},
		Env:      offline(),
	})
	if err == nil || !strings.Contains(err.Error(), "no Go packages match ./nothing/...: pattern ./nothing/...: lstat ./nothing/: no such file or directory") {
		t.Errorf("err = %v, want a no-packages error naming the pattern", err)
	}
}

func TestRunNoModule(t *testing.T) {
	_, err := Run(context.Background(), Config{
		Dir:   t.TempDir(),
		Rules: []analyzers.Rule{rule(badFuncs, "error")},
		Env:   offline(),
	})
	if err == nil || !strings.Contains(err.Error(), "no go.mod in ") || strings.Contains(err.Error(), "\n") {
		t.Errorf("err = %v, want one line saying there is no go.mod", err)
	}
}

// offline is the environment of the go command in these tests: the
// fixtures need no module, and no test may reach the network.
// TestRunBuildCacheOff: without a build cache there is no export data;
// the cause is one line, not "no Go packages match".
func TestRunBuildCacheOff(t *testing.T) {
	_, err := Run(context.Background(), Config{
		Dir:   filepath.Join("testdata", "mod"),
		Rules: []analyzers.Rule{rule(badFuncs, "error")},
		Env:   append(offline(), "GOCACHE=off"),
	})
	if err == nil || !strings.Contains(err.Error(), "GOCACHE=off") || strings.Contains(err.Error(), "\n") {
		t.Errorf("err = %v, want one line naming GOCACHE=off", err)
	}
}

// TestRunBuildCacheUnusable: a build cache the go command cannot locate is
// told with the go command's cause, not as GOCACHE=off, which the user
// did not set.
func TestRunBuildCacheUnusable(t *testing.T) {
	without := func(names ...string) []string {
		return slices.DeleteFunc(offline(), func(kv string) bool {
			name, _, _ := strings.Cut(kv, "=")
			return slices.Contains(names, name)
		})
	}
	noHome := "GOCACHE is not defined and neither $XDG_CACHE_HOME nor $HOME are defined"
	for _, tc := range []struct {
		name string
		env  []string
		want string
	}{
		{"no HOME", without("HOME", "GOCACHE", "XDG_CACHE_HOME"), noHome},
		{"HOME empty", append(without("GOCACHE", "XDG_CACHE_HOME"), "HOME="), noHome},
		{"GOCACHE relative", append(offline(), "GOCACHE=rel/cache"), "GOCACHE is not an absolute path"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Run(context.Background(), Config{
				Dir:   filepath.Join("testdata", "mod"),
				Rules: []analyzers.Rule{rule(badFuncs, "error")},
				Env:   tc.env,
			})
			if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "GOCACHE=off") || strings.Contains(err.Error(), "\n") {
				t.Errorf("err = %v, want one line naming %q", err, tc.want)
			}
		})
	}
}

// offline keeps the go command off the network, and the run off the
// user's cache, so that no test reads what an earlier one left there; a
// test of the cache appends its own folder.
func offline() []string {
	return append(os.Environ(), "GOPROXY=off", "GOFLAGS=", CacheEnv+"=off")
}

func TestRunSomePatternsUnmatched(t *testing.T) {
	res, err := Run(context.Background(), Config{
		Dir:      filepath.Join("testdata", "mod"),
		Patterns: []string{"./good", "./missing"},
		Rules:    []analyzers.Rule{rule(badFuncs, "error")},
		Env:      offline(),
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 1 {
		t.Errorf("findings = %d, want 1 from ./good", len(res.Findings))
	}
	if len(res.Errors) != 1 || !strings.Contains(res.Errors[0].Message, "missing: directory not found") {
		t.Errorf("errors = %+v, want one naming the missing directory", res.Errors)
	}
}

func TestRunSuppressions(t *testing.T) {
	res, err := Run(context.Background(), Config{
		Dir:      filepath.Join("testdata", "mod"),
		Patterns: []string{"./supp"},
		Rules:    []analyzers.Rule{rule(badFuncs, "error")},
		Env:      offline(),
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		s := fmt.Sprintf("%d %s", f.Pos.Line, f.Rule)
		if f.Suppression != nil {
			s += " suppressed: " + f.Suppression.Justification
		}
		got = append(got, s)
	}
	want := []string{
		"4 badfuncs suppressed: kept for old callers",
		"8 badfuncs suppressed: ",
		"10 ignoredirective",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestFingerprintsSurviveUnrelatedEdits: lines inserted above a finding
// move it but keep its fingerprint; a baseline written before the edit
// still accepts it, and a new finding is not accepted.
func TestFingerprintsSurviveUnrelatedEdits(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/fp\n\ngo 1.26\n")
	write("fp.go", "package fp\n\nfunc Bad() {}\n")
	runDir := func(b *baseline.Baseline) *report.Result {
		t.Helper()
		res, err := Run(context.Background(), Config{Dir: dir, Rules: []analyzers.Rule{rule(badFuncs, "error")}, Env: offline(), Baseline: b})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	before := runDir(nil)
	if len(before.Findings) != 1 || before.Findings[0].Fingerprint == "" {
		t.Fatalf("findings before the edit: %+v", before.Findings)
	}
	var buf bytes.Buffer
	if err := baseline.Write(&buf, before.Findings, dir); err != nil {
		t.Fatal(err)
	}
	write("baseline.json", buf.String())
	b, err := baseline.Load(filepath.Join(dir, "baseline.json"))
	if err != nil {
		t.Fatal(err)
	}

	write("fp.go", "package fp\n\n// Unrelated lines.\nvar x = 1\n\nfunc Bad() {}\n")
	after := runDir(nil)
	if len(after.Findings) != 1 || after.Findings[0].Pos.Line != 6 {
		t.Fatalf("findings after the edit: %+v", after.Findings)
	}
	if after.Findings[0].Fingerprint != before.Findings[0].Fingerprint {
		t.Errorf("fingerprint changed with an unrelated edit")
	}
	if res := runDir(b); len(res.Findings) != 0 {
		t.Errorf("baseline did not accept the moved finding: %+v", res.Findings)
	}

	write("fp2.go", "package fp\n\ntype S struct{}\n\nfunc (S) Bad() {}\n")
	res := runDir(b)
	if len(res.Findings) != 1 || !strings.HasSuffix(res.Findings[0].Pos.File, "fp2.go") {
		t.Errorf("with baseline, findings = %+v; want only the new one in fp2.go", res.Findings)
	}
}

// TestFingerprintHidesSecret: a hard-coded password's fingerprint, in
// the JSON output and in baselines, is the same whatever the password is,
// so it cannot be used to try candidates for it. (The message shows the
// first characters of a long one: the two here share them.)
func TestFingerprintHidesSecret(t *testing.T) {
	secretRule := rulesNamed("hardcodedsecret")
	fingerprint := func(password string) string {
		t.Helper()
		dir := t.TempDir()
		writeTree(t, dir, map[string]string{
			"go.mod": "module example.com/fp\n\ngo 1.26\n",
			"fp.go":  "package fp\n\nvar dbPassword = \"" + password + "\"\n",
		})
		res, err := Run(context.Background(), Config{Dir: dir, Rules: secretRule, Env: offline()})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Findings) != 1 {
			t.Fatalf("findings = %+v, want the password", res.Findings)
		}
		return res.Findings[0].Fingerprint
	}
	//microsec:ignore hardcodedsecret -- made-up passwords the test plants
	a, b := fingerprint("Zq7vR2mXw9Lp4kTb"), fingerprint("Zq7vQ8mTw3Lk5jRc")
	if a != b {
		t.Errorf("fingerprints %s and %s differ with the password alone", a, b)
	}
}

// TestBaselineTellsQueriesApart: a query added above one the baseline
// accepted is reported, not the accepted one, though the two differ only
// in their text.
func TestBaselineTellsQueriesApart(t *testing.T) {
	sqlRule := rulesNamed("sqlconcat")
	dir := t.TempDir()
	write := func(body string) {
		t.Helper()
		src := "package q\n\nimport (\n\t\"database/sql\"\n\t\"os\"\n)\n\nfunc F(db *sql.DB) {\n" + body + "}\n"
		writeTree(t, dir, map[string]string{"go.mod": "module example.com/q\n\ngo 1.26\n", "q.go": src})
	}
	run := func(b *baseline.Baseline) *report.Result {
		t.Helper()
		res, err := Run(context.Background(), Config{Dir: dir, Rules: sqlRule, Env: offline(), Baseline: b})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	accepted := "\tdb.Query(\"SELECT total FROM sales WHERE region = '\" + os.Getenv(\"REGION\") + \"'\")\n"
	write(accepted)
	var buf bytes.Buffer
	if err := baseline.Write(&buf, run(nil).Findings, dir); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "baseline.json"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := baseline.Load(filepath.Join(dir, "baseline.json"))
	if err != nil {
		t.Fatal(err)
	}
	write("\tdb.Query(\"SELECT password_hash FROM users WHERE name = '\" + os.Getenv(\"REGION\") + \"'\")\n" + accepted)
	res := run(b)
	if len(res.Findings) != 1 || res.Findings[0].Pos.Line != 9 {
		t.Errorf("with the baseline, findings = %+v; want only the new query, at line 9", res.Findings)
	}
}

// testDependent reports a package's first declaration when the pass holds
// a _test.go file: a finding in a built file that only test code brings.
var testDependent = &analysis.Analyzer{
	Name: "testdependent",
	Doc:  "report what only test code makes true",
	Run: func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			if strings.HasSuffix(pass.Fset.Position(f.Pos()).Filename, "_test.go") {
				first := pass.Files[0]
				pass.Reportf(first.Decls[0].Pos(), "only with the tests")
				break
			}
		}
		return nil, nil
	},
}

// TestTestVariantFindingsInBuiltFiles: what a package's test variant
// finds in its non-test files, and the package as built does not, comes
// from test code, and is not reported.
func TestTestVariantFindingsInBuiltFiles(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"go.mod":    "module example.com/tv\n\ngo 1.26\n",
		"a.go":      "package tv\n\nvar A = 1\n",
		"a_test.go": "package tv\n\nvar B = 2\n",
	})
	res, err := Run(context.Background(), Config{Dir: dir, Tests: true, Rules: []analyzers.Rule{rule(testDependent, "error")}, Env: offline()})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 0 {
		t.Errorf("findings = %+v; want none: the built package has none", res.Findings)
	}
}

func TestRunProgress(t *testing.T) {
	var calls []Progress
	_, err := Run(context.Background(), Config{
		Dir:      filepath.Join("testdata", "mod"),
		Patterns: []string{"./good", "./also"},
		Rules:    []analyzers.Rule{rule(badFuncs, "error"), rule(panicky, "error")},
		Env:      offline(),
		Progress: func(p Progress) { calls = append(calls, p) },
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []Progress{{0, 0}, {2, 0}, {2, 1}, {2, 2}}
	if fmt.Sprint(calls) != fmt.Sprint(want) {
		t.Errorf("progress calls = %v, want %v", calls, want)
	}
}

// TestBrokenPackageWithTestsReportedOnce: a package that does not
// type-check is loaded twice with -tests (itself and its test variant) but
// named once.
func TestBrokenPackageWithTestsReportedOnce(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"go.mod":      "module example.com/twice\n\ngo 1.26\n",
		"b/b.go":      "package b\n\nvar X int = \"x\"\n",
		"b/b_test.go": "package b\n\nimport \"testing\"\n\nfunc TestX(t *testing.T) {}\n",
	} {
		path := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := Run(context.Background(), Config{Dir: dir, Tests: true, Rules: []analyzers.Rule{rule(badFuncs, "error")}, Env: offline()})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) != 1 {
		t.Errorf("errors = %+v, want the broken package once", res.Errors)
	}
}

// TestTestVariantErrorsMerged: a package and its test variant that both
// fail are one entry, named by the import path, with each error once: the
// package's, then those only the test files add.
func TestTestVariantErrorsMerged(t *testing.T) {
	for name, tc := range map[string]struct {
		files map[string]string
		want  string
	}{
		"both": {
			files: map[string]string{
				"a.go":      "package tv\n\nfunc F() int { return undefinedA }\n",
				"a_test.go": "package tv\n\nimport \"testing\"\n\nfunc TestF(t *testing.T) { _ = undefinedB }\n",
			},
			want: "a.go:3:23: undefined: undefinedA; a_test.go:5:32: undefined: undefinedB",
		},
		"test only": {
			files: map[string]string{
				"a.go":      "package tv\n\nfunc F() int { return 1 }\n",
				"a_test.go": "package tv\n\nimport \"testing\"\n\nfunc TestF(t *testing.T) { _ = undefinedB }\n",
			},
			want: "a_test.go:5:32: undefined: undefinedB",
		},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			tc.files["go.mod"] = "module example.com/tv\n\ngo 1.26\n"
			writeTree(t, dir, tc.files)
			res, err := Run(context.Background(), Config{Dir: dir, Tests: true, Rules: []analyzers.Rule{rule(badFuncs, "error")}, Env: offline()})
			if err != nil {
				t.Fatal(err)
			}
			want := []report.Problem{{Package: "example.com/tv", Message: tc.want}}
			if !slices.Equal(res.Errors, want) {
				t.Errorf("errors = %+v\nwant %+v", res.Errors, want)
			}
		})
	}
}

// TestUnloadableImportNamesImporter: go.mod requires a module that cannot
// be had (GOPROXY=off stands for a proxy that answers 404). The error is
// the importing package's, whose file has the failing import, and says
// which import could not be loaded; the missing package, which has no
// files, is not named as if it were one that could not be analysed.
func TestUnloadableImportNamesImporter(t *testing.T) {
	files := map[string]string{
		"go.mod": "module example.com/imp\n\ngo 1.26\n\nrequire example.com/nowhere v1.0.0\n",
		// Checksums for the module are present, so the go command tries
		// to download it rather than stopping at a missing go.sum entry.
		"go.sum": "example.com/nowhere v1.0.0 h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n" +
			"example.com/nowhere v1.0.0/go.mod h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n",
		"ok/ok.go": "package ok\n",
		"dl/dl.go": "package dl\n\nimport \"example.com/nowhere\"\n\nvar X = nowhere.Y\n",
	}
	t.Run("one importer", func(t *testing.T) {
		dir := t.TempDir()
		writeTree(t, dir, files)
		res, err := Run(context.Background(), Config{Dir: dir, Tests: true, Rules: []analyzers.Rule{rule(badFuncs, "error")}, Env: offline()})
		if err != nil {
			t.Fatal(err)
		}
		want := []report.Problem{{
			Package: "example.com/imp/dl",
			Message: "dl/dl.go:3:8: cannot load import example.com/nowhere: module lookup disabled by GOPROXY=off",
		}}
		if !slices.Equal(res.Errors, want) {
			t.Errorf("errors = %+v\nwant %+v", res.Errors, want)
		}
	})
	// The go command gives the cause once, at one of the imports: that
	// importer is named, once.
	t.Run("two importers", func(t *testing.T) {
		dir := t.TempDir()
		files["dl2/dl2.go"] = "package dl2\n\nimport _ \"example.com/nowhere\"\n"
		writeTree(t, dir, files)
		res, err := Run(context.Background(), Config{Dir: dir, Tests: true, Rules: []analyzers.Rule{rule(badFuncs, "error")}, Env: offline()})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Errors) != 1 {
			t.Fatalf("errors = %+v, want one", res.Errors)
		}
		p := res.Errors[0]
		file := strings.TrimPrefix(p.Package, "example.com/imp/") + "/"
		if !strings.HasPrefix(p.Message, file) || !strings.Contains(p.Message, "cannot load import example.com/nowhere: ") {
			t.Errorf("error = %+v, want the importer whose file the message cites", p)
		}
	})
}

// TestErrorsPerPackageCapped: a package's first three errors are named
// and the rest counted, but a fourth is named rather than counted as
// "1 more", which would take about as much room.
func TestErrorsPerPackageCapped(t *testing.T) {
	for n, want := range map[int]string{
		4: "a.go:3:10: undefined: u1; a.go:4:10: undefined: u2; a.go:5:10: undefined: u3; a.go:6:10: undefined: u4",
		5: "a.go:3:10: undefined: u1; a.go:4:10: undefined: u2; a.go:5:10: undefined: u3; and 2 more errors",
	} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			src := "package many\n\n"
			for i := 1; i <= n; i++ {
				src += fmt.Sprintf("var X%d = u%d\n", i, i)
			}
			dir := t.TempDir()
			writeTree(t, dir, map[string]string{"go.mod": "module example.com/many\n\ngo 1.26\n", "a.go": src})
			res, err := Run(context.Background(), Config{Dir: dir, Rules: []analyzers.Rule{rule(badFuncs, "error")}, Env: offline()})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Errors) != 1 || res.Errors[0].Message != want {
				t.Errorf("errors = %+v\nwant one: %s", res.Errors, want)
			}
		})
	}
}

func TestRunTiming(t *testing.T) {
	var got []Timing
	_, err := Run(context.Background(), Config{
		Dir:      filepath.Join("testdata", "mod"),
		Patterns: []string{"./good", "./also"},
		Rules:    []analyzers.Rule{rule(badFuncs, "error")},
		Env:      offline(),
		Timing:   func(_ time.Duration, ts []Timing) { got = ts },
	})
	if err != nil {
		t.Fatal(err)
	}
	byName := make(map[string]Timing)
	for _, tm := range got {
		byName[tm.Analyzer] = tm
	}
	if len(got) != 2 || byName["badfuncs"].Packages != 2 || byName[TypeCheck].Packages != 2 || byName[TypeCheck].Total <= 0 {
		t.Errorf("timings = %+v, want badfuncs and type checking, each on 2 packages", got)
	}
}

// TestFingerprintsTellReasonsApart: two findings of one rule on one line
// of one function differ by their message, and so by fingerprint; a line
// number cited in a message does not count.
func TestFingerprintsTellReasonsApart(t *testing.T) {
	mk := func(msg string) located {
		return located{Finding: report.Finding{Rule: "sqlconcat", Message: msg, Pos: report.Position{File: "/m/a.go", Line: 3}}, scope: "main", code: "register(srv)"}
	}
	fs := []located{
		mk("query passed to Exec (store.go:12) is built from req.Name"),
		mk("query passed to Query (store.go:20) is built from req.ID"),
		mk("query passed to Exec (store.go:14) is built from req.Name"),
	}
	setFingerprints(fs, "/m", nil)
	if fs[0].Fingerprint == fs[1].Fingerprint {
		t.Error("findings for different sinks share a fingerprint")
	}
	if first, moved := fs[0].Fingerprint, fs[2].Fingerprint; first == moved {
		t.Error("identical findings got the same occurrence number")
	}
	again := []located{mk("query passed to Exec (store.go:99) is built from req.Name")}
	setFingerprints(again, "/m", nil)
	if again[0].Fingerprint != fs[0].Fingerprint {
		t.Error("a line number cited in the message changed the fingerprint")
	}
}

// TestFindingsOfTestVariantYield checks that a finding in a file that a
// package and its test variant share is reported once, as the package
// reports it, when only the test variant imports the SQL driver whose
// placeholders sqlconcat advises: the test's imports are not the
// production code's, and two messages for one fault were two findings.
// A finding that only the test variant makes is still reported.
func TestFindingsOfTestVariantYield(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"pq/go.mod": "module github.com/lib/pq\n\ngo 1.26\n",
		"pq/pq.go":  "package pq\n",
		"app/go.mod": "module example.com/app\n\ngo 1.26\n\nrequire github.com/lib/pq v0.0.0\n\n" +
			"replace github.com/lib/pq => ../pq\n",
		"app/store/store.go": "package store\n\nimport (\n\t\"database/sql\"\n\t\"os\"\n)\n\n" +
			"func Find(db *sql.DB) { db.Query(\"SELECT id FROM users WHERE name = '\" + os.Args[1] + \"'\") }\n\n" +
			"func find(db *sql.DB, name string) { db.Query(\"SELECT id FROM users WHERE name = '\" + name + \"'\") }\n",
		"app/store/store_test.go": "package store\n\nimport (\n\t\"os\"\n\t\"testing\"\n\n\t_ \"github.com/lib/pq\"\n)\n\n" +
			"func TestFind(t *testing.T) { find(nil, os.Getenv(\"NAME\")) }\n",
	})
	res := runClean(t, "run", Config{
		Dir:      filepath.Join(dir, "app"),
		Patterns: []string{"./..."},
		Tests:    true,
		Rules:    []analyzers.Rule{{Analyzer: sqlconcat.Analyzer, Level: "error"}},
		Env:      offline(),
	})
	var got []string
	for _, f := range res.Findings {
		got = append(got, fmt.Sprintf("%s:%d %s", filepath.Base(f.Pos.File), f.Pos.Line, f.Message))
	}
	if len(got) != 2 || !strings.HasPrefix(got[0], "store.go:8 ") || strings.Contains(got[0], "$1") ||
		!strings.HasPrefix(got[1], "store_test.go:10 ") || !strings.Contains(got[1], "$1") {
		t.Errorf("findings:\n%s\nwant the package's at store.go:8, with no driver's placeholders, and the test's at store_test.go:10, with pq's", strings.Join(got, "\n"))
	}
}

// TestRunWorkspaceRoot runs the driver at the root of a go.work workspace
// that is no module itself, where the go command matches nothing with
// ./...: there ./... stands for the packages of the workspace's modules
// below the directory, and a pattern naming a module's packages works as
// in the go command.
func TestRunWorkspaceRoot(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"go.work":  "go 1.26\n\nuse (\n\t./a\n\t./b\n\t./_c\n)\n",
		"a/go.mod": "module example.com/a\n\ngo 1.26\n",
		"a/a.go":   "package a\n\nfunc Bad() {}\n",
		"b/go.mod": "module example.com/b\n\ngo 1.26\n",
		"b/b.go":   "package b\n\nfunc Bad() {}\n",
		// The go command matches nothing with ./_c/...: a directory
		// whose name starts with "_" is left out of patterns.
		"_c/go.mod": "module example.com/c\n\ngo 1.26\n",
		"_c/c.go":   "package c\n\nfunc Bad() {}\n",
	})
	for _, c := range []struct {
		patterns []string
		want     []string
	}{
		{nil, []string{"_c/c.go", "a/a.go", "b/b.go"}},
		{[]string{"./..."}, []string{"_c/c.go", "a/a.go", "b/b.go"}},
		{[]string{"example.com/b/..."}, []string{"b/b.go"}},
	} {
		res := runClean(t, fmt.Sprint(c.patterns), Config{
			Dir:      dir,
			Patterns: c.patterns,
			Rules:    []analyzers.Rule{rule(badFuncs, "error")},
			Env:      offline(),
		})
		var got []string
		for _, f := range res.Findings {
			rel, _ := filepath.Rel(dir, f.Pos.File)
			got = append(got, filepath.ToSlash(rel))
		}
		if strings.Join(got, " ") != strings.Join(c.want, " ") {
			t.Errorf("patterns %q: findings in %v, want %v", c.patterns, got, c.want)
		}
	}
}

// TestErrorLine checks that an error is one line: the compiler's header
// and a C compiler's quoted source dropped, lines joined by "; ", and a
// line that introduces the next ("to add:") joined to it by a space.
func TestErrorLine(t *testing.T) {
	for msg, want := range map[string]string{
		"missing go.sum entry for module providing package example.com/undl; to add:\n\tgo get example.com/undl":                              "missing go.sum entry for module providing package example.com/undl; to add: go get example.com/undl",
		"# example.com/c\nc.go:4:10: fatal error: x.h: No such file\n    4 | #include <x.h>\n      |          ^~~~~\ncompilation terminated.": "c.go:4:10: fatal error: x.h: No such file; compilation terminated.",
		"first\n\nsecond": "first; second",
	} {
		if got := errorLine(packages.Error{Msg: msg}, "/m"); got != want {
			t.Errorf("errorLine(%q) = %q, want %q", msg, got, want)
		}
	}
}

// TestMessagesHideSecrets: a rule's message that quotes a command line
// with a password in it, and a type checker's error that quotes a token,
// show each secret by its first characters and length only; the finding
// is still reported, and its fingerprint does not hash the secret either.
func TestMessagesHideSecrets(t *testing.T) {
	// Joined at run time, so that the self-check does not find them.
	password := strings.Join([]string{"Pr0xy", "Passw0rd"}, "")
	token := strings.Join([]string{"sk_live_", "zfZ1PNluiiQ9Wy9pJyFiRjMO"}, "")
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"go.mod": "module example.com/leak\n\ngo 1.26\n",
		"cmd/cmd.go": "package cmd\n\nimport (\n\t\"net/http\"\n\t\"os/exec\"\n)\n\n" +
			"func Fetch(r *http.Request) error {\n\thost := r.URL.Query().Get(\"host\")\n" +
			"\treturn exec.Command(\"curl\", \"--proxy=http://deploy:" + password + "@proxy.corp:3128/\"+host, \"https://example.com\").Run()\n}\n",
		"bad/bad.go": "package bad\n\nvar apiToken int = \"" + token + "\"\n",
	})
	res, err := Run(context.Background(), Config{Dir: dir, Rules: rulesNamed("cmdinjection"), Env: offline()})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 1 || !strings.Contains(res.Findings[0].Message, "--proxy=http://deploy:Pr0…(13 chars)@proxy.corp") {
		t.Fatalf("findings = %+v, want the command line with its password described", res.Findings)
	}
	if len(res.Errors) == 0 {
		t.Fatal("no error for the ill-typed package")
	}
	out, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	for _, leak := range []string{password[3:9], token[8:14]} {
		if bytes.Contains(out, []byte(leak)) {
			t.Errorf("result shows %q of a secret:\n%s", leak, out)
		}
	}
}

// TestFingerprintHidesSecretOfOtherRules: the fingerprint of a finding of
// a rule other than hardcodedsecret, on code with a password in a
// literal, is the same whatever the password is (the message shows the
// first characters and length, which the two here share), so it cannot
// be used to try candidates for it; the finding is still reported.
func TestFingerprintHidesSecretOfOtherRules(t *testing.T) {
	fingerprint := func(password string) string {
		t.Helper()
		dir := t.TempDir()
		writeTree(t, dir, map[string]string{
			"go.mod": "module example.com/fp\n\ngo 1.26\n",
			"fp.go": "package fp\n\nimport (\n\t\"net/http\"\n\t\"os/exec\"\n)\n\n" +
				"func Fetch(r *http.Request) error {\n\thost := r.URL.Query().Get(\"host\")\n" +
				"\treturn exec.Command(\"curl\", \"--proxy=http://deploy:" + password + "@proxy.corp:3128/\"+host).Run() // nats://u:" + password + "@nats:4222\n}\n",
		})
		res, err := Run(context.Background(), Config{Dir: dir, Rules: rulesNamed("cmdinjection"), Env: offline()})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Findings) != 1 {
			t.Fatalf("findings = %+v, want the command line", res.Findings)
		}
		return res.Findings[0].Fingerprint
	}
	if a, b := fingerprint("Pr0xy"+"Passw0rd"), fingerprint("Pr0Zq8m"+"W2vLx9"); a != b {
		t.Errorf("fingerprints %s and %s differ with the password alone", a, b)
	}
}

// TestFingerprintCodeKeepsPlainText: the code a fingerprint hashes is the
// flagged text with white space collapsed, as baselines written before
// secrets were left out hold it, unless a literal or comment holds one.
func TestFingerprintCodeKeepsPlainText(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a.go")
	src := "package a\n\nfunc f() {\n\trun(\"ls\",\n\t\t\"-l\" + dir) // list it\n\tlogin(\"u:\" + \"x\", \"postgres://app:" + strings.Join([]string{"Kp9xVb2qWz", "@db/app"}, "") + "\") /* ok */\n}\n"
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	s := make(sources)
	call := strings.Index(src, "run(")
	if got, want := s.text(file, call, strings.Index(src, " // list")), `run("ls", "-l" + dir)`; got != want {
		t.Errorf("text of the call = %q, want %q", got, want)
	}
	if got, want := s.text(file, call, -1), `run("ls",`; got != want {
		t.Errorf("text to the end of the line = %q, want %q", got, want)
	}
	if got, want := s.text(file, strings.Index(src, "login("), -1), `login("u:" + "x", "<secret>") /* ok */`; got != want {
		t.Errorf("text with a secret = %q, want %q", got, want)
	}
}

// TestRunCgoOff: with cgo off, the go command leaves out a package whose
// files all use cgo, and a package's cgo files; each package so cut is
// named in one warning line with the cause, and the rest is analysed. A
// file left out by a build tag is the user's choice and is not told; a
// package with a file for cgo off (cgtag) was analysed, and only its cgo
// file is named. CGO_ENABLED is named as the cause only when it was set:
// cross-compiling turns cgo off by default.
func TestRunCgoOff(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"go.mod":      "module example.com/cgooff\n\ngo 1.26\n",
		"allcgo/a.go": "package allcgo\n\n// #include <stdlib.h>\nimport \"C\"\n\nfunc F() { C.free(nil) }\n",
		"mixed/a.go":  "package mixed\n\nfunc BadFunc() {}\n",
		"mixed/c.go":  "package mixed\n\n// #include <stdlib.h>\nimport \"C\"\n\nfunc G() { C.free(nil) }\n",
		"mixed/d.go":  "//go:build cgo\n\npackage mixed\n\nfunc H() {}\n",
		"cgtag/c.go":  "//go:build cgo\n\npackage cgtag\n",
		"cgtag/n.go":  "//go:build !cgo\n\npackage cgtag\n",
		"plain/p.go":  "package plain\n",
		"tagged/t.go": "//go:build never\n\npackage tagged\n",
		"tagged/u.go": "package tagged\n",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	other := "arm64"
	if runtime.GOARCH == other {
		other = "amd64"
	}
	noCgoVar := slices.DeleteFunc(offline(), func(kv string) bool { return strings.HasPrefix(kv, "CGO_ENABLED=") })
	warningsFor := func(cause string) []string {
		return []string{
			"package example.com/cgooff/allcgo: not analysed: its files need cgo, which is off " + cause,
			"package example.com/cgooff/cgtag: c.go not analysed: it needs cgo, which is off " + cause,
			"package example.com/cgooff/mixed: c.go, d.go not analysed: they need cgo, which is off " + cause,
		}
	}
	for _, tc := range []struct {
		name string
		env  []string
		want []string
	}{
		{"CGO_ENABLED=0", append(offline(), "CGO_ENABLED=0"), warningsFor("(CGO_ENABLED=0)")},
		{"cross-compiling", append(noCgoVar, "GOARCH="+other), warningsFor("(by default when cross-compiling, here for " + runtime.GOOS + "/" + other + ")")},
		{"CGO_ENABLED=1", append(offline(), "CGO_ENABLED=1"), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "CGO_ENABLED=1" {
				if _, err := exec.LookPath("gcc"); err != nil {
					t.Skip("no C compiler")
				}
			}
			var warnings []string
			_, err := Run(context.Background(), Config{
				Dir:   dir,
				Rules: []analyzers.Rule{rule(badFuncs, "error")},
				Env:   tc.env,
				Warn:  func(msg string) { warnings = append(warnings, msg) },
			})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(warnings, tc.want) {
				t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(warnings, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestFingerprintMessageHidesSecret: the message a fingerprint hashes has
// each secret it describes replaced by a placeholder, so that two
// findings that differ by the secret alone (its first characters, its
// length) share a fingerprint; a message without a secret hashes as it
// always has (the golden fingerprint below was made before the
// placeholder), and hardcodedsecret's own description of the secret it
// reports is hashed as before too.
func TestFingerprintMessageHidesSecret(t *testing.T) {
	mk := func(rule, msg string) located {
		return located{Finding: report.Finding{Rule: rule, Message: msg, Pos: report.Position{File: "/m/a.go", Line: 3}}, scope: "A", code: "exec.Command()"}
	}
	lead := func(pw string) string {
		return secrets.RedactText(`command in argument 1 of ssh ("-oProxyCommand=mysql --password=\"` + pw + `\" -h ...") passed to exec.Command comes from external input (r.URL)`)
	}
	fs := []located{
		mk("cmdinjection", lead(strings.Join([]string{"Hx7kLq2", "Vz9Wm"}, ""))),
		mk("cmdinjection", lead(strings.Join([]string{"Zq2mWx8T", "b3Np7Y"}, ""))),
	}
	setFingerprints(fs[:1], "/m", nil)
	setFingerprints(fs[1:], "/m", nil)
	if fs[0].Message == fs[1].Message || fs[0].Fingerprint != fs[1].Fingerprint {
		t.Errorf("messages %q and %q: fingerprints %s and %s, want one", fs[0].Message, fs[1].Message, fs[0].Fingerprint, fs[1].Fingerprint)
	}
	golden := map[string]located{
		"2b4b64f3ce1be708595bcbd7708be409": mk("cmdinjection", `command in argument 1 of sh ("-c") passed to exec.Command comes from external input (r.URL)`),
		"845762a8e611ed959d4c1bc5a2371f3a": mk("hardcodedsecret", `password "Hx7…" (12 chars) hard-coded in string literal; read it from the environment or a secret manager`),
	}
	for want, f := range golden {
		fs := []located{f}
		setFingerprints(fs, "/m", nil)
		if fs[0].Fingerprint != want {
			t.Errorf("fingerprint of %q = %s, want %s as before", f.Message, fs[0].Fingerprint, want)
		}
	}
}

// TestTypeErrorsInOrder: the type checker reports the names that two
// dot-imported packages both declare in the order of a map's iteration;
// the errors printed are the same, in the order of their places, hard
// errors before soft ones ("imported and not used") and then of their
// messages, on every run. The count of the errors not shown leaves out
// their continuation lines (other declaration of X).
func TestTypeErrorsInOrder(t *testing.T) {
	decls := ""
	for _, n := range []string{"Broker", "Event", "Logger", "Options", "Registry", "Server", "Store", "Transport"} {
		decls += "type " + n + " int\n"
	}
	first := "p/p.go:5:2: Broker redeclared in this block; a/a.go:3:1: other declaration of Broker; " +
		"p/p.go:5:2: Event redeclared in this block; a/a.go:4:1: other declaration of Event; " +
		"p/p.go:5:2: Logger redeclared in this block; a/a.go:5:1: other declaration of Logger; "
	for _, tt := range []struct {
		name, b, p, want string
	}{
		// Five errors with their continuations are not shown.
		{"both used", decls + "type OnlyB int\n", "var _ Store\n\nvar _ OnlyB\n", first + "and 5 more errors"},
		// b's names all clash, so it is not used either: that soft
		// error at the same place comes after the hard ones, whose
		// first message it would precede.
		{"b unused", decls, "var _ Store\n", first + "and 6 more errors"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeTree(t, dir, map[string]string{
				"go.mod": "module example.com/dots\n\ngo 1.26\n",
				"a/a.go": "package a\n\n" + decls,
				"b/b.go": "package b\n\n" + tt.b,
				"p/p.go": "package p\n\nimport (\n\t. \"example.com/dots/a\"\n\t. \"example.com/dots/b\"\n)\n\n" + tt.p,
			})
			for range 4 {
				res, err := Run(context.Background(), Config{Dir: dir, Patterns: []string{"./p"}, Rules: []analyzers.Rule{rule(badFuncs, "error")}, Env: offline()})
				if err != nil {
					t.Fatal(err)
				}
				if len(res.Errors) != 1 || res.Errors[0].Message != tt.want {
					t.Fatalf("errors = %+v\nwant one: %s", res.Errors, tt.want)
				}
			}
		})
	}
}

// TestHardTypeErrorsFirst: unused imports at the top of a file come
// after the undefined name further down that makes them unused, so the
// errors shown name the cause.
func TestHardTypeErrorsFirst(t *testing.T) {
	src := "package p\n\nimport (\n\t\"errors\"\n\t\"fmt\"\n\t\"os\"\n\t\"strings\"\n)\n\n" +
		"func f(s string) string {\n\treturn string.ToUpper(s)\n}\n"
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"go.mod": "module example.com/hard\n\ngo 1.26\n", "p.go": src})
	res, err := Run(context.Background(), Config{Dir: dir, Rules: []analyzers.Rule{rule(badFuncs, "error")}, Env: offline()})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) != 1 || !strings.HasPrefix(res.Errors[0].Message, "p.go:11:") || !strings.HasSuffix(res.Errors[0].Message, "; and 2 more errors") {
		t.Errorf("errors = %+v\nwant one, starting with the error at p.go:11 and counting two of the unused imports", res.Errors)
	}
}

// TestSortTypeErrors: type errors come out in one order whatever order
// the type checker gave them in: hard errors before soft ones, each kind
// by place, then by message, each with its continuation lines after it.
func TestSortTypeErrors(t *testing.T) {
	fset := token.NewFileSet()
	f := fset.AddFile("p.go", -1, 100)
	f.SetLines([]int{0, 10, 20, 30})
	g := fset.AddFile("a.go", -1, 100)
	g.SetLines([]int{0, 10, 20})
	at := func(file *token.File, off int, msg string) types.Error {
		return types.Error{Fset: fset, Pos: file.Pos(off), Msg: msg}
	}
	soft := func(e types.Error) types.Error {
		e.Soft = true
		return e
	}
	undef := at(f, 25, "undefined: x")
	unused := soft(at(f, 25, "declared and not used: y"))
	logger := []types.Error{at(f, 12, "Logger redeclared in this block"), at(g, 11, "\tother declaration of Logger")}
	event := []types.Error{at(f, 12, "Event redeclared in this block"), at(g, 15, "\tother declaration of Event")}
	notUsed := soft(at(f, 12, `"b" imported and not used`))
	want := slices.Concat(event, logger, []types.Error{undef, notUsed, unused})
	for _, in := range [][]types.Error{
		slices.Concat([]types.Error{undef}, logger, event, []types.Error{notUsed, unused}),
		slices.Concat([]types.Error{notUsed}, logger, event, []types.Error{unused, undef}),
		slices.Concat(event, []types.Error{unused, undef}, logger, []types.Error{notUsed}),
	} {
		sortTypeErrors(in)
		if !slices.EqualFunc(in, want, func(a, b types.Error) bool { return a.Pos == b.Pos && a.Msg == b.Msg && a.Soft == b.Soft }) {
			t.Errorf("sorted:\n%v\nwant:\n%v", in, want)
		}
	}
}

// TestElideErrors: of a package's errors, the first three are shown, each
// with the continuation lines that follow it, and the rest counted
// without theirs.
func TestElideErrors(t *testing.T) {
	e := func(text string) errLine { return errLine{text: text} }
	c := func(text string) errLine { return errLine{text: text, cont: true} }
	for _, tt := range []struct {
		lines []errLine
		want  string
	}{
		{[]errLine{e("1"), e("2"), e("3"), e("4")}, "1; 2; 3; 4"},
		{[]errLine{e("1"), e("2"), e("3"), e("4"), e("5")}, "1; 2; 3; and 2 more errors"},
		{[]errLine{e("1"), c("1'"), e("2"), c("2'"), e("3"), c("3'")}, "1; 1'; 2; 2'; 3; 3'"},
		{[]errLine{e("1"), c("1'"), e("2"), c("2'"), c("2''")}, "1; 1'; 2; 2'; 2''"},
		{[]errLine{e("1"), e("2"), e("3"), c("3'"), e("4"), c("4'"), e("5"), c("5'")}, "1; 2; 3; 3'; and 2 more errors"},
		// Continuation lines take no slot of the three errors shown.
		{[]errLine{e("1"), c("1'"), e("2"), c("2'"), e("3"), c("3'"), e("4"), c("4'")}, "1; 1'; 2; 2'; 3; 3'; and 1 more error"},
		{[]errLine{e("1"), c("1'"), e("2"), c("2'"), e("3"), e("4")}, "1; 1'; 2; 2'; 3; 4"},
	} {
		if got := strings.Join(elideErrors(tt.lines, 3), "; "); got != tt.want {
			t.Errorf("elideErrors(%v) = %q, want %q", tt.lines, got, tt.want)
		}
	}
}
