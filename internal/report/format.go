package report

import (
	"cmp"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// Format selects how Write renders a Result. The zero value is Text.
type Format int

// The formats Write knows.
const (
	Text  Format = iota // one line per finding, for people and editors
	JSON                // the schema of docs/json-format.md, for scripts
	SARIF               // SARIF 2.1.0, for code scanning services
)

var formatNames = [...]string{Text: "text", JSON: "json", SARIF: "sarif"}

// String returns the name ParseFormat accepts for f.
func (f Format) String() string {
	if f < 0 || int(f) >= len(formatNames) {
		return fmt.Sprintf("Format(%d)", int(f))
	}
	return formatNames[f]
}

// ParseFormat returns the Format named s, as given to the -format flag.
func ParseFormat(s string) (Format, error) {
	for f, name := range formatNames {
		if s == name {
			return Format(f), nil
		}
	}
	return 0, fmt.Errorf("unknown format %q: accepted formats are %s",
		s, strings.Join(formatNames[:], ", "))
}

// Write renders r in format f to w. It writes nothing but the report itself:
// problems in r.Errors appear in the JSON and SARIF output, and the caller
// prints them for the text format. The source files named by findings are
// read for SARIF columns and fingerprints; a file that cannot be read
// lowers the precision of those, it is not an error.
func Write(w io.Writer, f Format, r *Result) error {
	switch f {
	case Text:
		return writeText(w, r)
	case JSON:
		return writeJSON(w, r)
	case SARIF:
		return writeSARIF(w, r)
	}
	return fmt.Errorf("report: cannot write %v", f)
}

// Sort orders findings by file, line, column, rule, message and end, then by
// package and level so that the order is total on everything the writers
// print. Findings that still compare equal keep their relative order.
func Sort(fs []Finding) {
	slices.SortStableFunc(fs, Compare)
}

// Compare is the order of Sort, for callers that sort findings held in
// their own structures.
func Compare(a, b Finding) int {
	return cmp.Or(
		cmp.Compare(a.Pos.File, b.Pos.File),
		cmp.Compare(a.Pos.Line, b.Pos.Line),
		cmp.Compare(a.Pos.Column, b.Pos.Column),
		cmp.Compare(a.Rule, b.Rule),
		cmp.Compare(a.Message, b.Message),
		cmp.Compare(a.End.Line, b.End.Line),
		cmp.Compare(a.End.Column, b.End.Column),
		cmp.Compare(a.Package, b.Package),
		cmp.Compare(a.Level, b.Level),
	)
}

// relPath returns file relative to dir, with forward slashes, and reports
// whether file lies under dir at all.
func relPath(dir, file string) (string, bool) {
	if dir == "" || file == "" || !filepath.IsAbs(file) {
		return "", false
	}
	rel, err := filepath.Rel(dir, file)
	if err != nil || rel == "." || filepath.IsAbs(rel) {
		return "", false
	}
	if rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// displayPath is how the text and JSON formats name a file: relative to
// dir when under it, otherwise as given.
func displayPath(dir, file string) string {
	if rel, ok := relPath(dir, file); ok {
		return rel
	}
	return file
}

// StablePath names a file the same way on every machine, for fingerprints:
// relative to dir when under it; inside a module cache, from the
// module@version element on; otherwise its last directory and base name.
func StablePath(dir, file string) string {
	if rel, ok := relPath(dir, file); ok {
		return rel
	}
	slash := filepath.ToSlash(file)
	if _, after, ok := strings.Cut(slash, "/pkg/mod/"); ok {
		return after
	}
	return path.Join(path.Base(path.Dir(slash)), path.Base(slash))
}
