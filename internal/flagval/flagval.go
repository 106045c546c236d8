// Package flagval holds flag.Value types that analyzers register on their
// Analyzer.Flags so that internal/config can type the settings of
// .microsec.yml and of the golangci-lint plugin from them.
//
// internal/config recognises a list setting by its flag's Get method
// returning []string (or by the value being a pointer to a slice of
// strings), and sets it by calling Set once with the elements joined by
// commas. List honours that contract and replaces its default.
package flagval

import (
	"fmt"
	"strings"
	"unicode"
)

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

// Set adds the comma-separated names of s; it adds none if one of them is
// not a name (see CheckName).
func (n *Names) Set(s string) error {
	var add []string
	for _, e := range strings.Split(s, ",") {
		if e = strings.TrimSpace(strings.ReplaceAll(e, "*", "")); e != "" {
			if err := CheckName(e); err != nil {
				return err
			}
			add = append(add, e)
		}
	}
	*n = append(*n, add...)
	return nil
}

// FuncList is a List of qualified names, checked as Names checks them: a
// list that replaces its default.
type FuncList []string

// Set replaces the list with the comma-separated names of s, if each is a
// name (see CheckName).
func (l *FuncList) Set(s string) error {
	var names List
	_ = names.Set(s) // a List takes any text
	for _, e := range names {
		if err := CheckName(strings.ReplaceAll(e, "*", "")); err != nil {
			return err
		}
	}
	*l = FuncList(names)
	return nil
}

// String returns the names joined by commas.
func (l *FuncList) String() string { return (*List)(l).String() }

// Get returns a copy of the names as []string, as List's does.
func (l *FuncList) Get() any { return (*List)(l).Get() }

// CheckName reports whether s names a function or method in the form the
// rules' lists take: "import/path.Func" or "(import/path.Type).Method",
// with no star. A name in another form would never match, and a setting
// that silently does nothing is worse than an error.
func CheckName(s string) error {
	bad := fmt.Errorf("%q is not \"import/path.Func\" or \"(import/path.Type).Method\"", s)
	if rest, ok := strings.CutPrefix(s, "("); ok {
		typ, method, ok := strings.Cut(rest, ").")
		if !ok || !qualified(typ) || !isIdent(method) {
			return bad
		}
		return nil
	}
	if !qualified(s) {
		return bad
	}
	return nil
}

// qualified reports whether s is an import path, a dot and an identifier.
func qualified(s string) bool {
	i := strings.LastIndexByte(s, '.')
	if i <= 0 || !isIdent(s[i+1:]) {
		return false
	}
	path := s[:i]
	return !strings.ContainsAny(path, "() \t,") && !strings.HasPrefix(path, "/") && !strings.HasSuffix(path, "/")
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if !unicode.IsLetter(r) && r != '_' && (i == 0 || !unicode.IsDigit(r)) {
			return false
		}
	}
	return true
}

// String returns the names joined by commas.
func (n *Names) String() string {
	if n == nil {
		return ""
	}
	return strings.Join(*n, ",")
}
