// Package secrets recognises credentials, keys and tokens in text: the known
// token formats of common services (checked against their real structure and,
// where a format has one, its checksum), PEM private keys, credentials inside
// URLs and connection strings, and the placeholders that stand in for all of
// these in examples and templates.
//
// The package works on plain strings and knows nothing of Go syntax; the
// hardcodedsecret analyzer decides which strings to give it and what the
// place a string flows into says about it. Every function is safe on
// arbitrary input and runs in time linear in its length (bounded by MaxScan).
package secrets

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxScan is the longest text Scan looks at; longer texts are cut there.
// Source constants this long are generated data, not hand-written secrets.
const MaxScan = 1 << 20

// Match is one secret found in a text.
type Match struct {
	Kind  string // what the secret is, lowercase: "aws access key id"
	Start int    // byte offset of the secret in the text
	End   int    // byte offset just past it
}

// Secret returns the matched secret out of text, the string given to Scan.
func (m Match) Secret(text string) string { return text[m.Start:m.End] }

// Scanner finds secrets. Its zero value uses the built-in placeholders only.
type Scanner struct {
	// Placeholders are extra words that mark a value as a placeholder when
	// they occur in it, compared without regard to case.
	Placeholders []string
}

// Scan returns the secrets of a known shape in text, in order of position,
// without overlaps. Values that are placeholders are left out.
func (sc *Scanner) Scan(text string) []Match {
	if len(text) > MaxScan {
		text = text[:MaxScan]
	}
	var ms []Match
	for _, d := range detectors {
		ms = append(ms, d(sc, text)...)
	}
	return dropOverlaps(ms)
}

// detectors run in order of precedence: when two matches overlap, the one
// found by the earlier detector is kept.
var detectors = []func(*Scanner, string) []Match{
	scanPEM,
	scanBase64PEM,
	scanTokens,
	scanJWT,
	scanNkeySeeds,
	scanURLs,
	scanMySQLDSN,
	scanAuthHeaders,
	scanKeyValues,
	scanBasicAuth,
}

// dropOverlaps sorts ms by position and removes any match that overlaps one
// that came earlier in ms (that is, from a detector of higher precedence).
func dropOverlaps(ms []Match) []Match {
	var out []Match
	for _, m := range ms {
		overlaps := false
		for _, o := range out {
			if m.Start < o.End && o.Start < m.End {
				overlaps = true
				break
			}
		}
		if !overlaps {
			out = append(out, m)
		}
	}
	// Insertion sort: there are few matches.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].Start < out[j-1].Start; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// Redact describes secret without revealing it: its first characters, never
// more than four nor more than a quarter of it, and its length, as in
// `"AKIA…" (20 chars)`. Short secrets show nothing but their length.
func Redact(secret string) string {
	prefix, n := shown(secret)
	return strconv.Quote(prefix+"…") + " (" + strconv.Itoa(n) + " chars)"
}

// shown returns what Redact shows of secret, its first characters, and
// its length in runes.
func shown(secret string) (prefix string, n int) {
	n = utf8.RuneCountInString(secret)
	show := min(n/4, 4)
	prefix = secret
	for i := range secret {
		if show == 0 {
			prefix = secret[:i]
			break
		}
		show--
	}
	if n == 0 {
		prefix = ""
	}
	return prefix, n
}

// Entropy returns the Shannon entropy of s in bits per byte: about 3 for
// English words, 4 for hexadecimal digits and 5 to 6 for random base62 or
// base64 text of a few dozen characters.
func Entropy(s string) float64 {
	if s == "" {
		return 0
	}
	var counts [256]int
	for i := 0; i < len(s); i++ {
		counts[s[i]]++
	}
	n := float64(len(s))
	h := 0.0
	for _, c := range counts {
		if c == 0 {
			continue
		}
		p := float64(c) / n
		h -= p * math.Log2(p)
	}
	return h
}

// isAlnum reports whether b is an ASCII letter or digit.
func isAlnum(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9'
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

func isUpper(b byte) bool { return 'A' <= b && b <= 'Z' }

func isLower(b byte) bool { return 'a' <= b && b <= 'z' }

func isHexLower(b byte) bool { return isDigit(b) || 'a' <= b && b <= 'f' }

func isBase64URL(b byte) bool { return isAlnum(b) || b == '-' || b == '_' }

func isBase64Std(b byte) bool { return isAlnum(b) || b == '+' || b == '/' }

// runEnd returns the end of the run of bytes satisfying ok that starts at i,
// looking at most maxRun bytes ahead so that scans stay linear.
func runEnd(s string, i int, ok func(byte) bool) int {
	limit := min(len(s), i+maxRun)
	for i < limit && ok(s[i]) {
		i++
	}
	return i
}

// maxRun bounds every run, value and block a detector reads: no token, key
// or password is longer.
const maxRun = 64 << 10

// indexAll calls f with every offset at which sub occurs in s.
func indexAll(s, sub string, f func(i int)) {
	for off := 0; off <= len(s)-len(sub); {
		j := strings.Index(s[off:], sub)
		if j < 0 {
			return
		}
		f(off + j)
		off += j + 1
	}
}
