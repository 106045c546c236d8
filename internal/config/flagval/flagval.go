// Package flagval holds flag.Value types that analyzers register on their
// Analyzer.Flags so that internal/config can type the settings of
// .microsec.yml and of the golangci-lint plugin from them.
//
// internal/config recognises a list setting by its flag's Get method
// returning []string (or by the value being a pointer to a slice of
// strings), and sets it by calling Set once with the elements joined by
// commas. List honours that contract and replaces its default.
package flagval

import "strings"

// List is a comma-separated list of strings. Set replaces the whole list
// (it does not append), so a value from the command line or from
// .microsec.yml replaces the analyzer's default instead of adding to it.
// Empty elements and surrounding spaces are dropped.
type List []string

// Set replaces the list with the comma-separated elements of s.
func (l *List) Set(s string) error {
	var out []string
	for _, e := range strings.Split(s, ",") {
		if e = strings.TrimSpace(e); e != "" {
			out = append(out, e)
		}
	}
	*l = out
	return nil
}

// String returns the elements joined by commas, the form Set reads.
func (l *List) String() string {
	if l == nil {
		return ""
	}
	return strings.Join(*l, ",")
}

// Get returns a copy of the elements as []string; internal/config uses
// the type of this result to tell a list flag from a string flag.
func (l *List) Get() any {
	if l == nil {
		return []string(nil)
	}
	return append([]string(nil), *l...)
}

// Names is a comma-separated list of qualified names, such as the extra
// sinks of a rule's -sinks. Unlike List, each Set adds to the list, so
// that a flag given twice keeps both. Stars are dropped from the names, so
// that a method may be written with a pointer receiver, (*pkg.T).M, and
// empty elements and surrounding spaces are dropped.
type Names []string

// Set adds the comma-separated names of s.
func (n *Names) Set(s string) error {
	for _, e := range strings.Split(s, ",") {
		if e = strings.TrimSpace(strings.ReplaceAll(e, "*", "")); e != "" {
			*n = append(*n, e)
		}
	}
	return nil
}

// String returns the names joined by commas.
func (n *Names) String() string {
	if n == nil {
		return ""
	}
	return strings.Join(*n, ",")
}
