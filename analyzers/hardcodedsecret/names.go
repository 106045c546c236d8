package hardcodedsecret

import (
	"fmt"
	"go/ast"
	"strings"

	"github.com/microsec-lint/microsec-lint/internal/secrets"
)

// plainName reports whether a constant string used as a name (a map key,
// a header name, the key before a default) reads as a name: words of
// letters with at most short numbers, joined by "-", "_", ".", ":", "/"
// or case changes, as in "DB_PASSWORD", "X-Api-Key", "oauth2.token" or
// "/run/secrets/db_password". Only such a name is printed in a finding or
// turned into an environment variable's name: random-looking text
// ("secret_Hq7Lm2Zx9Pv4Kt8W") may be the secret itself.
func plainName(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isAlnum(c) && strings.IndexByte("-_.:/ ", c) < 0 {
			return false
		}
	}
	short := 0
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("-_.:/ ", r) }) {
		if !plainPart(part) {
			return false
		}
		if strings.IndexFunc(part, func(r rune) bool { return '0' <= r && r <= '9' }) < 0 {
			for _, w := range secrets.Words(part) {
				if len(w) <= 2 {
					short++
				}
			}
		}
	}
	return short <= 2 // "HqLmZxPvKt" splits into many tiny words
}

// randomName reports whether a constant string used as a name looks
// random itself, so that it may be the secret rather than its name: one
// of its runs of letters and digits does not read as a word (plainPart:
// "Hq7Lm2Zx9Pv4Kt8W", "20240612"), or splits into three or more words of
// one or two letters ("HqLmZxPvKtW"). A name that is not plain
// (plainName) but not random either ("x-ms-az-token", "db_password[primary]",
// a name longer than 64 characters) still names its value, which is
// judged as that name says; only the name is not printed.
func randomName(s string) bool {
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r >= 0x80 || !isAlnum(byte(r)) }) {
		if !plainPart(part) {
			return true
		}
		short := 0
		for _, w := range secrets.Words(part) {
			if len(w) <= 2 {
				short++
			}
		}
		if short >= 3 {
			return true
		}
	}
	return false
}

// plainPart reports whether a run of letters and digits reads as a word
// of a name: letters and digits alternate at most once ("oauth2",
// "x509", "2fa"), or twice in a part of at most four characters ("k8s",
// "i18n"), and no number is longer than four digits.
func plainPart(p string) bool {
	runs, digits := 0, 0
	for i := 0; i < len(p); i++ {
		d := isDigitByte(p[i])
		if i == 0 || d != isDigitByte(p[i-1]) {
			runs++
			digits = 0
		}
		if d {
			if digits++; digits > 4 {
				return false
			}
		}
	}
	return runs <= 2 || runs == 3 && len(p) <= 4
}

func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }

func isAlnum(c byte) bool {
	return isDigitByte(c) || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// constName returns the constant string e holds when it reads as a name
// (plainName); otherwise ok is false and the text is better not printed.
func (c *checker) constName(e ast.Expr) (name string, ok bool) {
	s, isConst := c.constString(e)
	if !isConst || !plainName(s) {
		return "", false
	}
	return s, true
}

// constKey returns the constant string e holds, used as a name (a map
// key, a header's name, the key before a default), and what of it may be
// printed: the name when it reads as one (plainName), "" when it does
// not. ok is false when e is no constant or the string looks random
// (randomName): it may be a secret itself.
func (c *checker) constKey(e ast.Expr) (key, shown string, ok bool) {
	s, isConst := c.constString(e)
	if !isConst || randomName(s) && !plainName(s) {
		return s, "", false
	}
	if plainName(s) {
		return s, s, true
	}
	return s, "", true
}

// named returns what, followed by the name shown when there is one:
// `header X-Api-Key`, `map entry "password"`, `default of DB_PASSWORD`,
// or what alone.
func named(what, shown string, quote bool) string {
	switch {
	case shown == "":
		return what
	case quote:
		return fmt.Sprintf("%s %q", what, shown)
	case what == "default":
		return "default of " + shown
	default:
		return what + " " + shown
	}
}
