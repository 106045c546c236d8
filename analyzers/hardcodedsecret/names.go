package hardcodedsecret

import (
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
