package report

import (
	"bytes"
	"go/scanner"
	"go/token"
	"os"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// sources reads each source file at most once and answers questions about
// its lines. A file that cannot be read is remembered as such.
type sources map[string][]string // file -> lines without line endings, or nil

// lines returns the lines of file, or nil if it cannot be read.
func (s sources) lines(file string) []string {
	if ls, ok := s[file]; ok {
		return ls
	}
	var ls []string
	if data, err := os.ReadFile(file); err == nil {
		data = bytes.TrimSuffix(data, []byte("\n"))
		for l := range strings.SplitSeq(string(data), "\n") {
			ls = append(ls, strings.TrimSuffix(l, "\r"))
		}
	}
	s[file] = ls
	return ls
}

// line returns the text of the 1-based line n of file.
func (s sources) line(file string, n int) (string, bool) {
	ls := s.lines(file)
	if n < 1 || n > len(ls) {
		return "", false
	}
	return ls[n-1], true
}

// utf16Column converts the 1-based byte column col on line n of file into
// the 1-based column in UTF-16 code units that SARIF counts by default. A
// column past the end of the line (the position of the newline) keeps its
// distance from the end. When the line is unknown col is returned as is.
func (s sources) utf16Column(file string, n, col int) int {
	text, ok := s.line(file, n)
	if !ok || col < 1 {
		return col
	}
	prefix := col - 1
	extra := 0
	if prefix > len(text) {
		extra = prefix - len(text)
		prefix = len(text)
	}
	return 1 + utf16Len(text[:prefix]) + extra
}

// utf16Len counts the UTF-16 code units of s, each invalid byte as one
// replacement character.
func utf16Len(s string) int {
	n := 0
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		n += utf16.RuneLen(r)
		s = s[size:]
	}
	return n
}

// CodeShape returns the tokens of a piece of Go source, one space apart,
// with the contents of string and rune literals and the comments left
// out. Fingerprints hash it instead of the text itself: a hard-coded
// password in the text would otherwise be in the hash, and a short one
// could be found again by trying candidates.
func CodeShape(src string) string {
	var s scanner.Scanner
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(src))
	s.Init(file, []byte(src), func(token.Position, string) {}, 0)
	var b strings.Builder
	for {
		_, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		if tok == token.SEMICOLON && lit == "\n" {
			continue // inserted by the scanner
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(shapeOf(tok, lit))
	}
	return b.String()
}
