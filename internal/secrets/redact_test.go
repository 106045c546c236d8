package secrets

import (
	"strings"
	"testing"
)

// TestRedactTextLinear: finding the quoted segments of a text, and the
// secrets in them, takes work in proportion to the text's length, however
// many quotes it holds and whether they close: escaped quotes that open
// nothing, quotes that never close, escapes that do not decode.
func TestRedactTextLinear(t *testing.T) {
	const n = 1 << 15
	inputs := map[string]string{
		"escaped quotes, no close": `argument 1 of ssh ("-oProxyCommand=\"` + strings.Repeat(`\\\"`, n) + ` ...)`,
		"open quotes":              strings.Repeat(`"a `, n),
		"bad escapes":              strings.Repeat(`"\q" `, n),
		"nested no close":          `a "b \"c \\\"d ` + strings.Repeat(`\\\\\\\"`, n),
	}
	for name, in := range inputs {
		var f spanFinder
		f.find(in, quoteDepth)
		if limit := 4 * (quoteDepth + 1) * len(in); f.steps > limit {
			t.Errorf("%s: %d steps on %d bytes, want at most %d", name, f.steps, len(in), limit)
		}
	}
}

// TestRedactTextCut: go/types cuts a long constant to its first 68
// characters, quoted, and "...", with no closing quote. The segment ends
// there, so later quotes pair as they should, and a value cut after a
// secret's key is hidden whole, however short.
func TestRedactTextCut(t *testing.T) {
	pw := join("Qz8mWx3", "Lp9Tb")
	cases := map[string]string{
		// A cut constant with no secret, then a quoted secret.
		`t.go:5:13: cannot use banner (untyped string constant "Welcome to the orders service, see https://wiki.example.com/orders f...) as int value in variable declaration; t.go:7:13: cannot use "--password=\"` + pw + `\" -h db" (untyped string constant) as int value`: `t.go:5:13: cannot use banner (untyped string constant "Welcome to the orders service, see https://wiki.example.com/orders f...) as int value in variable declaration; t.go:7:13: cannot use "--password=\"Qz8…(12 chars)\" -h db" (untyped string constant) as int value`,
		// The cut falls inside a secret.
		`cannot use e1 (untyped string constant "mysql --host=db.internal.example.com --user=admin --password=\"Hx7kL...) as int value`: `cannot use e1 (untyped string constant "mysql --host=db.internal.example.com --user=admin --password=\"*…(5 chars)...) as int value`,
		`cannot use e2 (untyped string constant "{\"user\":\"admin\",\"host\":\"db.internal\",\"password\":\"Jk8mNq3W...) as int value`: `cannot use e2 (untyped string constant "{\"user\":\"admin\",\"host\":\"db.internal\",\"password\":\"**…(8 chars)...) as int value`,
		// Look-alike: "..." that does not cut the text.
		`x ("wait... \"` + pw + `\" done")`: `x ("wait... \"` + pw + `\" done")`,
	}
	for in, want := range cases {
		if got := RedactText(in); got != want {
			t.Errorf("RedactText(%q)\n = %q\nwant %q", in, got, want)
		}
	}
}

// TestResolveSpans: of two overlapping spans, the longer describes the
// secret, whether found raw or in a quoted segment, and the text of both
// is covered.
func TestResolveSpans(t *testing.T) {
	raw := span{start: 0, end: 20, secret: "raw", rank: rankRaw}
	inner := span{start: 5, end: 10, secret: "inner", rank: rankQuoted}
	got := resolveSpans([]span{inner, raw})
	if len(got) != 1 || got[0].secret != "raw" || got[0].start != 0 || got[0].end != 20 {
		t.Errorf("resolveSpans(raw 0-20, quoted 5-10) = %+v, want the raw span", got)
	}
	same := span{start: 0, end: 20, secret: "inner", rank: rankQuoted}
	if got := resolveSpans([]span{raw, same}); len(got) != 1 || got[0].secret != "inner" {
		t.Errorf("resolveSpans(raw 0-20, quoted 0-20) = %+v, want the quoted span", got)
	}
	partial := span{start: 15, end: 40, secret: "partial", rank: rankRaw}
	if got := resolveSpans([]span{raw, partial}); len(got) != 1 || got[0].secret != "partial" || got[0].start != 0 || got[0].end != 40 {
		t.Errorf("resolveSpans(0-20, 15-40) = %+v, want 15-40's secret over 0-40", got)
	}
}
