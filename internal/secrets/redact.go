package secrets

import (
	"sort"
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
// same bytes, or what they say once unquoted). A hidden span is described
// without its first characters; rank breaks ties between overlapping spans
// of the same length (see resolveSpans).
type span struct {
	start, end int
	secret     string
	hidden     bool
	rank       int
}

// The ranks of spans: found in the text as it is, in a quoted segment's
// value, and a cut-off value after a secret's key.
const (
	rankRaw = iota
	rankQuoted
	rankCut
)

// spanFinder finds the secrets of a text and counts its steps: the bytes
// it reads, so a test can check that the work is linear in the text.
type spanFinder struct {
	sc    Scanner
	steps int
}

// findSpans returns the secrets of text, in order and without overlaps.
func findSpans(text string, depth int) []span {
	var f spanFinder
	return f.find(text, depth)
}

// find returns the secrets of text, in order and without overlaps: those
// Scan finds in it, and, depth levels down, those found in the value of
// each of its double-quoted segments. Where two overlap, the longer is
// kept (see resolveSpans).
func (f *spanFinder) find(text string, depth int) []span {
	var all []span
	if depth > 0 {
		for _, q := range f.quotedSegments(text) {
			for _, s := range f.find(q.value, depth-1) {
				s.start, s.end = q.start+q.offs[s.start], q.start+q.offs[s.end]
				s.rank = max(s.rank, rankQuoted)
				all = append(all, s)
			}
			if q.cut {
				if at, ok := cutSecretTail(q.value); ok {
					all = append(all, span{q.start + q.offs[at], q.start + q.offs[len(q.value)], q.value[at:], true, rankCut})
				}
			}
		}
	}
	f.steps += len(text)
	for _, m := range f.sc.Scan(text) {
		start, end := m.Start, m.End
		// A match that runs into an escape ends before it: the
		// backslash belongs to the escape, not to the secret.
		for end > start+1 && text[end-1] == '\\' && end < len(text) {
			end--
		}
		all = append(all, span{start, end, text[start:end], false, rankRaw})
	}
	return resolveSpans(all)
}

// resolveSpans returns spans in order of their starts, without overlaps:
// of two that overlap, the longer is kept, as it covers more of the
// secret; of two as long, the one of higher rank, whose escapes are
// whole or which shows nothing.
func resolveSpans(spans []span) []span {
	sort.SliceStable(spans, func(i, j int) bool {
		a, b := spans[i], spans[j]
		if a.start != b.start {
			return a.start < b.start
		}
		return a.end-a.start > b.end-b.start || a.end-a.start == b.end-b.start && a.rank > b.rank
	})
	var out []span
	for _, s := range spans {
		n := len(out)
		if n == 0 || s.start >= out[n-1].end {
			out = append(out, s)
			continue
		}
		// Of two overlapping spans, the one kept describes the secret,
		// and covers the text of both: nothing of the other is shown.
		last, keep := out[n-1], out[n-1]
		if s.end-s.start > last.end-last.start || s.end-s.start == last.end-last.start && s.rank > last.rank {
			keep = s
		}
		keep.start, keep.end = last.start, max(last.end, s.end)
		out[n-1] = keep
	}
	return out
}

// cutSecretTail reports whether v, a value that go/types cut off, ends
// with a secret's key and the start of its value ("--password=\"Hx7",
// `"password":"Jk8m`), and where that value starts: what is left of it
// is hidden however short, as its end, by which LooksLikeSecret would
// judge it, is missing.
func cutSecretTail(v string) (int, bool) {
	at := len(v)
	for at > 0 && !isSpaceOrQuote(v[at-1]) && strings.IndexByte(":;&,{(", v[at-1]) < 0 {
		at--
	}
	if at == len(v) {
		return 0, false
	}
	k := at
	if k > 0 && (v[k-1] == '"' || v[k-1] == '\'') {
		k--
	}
	for k > 0 && (v[k-1] == ' ' || v[k-1] == '\t') {
		k--
	}
	if k == 0 || v[k-1] != '=' && v[k-1] != ':' {
		return 0, false
	}
	k--
	for k > 0 && (v[k-1] == ' ' || v[k-1] == '\t') {
		k--
	}
	if k > 0 && (v[k-1] == '"' || v[k-1] == '\'') {
		k--
	}
	lower := asciiLower(v[:k])
	for _, kv := range kvKeys {
		i := len(lower) - len(kv.key)
		if strings.HasSuffix(lower, kv.key) && (i == 0 || isKeyBoundary(v[i-1])) {
			return at, true
		}
	}
	return 0, false
}

// quoted is a double-quoted segment of a text, Go's escapes decoded: the
// text's bytes from start on say value, and offs[i] is where value's byte
// i is written, relative to start (offs[len(value)] is the segment's end,
// before its closing quote). A cut segment is one go/types cut off.
type quoted struct {
	start int
	value string
	offs  []int
	cut   bool
}

// cutRunes is where go/constant cuts a long string constant it prints:
// after the opening quote and this many characters of the quoted form,
// it writes "..." and no closing quote.
const cutRunes = 68

// quotedSegments returns the double-quoted segments of text, left to
// right, in one pass: a quote, then up to an unescaped quote on the same
// line. A segment that goes/types cut off ("…68 characters...") ends
// there; one that does not close runs to the end of the line, and holds
// what decodes of it. A closed segment that does not decode is skipped,
// and its closing quote may open the next.
func (f *spanFinder) quotedSegments(text string) []quoted {
	var out []quoted
	for i := 0; i < len(text); i++ {
		if text[i] != '"' {
			continue
		}
		from := i + 1
		j, end := segmentEnd(text, from)
		f.steps += j - from
		q, n := unquotePrefix(text[from:j])
		f.steps += n
		q.start = from
		switch end {
		case segClosed:
			if n == j-from {
				out = append(out, q)
				i = j
			} else {
				i = j - 1 // the quote may open the next segment
			}
			continue
		case segCut:
			q.cut = true
			i = j + len("...") - 1
		default:
			i = j
		}
		if n > 0 {
			out = append(out, q)
		}
	}
	return out
}

// How a segment ends: with its closing quote, cut off by go/types, or
// open, at the end of its line.
const (
	segClosed = iota
	segCut
	segOpen
)

// segmentEnd returns where the segment whose value starts at text[from:]
// ends, and how.
func segmentEnd(text string, from int) (int, int) {
	escaped := false
	for j, runes := from, 0; j < len(text); runes++ {
		if runes == cutRunes && strings.HasPrefix(text[j:], "...") {
			return j, segCut
		}
		c := text[j]
		switch {
		case c == '\n':
			return j, segOpen
		case escaped:
			escaped = false
		case c == '\\':
			escaped = true
		case c == '"':
			return j, segClosed
		}
		_, size := utf8.DecodeRuneInString(text[j:])
		j += size
	}
	return len(text), segOpen
}

// unquotePrefix decodes s, the inside of a double-quoted Go string, as
// far as it can, recording where each decoded byte was written; n is how
// many bytes of s it decoded.
func unquotePrefix(s string) (q quoted, n int) {
	var b strings.Builder
	rest := s
	for rest != "" {
		at := len(s) - len(rest)
		r, multibyte, tail, err := strconv.UnquoteChar(rest, '"')
		if err != nil {
			break
		}
		size := 1
		if multibyte || r >= utf8.RuneSelf {
			size = utf8.RuneLen(r)
			if size < 0 {
				size = 3 // utf8.RuneError is written instead
			}
			b.WriteRune(r)
		} else {
			b.WriteByte(byte(r))
		}
		for range size {
			q.offs = append(q.offs, at)
		}
		rest = tail
	}
	n = len(s) - len(rest)
	q.offs = append(q.offs, n)
	q.value = b.String()
	return q, n
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
		prefix := safePrefix(s.secret, n)
		if s.hidden {
			prefix = strings.Repeat("*", len(prefix))
		}
		b.WriteString(prefix + "…(" + strconv.Itoa(n) + " chars)")
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
