package dataflow_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/microsec-lint/microsec-lint/internal/dataflow"
)

// TestDeep runs the probe over code far deeper than real code goes, but
// below the evaluation stack's cap: long chains of appends, of optional
// appends, of nested ifs and of helpers, and a cycle of 400 functions,
// each of which must keep its origin. The code is generated, to keep the
// repository small.
func TestDeep(t *testing.T) {
	const n = 2000
	var b strings.Builder
	b.WriteString("package deep\n\nimport (\n\t\"os\"\n\n\t\"sink\"\n)\n")
	appends(&b, "Appends", `"SELECT "`, n, `^constant\{"SELECT c+"\}$`)
	appends(&b, "Tainted", `os.Getenv("Q")`, n, `^external culprit=os.Getenv\(...\)$`)
	optional(&b, "Optional", n, `^constant$`)
	nested(&b, "Nested", 490, `^external culprit=os.Getenv\(...\)$`)
	helpers(&b, "f", n)
	fmt.Fprintf(&b, "\nfunc Chain() { sink.Query(f0(os.Getenv(\"Q\"))) } // want `^external culprit=os.Getenv\\(...\\)$`\n")
	b.WriteString("\nfunc Chained() { sink.Query(f0(\"y\")) } // want `^constant$`\n")
	cycle(&b, "r", 400, `^constant\{"SELECT 1"\}$`)
	analysistest.Run(t, tree(t, "deep", b.String()), probe, "deep")
}

// TestDeepCapped checks the answer at the evaluation stack's cap,
// lowered to 50: constant text of unknown strings, never a finding, for a
// chain of appends and a cycle of functions that reach it. Input at the
// end of a longer chain is then given the benefit too; the rules'
// documents say so.
func TestDeepCapped(t *testing.T) {
	defer dataflow.DepthForTest(50)()
	var b strings.Builder
	b.WriteString("package capped\n\nimport (\n\t\"os\"\n\n\t\"sink\"\n)\n")
	appends(&b, "Appends", `"SELECT "`, 100, `^constant$`)
	appends(&b, "Short", `"SELECT "`, 10, `^constant\{"SELECT c{10}"\}$`)
	appends(&b, "Tainted", `os.Getenv("Q")`, 100, `^constant$`)
	appends(&b, "TaintedShort", `os.Getenv("Q")`, 10, `^external culprit=os.Getenv\(...\)$`)
	cycle(&b, "r", 40, `^constant(\{"SELECT 1"\})?$`)
	analysistest.Run(t, tree(t, "capped", b.String()), probe, "capped")
}

// tree writes a GOPATH tree holding package name with source src, and the
// test's sink package, and returns its root.
func tree(t *testing.T, name, src string) string {
	t.Helper()
	sink, err := os.ReadFile(filepath.Join("testdata", "src", "sink", "sink.go"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for path, text := range map[string][]byte{
		filepath.Join("src", "sink", "sink.go"): sink,
		filepath.Join("src", name, name+".go"):  []byte(src),
	} {
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(path)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, path), text, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// appends writes function fn, which appends "c" n times to start and
// queries the result, expecting want.
func appends(b *strings.Builder, fn, start string, n int, want string) {
	fmt.Fprintf(b, "\nfunc %s() {\n\tq := %s\n", fn, start)
	for range n {
		b.WriteString("\tq += \"c\"\n")
	}
	fmt.Fprintf(b, "\tsink.Query(q) // want `%s`\n}\n", want)
}

// optional writes function fn, which appends to a constant n times, each
// under a condition of its own, and queries the result.
func optional(b *strings.Builder, fn string, n int, want string) {
	fmt.Fprintf(b, "\nfunc %s() {\n\tq := \"SELECT 1\"\n", fn)
	for i := range n {
		fmt.Fprintf(b, "\tif len(os.Args) > %d {\n\t\tq += \" AND c%d = 1\"\n\t}\n", i, i)
	}
	fmt.Fprintf(b, "\tsink.Query(q) // want `%s`\n}\n", want)
}

// nested writes function fn, which appends to input in ifs nested n deep,
// and queries the result. go/parser's object resolution stops at 1,000 scopes, two an if.
func nested(b *strings.Builder, fn string, n int, want string) {
	fmt.Fprintf(b, "\nfunc %s() {\n\tq := os.Getenv(\"Q\")\n", fn)
	for i := range n {
		fmt.Fprintf(b, "\tif len(q) > %d {\n\tq += \"b\"\n", i)
	}
	b.WriteString(strings.Repeat("\t}\n", n))
	fmt.Fprintf(b, "\tsink.Query(q) // want `%s`\n}\n", want)
}

// helpers writes n helpers named prefix0, prefix1..., each of which
// passes "x" and its parameter to the next; the last returns it.
func helpers(b *strings.Builder, prefix string, n int) {
	for i := range n {
		fmt.Fprintf(b, "\nfunc %s%d(s string) string { return %s%d(\"x\" + s) }\n", prefix, i, prefix, i+1)
	}
	fmt.Fprintf(b, "\nfunc %s%d(s string) string { return s }\n", prefix, n)
}

// cycle writes n functions named prefix0, prefix1... that call each other
// in a cycle, each querying constant text once deep enough.
func cycle(b *strings.Builder, prefix string, n int, want string) {
	fmt.Fprintf(b, "\nfunc Start%s() { %s0(os.Getenv(\"Q\"), 0) }\n", prefix, prefix)
	for i := range n {
		fmt.Fprintf(b, `
func %[1]s%[2]d(s string, n int) string {
	if n > 10 {
		sink.Query("SELECT 1") // want `+"`%[5]s`"+`
		return s
	}
	return %[1]s%[3]d(s+"z", n+1) + %[1]s%[4]d("c", n+2)
}
`, prefix, i, (i+1)%n, (i+7)%n, want)
	}
}
