package secrets

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// RedactText returns text with every secret Scan finds in it described as
// Redact does, without the quotes, so that the description reads inside
// quoted text: "--proxy=http://deploy:Pr0…(13 chars)@proxy:3128/". It is
// for text that quotes source code (a message, a compiler's error), which
// must not echo a hard-coded secret back. Text with no secret is returned
// as it is; past MaxScan bytes, text is not looked at.
//
// A message quotes source text with Go's escapes ("--password=\"…\""), so
// the double-quoted segments of text are also scanned for what they say
// once unquoted, and a secret found there is replaced with the escapes
// around it kept: the text stays well-formed. The description shows only
// letters, digits and a few signs that need no escape; any other of its
// first characters is shown as '*'.
func RedactText(text string) string {
	if len(text) > MaxScan {
		return redactSpans(text[:MaxScan], findSpans(text[:MaxScan], quoteDepth)) + text[MaxScan:]
	}
	return redactSpans(text, findSpans(text, quoteDepth))
}

// HashText returns text, as RedactText left it, with each description of
// a secret replaced by "<secret>", which says neither its first
// characters nor its length: a fingerprint that hashes a message stays
// the same when only the secret changes. Text without such a description
// is returned as it is.
func HashText(text string) string {
	const mark = " chars)"
	if !strings.Contains(text, "…(") {
		return text
	}
	var b strings.Builder
	last := 0
	for i := 0; i < len(text); {
		j := strings.Index(text[i:], "…(")
		if j < 0 {
			break
		}
		at := i + j
		numStart := at + len("…(")
		numEnd := numStart
		for numEnd < len(text) && numEnd-numStart < 10 && isDigit(text[numEnd]) {
			numEnd++
		}
		n, err := strconv.Atoi(text[numStart:numEnd])
		if err != nil || !strings.HasPrefix(text[numEnd:], mark) {
			i = at + len("…(")
			continue
		}
		// The description's prefix is min(n/4, 4) characters, each one
		// byte (see safePrefix).
		from := at - min(n/4, 4)
		if from < last {
			from = last
		}
		b.WriteString(text[last:from])
		b.WriteString("<secret>")
		last = numEnd + len(mark)
		i = last
	}
	b.WriteString(text[last:])
	return b.String()
}

// quoteDepth is how many levels of quoting RedactText looks through: a
// message that quotes a string whose value quotes JSON.
const quoteDepth = 2

// span is a secret found in a text: its bytes there, and its value (the
// same bytes, or what they say once unquoted).
type span struct {
	start, end int
	secret     string
}

// findSpans returns the secrets of text, in order and without overlaps:
// those Scan finds in it, and, depth levels down, those found in the
// value of each of its double-quoted segments, which take precedence.
func findSpans(text string, depth int) []span {
	var sc Scanner
	var inner []span
	if depth > 0 {
		for _, q := range quotedSegments(text) {
			for _, s := range findSpans(q.value, depth-1) {
				inner = append(inner, span{q.start + q.offs[s.start], q.start + q.offs[s.end], s.secret})
			}
		}
	}
	var out []span
	for _, m := range sc.Scan(text) {
		start, end := m.Start, m.End
		// A match that runs into an escape ends before it: the
		// backslash belongs to the escape, not to the secret.
		for end > start+1 && text[end-1] == '\\' && end < len(text) {
			end--
		}
		overlaps := false
		for _, s := range inner {
			if start < s.end && s.start < end {
				overlaps = true
				break
			}
		}
		if !overlaps {
			out = append(out, span{start, end, text[start:end]})
		}
	}
	out = append(out, inner...)
	// Insertion sort: there are few spans.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].start < out[j-1].start; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// quoted is a double-quoted segment of a text, Go's escapes decoded: the
// text's bytes from start on say value, and offs[i] is where value's byte
// i is written, relative to start (offs[len(value)] is the segment's end,
// before its closing quote).
type quoted struct {
	start int
	value string
	offs  []int
}

// quotedSegments returns the double-quoted segments of text, left to
// right, that Go's escapes can decode: a quote, then up to an unescaped
// quote on the same line. A quote that opens no such segment is skipped.
func quotedSegments(text string) []quoted {
	var out []quoted
	for i := 0; i < len(text); i++ {
		if text[i] != '"' {
			continue
		}
		j := i + 1
		for j < len(text) && text[j] != '"' && text[j] != '\n' {
			if text[j] == '\\' {
				j++
			}
			j++
		}
		if j >= len(text) || text[j] != '"' {
			continue
		}
		if q, ok := unquoteMapped(text[i+1 : j]); ok {
			q.start = i + 1
			out = append(out, q)
			i = j
		}
	}
	return out
}

// unquoteMapped decodes s, the inside of a double-quoted Go string, and
// records where each decoded byte was written.
func unquoteMapped(s string) (quoted, bool) {
	var q quoted
	var b strings.Builder
	for rest := s; rest != ""; {
		at := len(s) - len(rest)
		r, multibyte, tail, err := strconv.UnquoteChar(rest, '"')
		if err != nil {
			return q, false
		}
		n := 1
		if multibyte || r >= utf8.RuneSelf {
			n = utf8.RuneLen(r)
			if n < 0 {
				n = 3 // utf8.RuneError is written instead
			}
			b.WriteRune(r)
		} else {
			b.WriteByte(byte(r))
		}
		for range n {
			q.offs = append(q.offs, at)
		}
		rest = tail
	}
	q.offs = append(q.offs, len(s))
	q.value = b.String()
	return q, true
}

// redactSpans replaces each span of text with its description.
func redactSpans(text string, spans []span) string {
	if len(spans) == 0 {
		return text
	}
	var b strings.Builder
	last := 0
	for _, s := range spans {
		n := utf8.RuneCountInString(s.secret)
		b.WriteString(text[last:s.start])
		b.WriteString(safePrefix(s.secret, n) + "…(" + strconv.Itoa(n) + " chars)")
		last = s.end
	}
	b.WriteString(text[last:])
	return b.String()
}

// safePrefix returns what RedactText shows of a secret of n characters:
// its first min(n/4, 4) characters, each a byte that reads the same
// quoted or not (a letter, a digit, or one of "-_.+/=:@%~"), any other
// character shown as '*'.
func safePrefix(secret string, n int) string {
	show := min(n/4, 4)
	var b strings.Builder
	for _, r := range secret {
		if show == 0 {
			break
		}
		show--
		if r < utf8.RuneSelf && (isAlnum(byte(r)) || strings.ContainsRune("-_.+/=:@%~", r)) {
			b.WriteRune(r)
		} else {
			b.WriteByte('*')
		}
	}
	return b.String()
}
