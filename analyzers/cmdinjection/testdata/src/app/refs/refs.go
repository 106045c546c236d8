// Package refs checks values for callers of other packages: what its
// functions check before they return true, or a nil error, travels in
// their facts.
package refs

import (
	"errors"
	"strings"
)

var hosts = map[string]bool{"db1": true, "db2": true}

// Ref reports whether ref cannot be read as an option.
func Ref(ref string) bool { return ref != "" && !strings.HasPrefix(ref, "-") } // want Ref:`checks\(0:option\)`

// RefErr returns nil only for a ref that does not start with "-".
func RefErr(ref string) error { // want RefErr:`checks\(0:option\)`
	if ref == "" || ref[0] == '-' {
		return errors.New("bad ref")
	}
	return nil
}

// Host allows known hosts only.
func Host(h string) bool { return hosts[h] } // want Host:`checks\(0:allowed\)`

// Checker checks refs as Ref does, as a method.
type Checker struct{}

func (Checker) Ref(ref string) bool { return !strings.HasPrefix(ref, "-") } // want Ref:`checks\(1:option\)`

// The twins below let a leading "-" through: a flag that skips the check,
// another parameter's check, a check of "--" only, a block list of a
// substring, a ref changed before its check.

func RefForced(ref string, force bool) bool {
	if force {
		return true
	}
	return !strings.HasPrefix(ref, "-")
}

func RefOther(ref, dir string) bool { return !strings.HasPrefix(dir, "-") } // want RefOther:`checks\(1:option\)`

func RefDoubleDash(ref string) bool { return !strings.HasPrefix(ref, "--") }

func RefContains(ref string) error {
	if strings.Contains(ref, "--upload-pack") {
		return errors.New("bad ref")
	}
	return nil
}

func RefSigned(ref string) bool {
	ref = ref[1:] // past its sign
	return !strings.HasPrefix(ref, "-")
}
