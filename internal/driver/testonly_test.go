package driver

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/microsec-lint/microsec-lint/analyzers"
)

// TestTestOnlyPackagesWithoutTests: with Tests off, a package that has
// only test files (in its own package or an external _test one) has
// nothing to analyse. The run says so in one line; when no package is
// left at all, Run fails as when no package matches. With Tests on, the
// same packages are analysed without a word, and a package with non-test
// files is never named.
func TestTestOnlyPackagesWithoutTests(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"go.mod":                "module example.com/m\n\ngo 1.22\n",
		"good/good.go":          "package good\n\nfunc Bad() {}\n",
		"good/good_test.go":     "package good\n",
		"onlytest/x_test.go":    "package onlytest\n\nfunc Bad() {}\n",
		"xtestonly/x_test.go":   "package xtestonly_test\n\nfunc Bad() {}\n",
		"nothing/README.md":     "no Go here\n",
		"onlytest/testdata/a.c": "",
	} {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run := func(tests bool, patterns ...string) (int, []string, error) {
		t.Helper()
		var warned []string
		res, err := Run(context.Background(), Config{
			Dir:      dir,
			Patterns: patterns,
			Tests:    tests,
			Rules:    []analyzers.Rule{rule(badFuncs, "error")},
			Env:      offline(),
			Warn:     func(msg string) { warned = append(warned, msg) },
		})
		if res == nil {
			return 0, warned, err
		}
		return len(res.Findings), warned, err
	}

	const why = "has only test files; -tests=false leaves nothing to analyse"
	for _, pattern := range []string{"./onlytest", "./xtestonly"} {
		_, _, err := run(false, pattern)
		if err == nil || !strings.Contains(err.Error(), "package example.com/m/"+strings.TrimPrefix(pattern, "./")+" "+why) || strings.Contains(err.Error(), "\n") {
			t.Errorf("-tests=false %s: err = %v, want one line saying the package %s", pattern, err, why)
		}
	}

	n, warned, err := run(false, "./...")
	if err != nil {
		t.Fatalf("-tests=false ./...: %v", err)
	}
	if n != 1 {
		t.Errorf("-tests=false ./...: %d findings, want the one in good", n)
	}
	if len(warned) != 1 || !strings.Contains(warned[0], "example.com/m/onlytest") || !strings.Contains(warned[0], "example.com/m/xtestonly") ||
		strings.Contains(warned[0], "example.com/m/good") || !strings.Contains(warned[0], "only test files") {
		t.Errorf("-tests=false ./...: warned %q, want one line naming onlytest and xtestonly", warned)
	}

	n, warned, err = run(true, "./...")
	if err != nil || n != 3 || len(warned) != 0 {
		t.Errorf("-tests ./...: %d findings, warned %q, err %v; want 3 findings and no word", n, warned, err)
	}
}
