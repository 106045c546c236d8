package report

import (
	"go/scanner"
	"go/token"
	"sort"
	"strconv"
	"strings"

	"github.com/microsec-lint/microsec-lint/internal/secrets"
)

// The placeholders that stand, in the code a fingerprint hashes, for a
// string literal or a comment that holds a secret. They are fixed, so
// that the hash says nothing of the secret, and keep the kind of token
// they replace, so that CodeShape reads the code as before.
const (
	secretString       = `"<secret>"`
	secretBlockComment = `/*<secret>*/`
	secretLineComment  = `//<secret>`
)

// Source is the text of a Go file as fingerprints read it: tokenised as a
// whole, so that a line inside a raw string or a block comment is known
// for what it is, and with the string literals and comments that hold a
// secret known, so that no hash is made of their text.
type Source struct {
	data       []byte
	lineStarts []int         // byte offset of each line's first byte
	secrets    []sourceToken // the tokens that hold a secret
	tokens     []sourceToken // every token, listed when Shape first needs them
}

// sourceToken is one token of a Source, comments included, but not the
// semicolons the scanner inserts at line ends.
type sourceToken struct {
	start, end int    // byte offsets
	line, last int    // 1-based lines of its first and last byte
	shape      string // what CodeShape writes for it; "" for a comment
	tok        token.Token
}

// NewSource tokenises data, the text of a Go file, and finds the string
// literals and comments in which package secrets sees a secret. Only
// those are kept: a run's fingerprints read many files, and most only
// need their secrets redacted.
func NewSource(data []byte) *Source {
	s := &Source{data: data, lineStarts: []int{0}}
	for i, b := range data {
		if b == '\n' {
			s.lineStarts = append(s.lineStarts, i+1)
		}
	}
	s.scan(func(t sourceToken, lit string) {
		if holdsSecret(t.tok, lit) {
			s.secrets = append(s.secrets, t)
		}
	})
	return s
}

// scan calls f with each token of the file and its literal text.
func (s *Source) scan(f func(t sourceToken, lit string)) {
	var sc scanner.Scanner
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(s.data))
	sc.Init(file, s.data, func(token.Position, string) {}, scanner.ScanComments)
	for {
		pos, tok, lit := sc.Scan()
		if tok == token.EOF {
			break
		}
		if tok == token.SEMICOLON && lit == "\n" {
			continue // inserted by the scanner
		}
		start := file.Offset(pos)
		t := sourceToken{start: start, end: start + max(len(lit), len(tok.String())), tok: tok}
		if lit != "" {
			t.end = start + len(lit)
		}
		t.end = min(t.end, len(s.data))
		t.line, t.last = s.lineOf(t.start), s.lineOf(max(t.start, t.end-1))
		f(t, lit)
	}
}

// allTokens returns every token of the file, with its shape, listing
// them the first time.
func (s *Source) allTokens() []sourceToken {
	if s.tokens == nil {
		s.tokens = []sourceToken{}
		s.scan(func(t sourceToken, lit string) {
			t.shape = shapeOf(t.tok, lit)
			s.tokens = append(s.tokens, t)
		})
	}
	return s.tokens
}

// Data returns the text of the file.
func (s *Source) Data() []byte { return s.data }

// holdsSecret reports whether a string literal's value, or a comment's
// text, contains a secret that package secrets finds.
func holdsSecret(tok token.Token, lit string) bool {
	var text string
	switch tok {
	case token.STRING:
		v, err := strconv.Unquote(lit)
		if err != nil {
			// Not terminated: what there is of it.
			v = strings.Trim(lit, "`\"")
		}
		text = v
	case token.COMMENT:
		text = lit
	default:
		return false
	}
	var sc secrets.Scanner
	return len(sc.Scan(text)) > 0
}

// lineOf returns the 1-based line of byte offset off.
func (s *Source) lineOf(off int) int {
	return sort.Search(len(s.lineStarts), func(i int) bool { return s.lineStarts[i] > off })
}

// Redacted returns the bytes from offset from to offset to with each
// string literal or comment that holds a secret replaced, as far as it
// overlaps them, by a fixed placeholder. Text that holds no secret comes
// back as it is.
func (s *Source) Redacted(from, to int) string {
	from, to = max(from, 0), min(to, len(s.data))
	if from >= to {
		return ""
	}
	var b strings.Builder
	at := from
	for _, t := range s.secrets {
		if t.end <= at || t.start >= to {
			continue
		}
		b.Write(s.data[at:max(at, t.start)])
		b.WriteString(s.placeholder(t))
		at = min(t.end, to)
	}
	b.Write(s.data[at:to])
	return b.String()
}

// placeholder returns what stands for t, a token that holds a secret.
func (s *Source) placeholder(t sourceToken) string {
	switch {
	case t.tok != token.COMMENT:
		return secretString
	case strings.HasPrefix(string(s.data[t.start:t.end]), "//"):
		return secretLineComment
	default:
		return secretBlockComment
	}
}

// Lines returns the 1-based lines from..to (to at least from) with white
// space folded as Text does, and the secrets redacted as Redacted does;
// false if the file has no such lines.
func (s *Source) Lines(from, to int) (string, bool) {
	start, end, ok := s.lineSpan(from, to)
	if !ok {
		return "", false
	}
	return strings.Join(strings.Fields(s.Redacted(start, end)), " "), true
}

// Shape returns CodeShape of the 1-based lines from..to joined into one,
// read from the tokens of the whole file: a token that starts on an
// earlier line and reaches into them (a raw string, a comment) counts as
// what it is, not as the words of the lines; false if the file has no
// such lines. As in CodeShape of the joined lines, a line comment ends
// the shape.
func (s *Source) Shape(from, to int) (string, bool) {
	if _, _, ok := s.lineSpan(from, to); !ok {
		return "", false
	}
	to = max(from, to)
	var words []string
	for _, t := range s.allTokens() {
		if t.last < from || t.line > to {
			continue
		}
		if t.tok == token.COMMENT && strings.HasPrefix(string(s.data[t.start:t.end]), "//") {
			// CodeShape of the lines, joined into one, reads the rest
			// as this comment: shapes that fingerprints already hash
			// stay as they are.
			break
		}
		if t.shape != "" {
			words = append(words, t.shape)
		}
	}
	return strings.Join(words, " "), true
}

// lineSpan returns the byte offsets of the start of line from and the
// end of line to (to at least from), line endings left out, as the
// lines of sources count them: a final newline ends the last line.
func (s *Source) lineSpan(from, to int) (start, end int, ok bool) {
	to = max(from, to)
	n := len(s.lineStarts)
	if len(s.data) > 0 && s.data[len(s.data)-1] == '\n' {
		n-- // no line after the final newline
	}
	if len(s.data) == 0 || from < 1 || to > n {
		return 0, 0, false
	}
	start = s.lineStarts[from-1]
	end = len(s.data)
	if to < len(s.lineStarts) {
		end = s.lineStarts[to] - 1
	}
	return start, end, true
}

// shapeOf is what CodeShape writes for one token.
func shapeOf(tok token.Token, lit string) string {
	switch {
	case tok == token.COMMENT:
		return ""
	case tok == token.STRING:
		return `""`
	case tok == token.CHAR:
		return `''`
	case lit != "":
		return lit
	default:
		return tok.String()
	}
}
