package lsp

import (
	"runtime"
	"testing"

	"github.com/microsec-lint/microsec-lint/internal/report"
	"go.lsp.dev/protocol"
)

func TestPositionCountsUTF16(t *testing.T) {
	// "é" is 2 bytes and 1 unit, "€" 3 bytes and 1 unit, "😀" 4 bytes and
	// 2 units (a surrogate pair), "\xff" an invalid byte counted as 1.
	text := "package p\nvar s = \"é€😀\" + x\n\xffy\nlast"
	c := newContent(text)
	cases := []struct {
		name   string
		offset int
		want   protocol.Position
	}{
		{"start", 0, protocol.Position{Line: 0, Character: 0}},
		{"end of first line", 9, protocol.Position{Line: 0, Character: 9}},
		{"start of second line", 10, protocol.Position{Line: 1, Character: 0}},
		{"after the quote", 19, protocol.Position{Line: 1, Character: 9}},
		{"after é", 21, protocol.Position{Line: 1, Character: 10}},
		{"after €", 24, protocol.Position{Line: 1, Character: 11}},
		{"after 😀", 28, protocol.Position{Line: 1, Character: 13}},
		{"x", 32, protocol.Position{Line: 1, Character: 17}},
		{"after the invalid byte", 35, protocol.Position{Line: 2, Character: 1}},
		{"end of text", len(text), protocol.Position{Line: 3, Character: 4}},
		{"past the end", len(text) + 10, protocol.Position{Line: 3, Character: 4}},
	}
	for _, tc := range cases {
		if got := c.position(tc.offset); got != tc.want {
			t.Errorf("%s: position(%d) = %+v, want %+v", tc.name, tc.offset, got, tc.want)
		}
		if tc.offset <= len(text) {
			if back := c.offset(tc.want); back != tc.offset {
				t.Errorf("%s: offset(%+v) = %d, want %d", tc.name, tc.want, back, tc.offset)
			}
		}
	}
}

func TestOffsetClampsAndStaysOffSurrogates(t *testing.T) {
	c := newContent("a😀b\nxy")
	cases := []struct {
		pos  protocol.Position
		want int
	}{
		{protocol.Position{Line: 0, Character: 2}, 1},  // between the two halves of 😀
		{protocol.Position{Line: 0, Character: 3}, 5},  // after 😀
		{protocol.Position{Line: 0, Character: 99}, 6}, // clamped before the newline
		{protocol.Position{Line: 1, Character: 1}, 8},
		{protocol.Position{Line: 7, Character: 0}, 9}, // past the last line
	}
	for _, tc := range cases {
		if got := c.offset(tc.pos); got != tc.want {
			t.Errorf("offset(%+v) = %d, want %d", tc.pos, got, tc.want)
		}
	}
}

func TestReportPositionWithoutOffset(t *testing.T) {
	c := newContent("ab\n«x»\n")
	// Line 2, byte column 3 is "x" after the two-byte «.
	got := c.reportPosition(report.Position{Line: 2, Column: 3})
	if want := (protocol.Position{Line: 1, Character: 1}); got != want {
		t.Errorf("reportPosition = %+v, want %+v", got, want)
	}
	if got := c.reportPosition(report.Position{}); got != (protocol.Position{}) {
		t.Errorf("unknown position = %+v, want 0:0", got)
	}
}

func TestDiagnosticFields(t *testing.T) {
	c := newContent("package p\n\nvar x = 1\n")
	f := report.Finding{
		Rule:    "demo",
		Level:   report.LevelNote,
		Pos:     report.Position{Line: 3, Column: 5, Offset: 15},
		End:     report.Position{Line: 3, Column: 6, Offset: 16},
		Message: "x is demo",
	}
	d := diagnostic(f, c, map[string]string{"demo": "https://example.com/rules#demo"})
	if d.Code != "demo" || d.Source != source || d.Message != f.Message {
		t.Errorf("diagnostic = %+v", d)
	}
	if d.Severity != protocol.DiagnosticSeverityInformation {
		t.Errorf("severity of a note = %v, want information", d.Severity)
	}
	if d.CodeDescription == nil || d.CodeDescription.Href != "https://example.com/rules#demo" {
		t.Errorf("codeDescription = %+v", d.CodeDescription)
	}
	want := protocol.Range{Start: protocol.Position{Line: 2, Character: 4}, End: protocol.Position{Line: 2, Character: 5}}
	if d.Range != want {
		t.Errorf("range = %+v, want %+v", d.Range, want)
	}
	if d := diagnostic(f, c, nil); d.CodeDescription != nil {
		t.Errorf("a rule without URL got codeDescription %+v", d.CodeDescription)
	}
	for level, want := range map[report.Level]protocol.DiagnosticSeverity{
		report.LevelError:   protocol.DiagnosticSeverityError,
		report.LevelWarning: protocol.DiagnosticSeverityWarning,
		"":                  protocol.DiagnosticSeverityWarning,
	} {
		if got := severity(level); got != want {
			t.Errorf("severity(%q) = %v, want %v", level, got, want)
		}
	}
}

func TestFilePath(t *testing.T) {
	cases := []struct {
		uri  protocol.DocumentURI
		path string
		ok   bool
	}{
		{"file:///home/u/m/a.go", "/home/u/m/a.go", true},
		{"file:///home/u/my%20mod/%C3%A9.go", "/home/u/my mod/é.go", true},
		{"file:///home/u/m/../m/a.go", "/home/u/m/a.go", true},
		{"untitled:Untitled-1", "", false},
		{"https://example.com/a.go", "", false},
		{"::", "", false},
		// Another host's file is not here to analyse; localhost's is.
		{"file://otherhost/home/u/m/a.go", "", false},
		{"file://localhost/home/u/m/a.go", "/home/u/m/a.go", true},
	}
	if runtime.GOOS != "windows" {
		// A drive letter means one on Windows only; elsewhere /C: is a
		// directory like any other.
		cases = append(cases, struct {
			uri  protocol.DocumentURI
			path string
			ok   bool
		}{"file:///C:/m/a.go", "/C:/m/a.go", true})
	}
	for _, tc := range cases {
		path, ok := filePath(tc.uri)
		if path != tc.path || ok != tc.ok {
			t.Errorf("filePath(%q) = %q, %v; want %q, %v", tc.uri, path, ok, tc.path, tc.ok)
		}
	}
}

func TestWantsKindAndOverlaps(t *testing.T) {
	if !wantsKind(nil, protocol.QuickFix) || !wantsKind([]protocol.CodeActionKind{protocol.QuickFix}, protocol.QuickFix) {
		t.Error("quickfix filtered out")
	}
	if wantsKind([]protocol.CodeActionKind{protocol.Source}, protocol.QuickFix) {
		t.Error("quickfix passed a source-only filter")
	}
	if !wantsKind([]protocol.CodeActionKind{protocol.QuickFix}, "quickfix.microsec") {
		t.Error("a sub-kind of quickfix filtered out")
	}
	r := func(l1, c1, l2, c2 uint32) protocol.Range {
		return protocol.Range{Start: protocol.Position{Line: l1, Character: c1}, End: protocol.Position{Line: l2, Character: c2}}
	}
	if !overlaps(r(3, 4, 3, 10), r(3, 6, 3, 6)) {
		t.Error("a cursor inside a diagnostic does not overlap it")
	}
	if !overlaps(r(3, 4, 3, 10), r(3, 10, 3, 10)) {
		t.Error("a cursor at the end of a diagnostic does not overlap it")
	}
	if overlaps(r(3, 4, 3, 10), r(4, 0, 4, 0)) {
		t.Error("the next line overlaps")
	}
}

// LSP ends lines at "\n", "\r\n" and a lone "\r"; go/token, whose line and
// column a position without offset carries, only at "\n".
func TestLineEndings(t *testing.T) {
	text := "a\rbc\r\nd\n\r\re"
	c := newContent(text)
	cases := []struct {
		offset int
		want   protocol.Position
	}{
		{0, protocol.Position{Line: 0, Character: 0}},
		{2, protocol.Position{Line: 1, Character: 0}}, // b, after a lone \r
		{3, protocol.Position{Line: 1, Character: 1}}, // c
		{6, protocol.Position{Line: 2, Character: 0}}, // d, after \r\n
		{8, protocol.Position{Line: 3, Character: 0}}, // \n then \r: an empty line
		{9, protocol.Position{Line: 4, Character: 0}},
		{10, protocol.Position{Line: 5, Character: 0}}, // e
	}
	for _, tc := range cases {
		if got := c.position(tc.offset); got != tc.want {
			t.Errorf("position(%d) = %+v, want %+v", tc.offset, got, tc.want)
		}
		if back := c.offset(tc.want); back != tc.offset {
			t.Errorf("offset(%+v) = %d, want %d", tc.want, back, tc.offset)
		}
	}
	// A character past the end of a line stays before its line end, of
	// whichever kind.
	for line, want := range map[uint32]int{0: 1, 1: 4, 2: 7, 3: 8} {
		if got := c.offset(protocol.Position{Line: line, Character: 99}); got != want {
			t.Errorf("offset(%d:99) = %d, want %d", line, got, want)
		}
	}
	// go/token's line 3 ("\r\re") starts at offset 8; column 3 is "e".
	if got, want := c.reportPosition(report.Position{Line: 3, Column: 3}), (protocol.Position{Line: 5, Character: 0}); got != want {
		t.Errorf("reportPosition(3:3) = %+v, want %+v", got, want)
	}
}
