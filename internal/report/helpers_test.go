package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// locate returns the positions of the first occurrence of needle in file
// and of the byte after it, so that tests name code rather than numbers.
func locate(t *testing.T, file, needle string) (Position, Position) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	off := bytes.Index(data, []byte(needle))
	if off < 0 {
		t.Fatalf("%s does not contain %q", file, needle)
	}
	return positionAt(file, data, off), positionAt(file, data, off+len(needle))
}

// positionAt returns the go/token style position of byte offset off.
func positionAt(file string, data []byte, off int) Position {
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := off - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return Position{File: file, Line: line, Column: col, Offset: off}
}

func abs(t *testing.T, path string) string {
	t.Helper()
	p, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

const transportHelp = `Transports that skip certificate checks let anyone on the path read
and change the traffic of the service.

# Example

A [crypto/tls.Config] with InsecureSkipVerify:

	cfg := &tls.Config{InsecureSkipVerify: true}

Load the CA instead:
  - into RootCAs, or
  - through the transport's Secure option.`

// sampleResult is a small run over testdata/src: three rules and five
// findings, one of them with a suggested fix, one on a line with non-ASCII
// text that is suppressed in source, one with a call trace, one in a file
// outside the work directory and of a rule that is not listed; and one
// analysis failure.
func sampleResult(t *testing.T) *Result {
	t.Helper()
	work := abs(t, "testdata/src")
	main := filepath.Join(work, "svc", "main.go")
	outside := abs(t, "testdata/outside/gen.go")

	tlsPos, tlsEnd := locate(t, main, "InsecureSkipVerify: true")
	qPos, qEnd := locate(t, main, `"SELECT * FROM users WHERE name = '" + name + "'"`)
	gPos, gEnd := locate(t, main, `" + name)`)
	sPos, sEnd := locate(t, outside, `"ghp_000000000000000000000000000000000000"`)
	callPos, _ := locate(t, main, "tls.Config{")

	findings := []Finding{
		{Rule: "sqlconcat", Level: LevelError, Package: "example.com/svc", Pos: gPos, End: gEnd,
			Message:     "SQL text built from name reaches db.Query; pass name as a query argument",
			Fingerprint: "sqlconcat:svc/main.go:greet:7f3a",
			Suppression: &Suppression{Kind: "inSource", Justification: "name is a fixed greeting"}},
		{Rule: "hardcodedsecret", Level: LevelError, Package: "example.com/gen", Pos: sPos, End: sEnd,
			Message: "GitHub token written in source; read it from the environment"},
		{Rule: "insecuretransport", Level: LevelError, Package: "example.com/svc", Pos: tlsPos, End: tlsEnd,
			Message: "tls.Config sets InsecureSkipVerify: true; load the CA into RootCAs instead"},
		{Rule: "sqlconcat", Level: LevelError, Package: "example.com/svc", Pos: qPos, End: qEnd,
			Message: "SQL text built from name reaches db.Query; pass name as a query argument",
			Fixes: []Fix{{Message: "Replace string concatenation with a placeholder", Edits: []Edit{
				{Pos: qPos, End: qEnd, NewText: `"SELECT * FROM users WHERE name = ?", name`},
			}}}},
		{Rule: "GO-2025-0001", Level: LevelWarning, Package: "example.com/svc", Pos: callPos, End: callPos,
			Message: "example.com/svc.insecure reaches a vulnerable crypto/tls; upgrade Go to go1.24.1",
			Trace: []Frame{
				{Function: "example.com/svc.insecure", Pos: callPos},
				{Function: "crypto/tls.(*Conn).Handshake"},
			},
			Properties: map[string]string{"aliases": "CVE-2025-0001, GHSA-aaaa-bbbb-cccc"}},
	}
	Sort(findings)
	return &Result{
		Tool:     Tool{Name: "microsec-lint", Version: "v0.3.1", InformationURI: "https://github.com/microsec-lint/microsec-lint"},
		WorkDir:  work,
		Rules:    sampleRules(),
		Findings: findings,
		Errors: []Problem{
			{Package: "example.com/svc/broken", Message: "broken.go:3:1: expected declaration, found 'IDENT' x"},
		},
	}
}

// normalize replaces the machine's path to testdata, as a path and as a
// file URI, so that golden files are the same on every checkout.
func normalize(t *testing.T, out []byte) []byte {
	t.Helper()
	dir := abs(t, "testdata")
	s := strings.ReplaceAll(string(out), fileURI(dir), "file:///$TESTDATA")
	s = strings.ReplaceAll(s, dir, "$TESTDATA")
	return []byte(s)
}

// checkGolden compares got with testdata/golden/name, or rewrites the file
// when the test runs with -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (run go test -update to accept):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func render(t *testing.T, f Format, r *Result) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, f, r); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const docsURL = "https://github.com/microsec-lint/microsec-lint/blob/main/docs/rules.md"

// sampleRules has a rule with a full document, one with a title only, and
// a vulnerability without CWE ids.
func sampleRules() []Rule {
	return []Rule{{
		ID:               "insecuretransport",
		Title:            "report go-micro components that run in plaintext or skip certificate checks",
		Help:             transportHelp,
		HelpURI:          docsURL + "#insecuretransport",
		CWE:              []int{319, 295},
		Level:            LevelError,
		SecuritySeverity: "7.4",
	}, {
		ID:               "sqlconcat",
		Title:            "report SQL text built from non-constant strings",
		HelpURI:          docsURL + "#sqlconcat",
		CWE:              []int{89},
		Level:            LevelError,
		SecuritySeverity: "8.8",
	}, {
		ID:      "GO-2025-0001",
		Title:   "a sample vulnerability in crypto/tls",
		Help:    "Handshakes may panic.\n\nUpgrade Go.",
		HelpURI: "https://pkg.go.dev/vuln/GO-2025-0001",
		Level:   LevelWarning,
	}}
}
