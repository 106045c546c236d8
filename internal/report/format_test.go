package report

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseFormat(t *testing.T) {
	for _, f := range []Format{Text, JSON, SARIF} {
		got, err := ParseFormat(f.String())
		if err != nil || got != f {
			t.Errorf("ParseFormat(%q) = %v, %v; want %v", f.String(), got, err, f)
		}
	}
	for _, bad := range []string{"", "xml", "JSON", " text"} {
		_, err := ParseFormat(bad)
		if err == nil {
			t.Errorf("ParseFormat(%q) succeeded", bad)
			continue
		}
		for _, want := range []string{`"` + bad + `"`, "text", "json", "sarif"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("ParseFormat(%q) error %q does not mention %s", bad, err, want)
			}
		}
	}
}

func TestWriteUnknownFormat(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, Format(7), &Result{}); err == nil {
		t.Error("Write accepted Format(7)")
	}
	if buf.Len() != 0 {
		t.Errorf("Write wrote %q for an unknown format", buf.String())
	}
}

func TestSort(t *testing.T) {
	at := func(file string, line, col int) Position {
		return Position{File: file, Line: line, Column: col}
	}
	// want is in the expected order; each differs from the one before it
	// in exactly one key, from the most to the least significant.
	want := []Finding{
		{Rule: "b", Message: "m", Pos: at("/a.go", 1, 1), End: at("/a.go", 1, 1)},
		{Rule: "b", Message: "m", Pos: at("/a.go", 1, 1), End: at("/a.go", 1, 2)},
		{Rule: "b", Message: "m", Pos: at("/a.go", 1, 1), End: at("/a.go", 2, 1)},
		{Rule: "b", Message: "n", Pos: at("/a.go", 1, 1), End: at("/a.go", 1, 1)},
		{Rule: "c", Message: "a", Pos: at("/a.go", 1, 1), End: at("/a.go", 1, 1)},
		{Rule: "a", Message: "m", Pos: at("/a.go", 1, 2), End: at("/a.go", 1, 2)},
		{Rule: "a", Message: "m", Pos: at("/a.go", 2, 1), End: at("/a.go", 2, 1)},
		{Rule: "a", Message: "m", Pos: at("/b.go", 1, 1), End: at("/b.go", 1, 1)},
	}
	for _, perm := range [][]int{{7, 6, 5, 4, 3, 2, 1, 0}, {3, 0, 7, 1, 6, 2, 5, 4}} {
		got := make([]Finding, len(want))
		for i, j := range perm {
			got[i] = want[j]
		}
		Sort(got)
		for i := range want {
			if Compare(got[i], want[i]) != 0 {
				t.Errorf("perm %v: position %d holds %+v, want %+v", perm, i, got[i], want[i])
			}
		}
	}
}

func TestRelPath(t *testing.T) {
	root := filepath.FromSlash("/repo/svc")
	if !filepath.IsAbs(root) {
		t.Skip("paths in this test are not absolute on this system")
	}
	tests := []struct {
		dir, file string
		want      string
		under     bool
	}{
		{root, filepath.FromSlash("/repo/svc/cmd/main.go"), "cmd/main.go", true},
		{root, filepath.FromSlash("/repo/svc/main.go"), "main.go", true},
		{root, filepath.FromSlash("/repo/svcx/main.go"), "", false},
		{root, filepath.FromSlash("/repo/other/main.go"), "", false},
		{root, root, "", false},
		{"", filepath.FromSlash("/repo/svc/main.go"), "", false},
		{root, "main.go", "", false},
	}
	for _, tt := range tests {
		got, under := relPath(tt.dir, tt.file)
		if got != tt.want || under != tt.under {
			t.Errorf("relPath(%q, %q) = %q, %v; want %q, %v", tt.dir, tt.file, got, under, tt.want, tt.under)
		}
	}
}

func TestTextOutput(t *testing.T) {
	dir := filepath.FromSlash("/repo/svc")
	outside := filepath.FromSlash("/elsewhere/gen.go")
	r := &Result{WorkDir: dir, Findings: []Finding{
		{Rule: "sqlconcat", Pos: Position{File: filepath.Join(dir, "db", "q.go"), Line: 12, Column: 3},
			Message: "first line\nsecond line"},
		{Rule: "hardcodedsecret", Pos: Position{File: outside, Line: 4}, Message: "no column"},
		{Rule: "sqlconcat", Pos: Position{File: outside, Line: 5, Column: 1}, Message: "suppressed",
			Suppression: &Suppression{Kind: "inSource", Justification: "test"}},
		// Levels other than error are shown after the position, as
		// compilers show theirs.
		{Rule: "cmdinjection", Level: LevelWarning, Pos: Position{File: filepath.Join(dir, "w.go"), Line: 2, Column: 1}, Message: "warned"},
		{Rule: "insecuretransport", Level: LevelNote, Pos: Position{File: filepath.Join(dir, "w.go"), Line: 3, Column: 1}, Message: "noted"},
		{Rule: "sqlconcat", Level: LevelError, Pos: Position{File: filepath.Join(dir, "w.go"), Line: 4, Column: 1}, Message: "an error"},
	}}
	want := "db/q.go:12:3: first line second line (sqlconcat)\n" +
		outside + ":4: no column (hardcodedsecret)\n" +
		"w.go:2:1: warning: warned (cmdinjection)\n" +
		"w.go:3:1: note: noted (insecuretransport)\n" +
		"w.go:4:1: an error (sqlconcat)\n"
	if got := string(render(t, Text, r)); got != want {
		t.Errorf("text output:\n%s\nwant:\n%s", got, want)
	}
	if got := render(t, Text, &Result{Errors: []Problem{{Message: "broken"}}}); len(got) != 0 {
		t.Errorf("text output without findings is %q, want nothing", got)
	}
}

func TestStablePath(t *testing.T) {
	for _, c := range []struct{ dir, file, want string }{
		{"/w/mod", "/w/mod/a/b.go", "a/b.go"},
		{"/w/mod", "/home/u/go/pkg/mod/go-micro.dev/v4@v4.10.2/transport/t.go", "go-micro.dev/v4@v4.10.2/transport/t.go"},
		{"/w/mod", "/elsewhere/deep/gen/gen.go", "gen/gen.go"},
	} {
		if got := StablePath(c.dir, c.file); got != c.want {
			t.Errorf("StablePath(%q, %q) = %q, want %q", c.dir, c.file, got, c.want)
		}
	}
}
