package lsp

import (
	"net/url"
	"path/filepath"
	"runtime"
	"strings"
	"unicode/utf8"

	"github.com/microsec-lint/microsec-lint/internal/report"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// source is the name editors show beside each of our diagnostics.
const source = "microsec-lint"

// content is the text of one file as the analysis saw it, with the byte
// offset of each line start, so that byte positions become LSP positions.
// LSP ends a line at "\n", "\r\n" or a lone "\r", go/token only at "\n":
// each has its own table.
type content struct {
	text    string
	lines   []int // lines[i] is the offset of the first byte of LSP line i (0-based)
	goLines []int // the same for go/token's lines
}

func newContent(text string) *content {
	c := &content{text: text, lines: []int{0}, goLines: []int{0}}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			c.lines = append(c.lines, i+1)
			c.goLines = append(c.goLines, i+1)
		case '\r':
			if i+1 == len(text) || text[i+1] != '\n' {
				c.lines = append(c.lines, i+1)
			}
		}
	}
	return c
}

// position turns a byte offset into an LSP position, whose character
// counts UTF-16 code units from the start of the line. Offsets past the end
// are clamped; an invalid UTF-8 byte counts as one unit, as it does once
// decoded to U+FFFD.
func (c *content) position(offset int) protocol.Position {
	offset = max(0, min(offset, len(c.text)))
	// The last line starting at or before offset.
	lo, hi := 0, len(c.lines)
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if c.lines[mid] <= offset {
			lo = mid
		} else {
			hi = mid
		}
	}
	return protocol.Position{Line: uint32(lo), Character: uint32(utf16Len(c.text[c.lines[lo]:offset]))}
}

// offset turns an LSP position back into a byte offset, clamping a
// character past the end of its line to the line's end (before its line
// ending).
func (c *content) offset(p protocol.Position) int {
	if int(p.Line) >= len(c.lines) {
		return len(c.text)
	}
	start := c.lines[p.Line]
	end := len(c.text)
	if int(p.Line)+1 < len(c.lines) {
		end = c.lines[p.Line+1] - 1
		if c.text[end] == '\n' && end > start && c.text[end-1] == '\r' {
			end-- // "\r\n"
		}
	}
	units := int(p.Character)
	i := start
	for i < end && units > 0 {
		r, size := utf8.DecodeRuneInString(c.text[i:end])
		n := 1
		if r >= 0x10000 {
			n = 2
		}
		if n > units {
			break // inside a surrogate pair: stay before the character
		}
		units -= n
		i += size
	}
	return i
}

// utf16Len is the number of UTF-16 code units that encode s.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// rangeOf converts a pair of report positions in the file of c.
func (c *content) rangeOf(start, end report.Position) protocol.Range {
	return protocol.Range{Start: c.reportPosition(start), End: c.reportPosition(end)}
}

// reportPosition prefers the byte offset; a position without one (line and
// byte column only, counted as go/token counts them) is resolved through
// its line.
func (c *content) reportPosition(p report.Position) protocol.Position {
	if p.Offset > 0 || (p.Line == 1 && p.Column <= 1) {
		return c.position(p.Offset)
	}
	if p.Line <= 0 {
		return protocol.Position{}
	}
	line := min(p.Line-1, len(c.goLines)-1)
	return c.position(c.goLines[line] + max(p.Column-1, 0))
}

// severity maps a finding's level to an LSP severity; findings without a
// level are warnings.
func severity(l report.Level) protocol.DiagnosticSeverity {
	switch l {
	case report.LevelError:
		return protocol.DiagnosticSeverityError
	case report.LevelNote:
		return protocol.DiagnosticSeverityInformation
	}
	return protocol.DiagnosticSeverityWarning
}

// diagnostic converts one finding of the file whose text is c.
func diagnostic(f report.Finding, c *content, urls map[string]string) protocol.Diagnostic {
	d := protocol.Diagnostic{
		Range:    c.rangeOf(f.Pos, f.End),
		Severity: severity(f.Level),
		Code:     f.Rule,
		Source:   source,
		Message:  f.Message,
	}
	if href := urls[f.Rule]; href != "" {
		d.CodeDescription = &protocol.CodeDescription{Href: protocol.URI(href)}
	}
	return d
}

// filePath returns the local path a file URI names; ok is false for other
// schemes (an editor's unsaved "untitled:" buffers, for one).
func filePath(u protocol.DocumentURI) (path string, ok bool) {
	parsed, err := url.Parse(string(u))
	if err != nil || parsed.Scheme != uri.FileScheme || parsed.Path == "" ||
		(parsed.Host != "" && parsed.Host != "localhost") { // another host's file
		return "", false
	}
	p := parsed.Path
	// file:///C:/x on Windows; elsewhere /C: is a directory's name.
	if runtime.GOOS == "windows" && len(p) >= 3 && p[0] == '/' && p[2] == ':' {
		p = p[1:]
	}
	return filepath.Clean(filepath.FromSlash(p)), true
}

// within reports whether path is dir or lies below it.
func within(path, dir string) bool {
	if dir == "" {
		return false
	}
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}
