// Package e reaches no sink. Given a SinkObject test, Analyze summarises
// only what it exports and what that calls, which must give the same facts
// as summarising everything.
package e

import "strings"

const base = "users"

var prefix = "tbl_"

var suffix = "_v1"

// SetSuffix writes suffix, so that Suffixed's result is not constant; the
// write is in a function nothing exported calls.
func SetSuffix(s string) { suffix = s }

func Table() string { return base } // want Table:`results\(constant\{"users"\}\)`

func Prefixed() string { return prefix + name() } // want Prefixed:`results\(constant\{"tbl_t"\}\)`

func name() string { return "t" }

func Suffixed() string { return "t" + suffix }

// Suffix2 appends suffix to x: its result depends on x and on whatever
// SetSuffix was given.
func Suffix2(x string) string { return x + suffix } // want Suffix2:`results\(non-constant\+p0\)`

func Upper(s string) string { return strings.ToUpper(same(s)) } // want Upper:`results\(constant\+p0\)`

func same(s string) string { return s }

func Count() int { return 1 }

// T's method is exported through an unexported path.
type T struct{}

func (T) Name() string { return base } // want Name:`results\(constant\{"users"\}\)`

// Even and Odd call each other: Odd, summarised while Even is in
// progress, is summarised again once Even is done (see resummarize), and
// returns s too.
func Even(n int, s string) string { // want Even:`results\(constant\+p1\)`
	if n == 0 {
		return s
	}
	return Odd(n-1, s)
}

func Odd(n int, s string) string { // want Odd:`results\(constant\+p1\)`
	if n == 0 {
		return "odd"
	}
	return Even(n-1, s)
}

// Quote is used as a value by Callbacks, which nothing exported calls: its
// callers are unknown, so its result is not constant text.
func Quote(s string) string { return "'" + s + "'" }

func callbacks() []func(string) string { return []func(string) string{Quote} }

// Default is initialised by a function nothing exported calls.
var Default = defaultName() // want Default:`results\(constant\{"dt"\}\)`

func defaultName() string { return "d" + name() }

// unused is called by no one: its body matters to no summary.
func unused(s string) string { return s + "x" }
