// Package validate checks values for callers of other packages: what its
// functions check before they return true, or a nil error, travels in
// their facts.
package validate

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

var sortColumns = map[string]bool{"name": true, "created_at": true}

var directions = []string{"asc", "desc"}

// Sort reports whether c is a column the service sorts by.
func Sort(c string) bool { return sortColumns[c] } // want Sort:`checks\(0:allowed\)`

// SortErr returns nil only for a column the service sorts by.
func SortErr(c string) error { // want SortErr:`checks\(0:allowed\)`
	if !sortColumns[c] {
		return errors.New("bad sort")
	}
	return nil
}

// Direction allows asc and desc.
func Direction(d string) bool { return slices.Contains(directions, d) } // want Direction:`checks\(0:allowed\)`

// Field allows the columns of its switch.
func Field(f string) error { // want Field:`checks\(0:allowed\)`
	switch f {
	case "id", "name", "email":
		return nil
	}
	return fmt.Errorf("bad field %q", f)
}

// OneOf allows the elements of list, an allow list where the caller
// passes constant text.
func OneOf(s string, list []string) bool { // want OneOf:`checks\(0:listed\(1\)\)`
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// Columns checks columns as Sort does, as a method.
type Columns struct{}

func (Columns) Allowed(c string) bool { return sortColumns[c] } // want Allowed:`checks\(1:allowed\)`

// The twins below let other text through: an empty column, another
// parameter's check, a prefix or a substring, a column changed before its
// check, a flag that skips the check.

// SortLoose keeps only a leading "-" off (an empty column has none),
// which no SQL needs.
func SortLoose(c string) bool { // want SortLoose:`checks\(0:option\)`
	if c == "" {
		return true
	}
	return sortColumns[c]
}

func SortOther(c, d string) bool { return sortColumns[d] } // want SortOther:`checks\(1:allowed\)`

// A fixed prefix other than "-" is an option check, which sqlconcat does
// not use: no allow list.
func SortPrefix(c string) bool { return strings.HasPrefix(c, "name") } // want SortPrefix:`checks\(0:option\)`

func SortContains(c string) error {
	if !strings.Contains(c, "name") {
		return errors.New("bad sort")
	}
	return nil
}

func SortLower(c string) bool {
	c = strings.ToLower(c)
	return sortColumns[c]
}

func SortOr(c string, force bool) bool { return force || sortColumns[c] }

// Directions is exported: any package may change it, so a check against
// it is no allow list.
var Directions = []string{"asc", "desc"} // want Directions:`results\(constant\)`

func DirectionExported(d string) bool { return slices.Contains(Directions, d) }

func DirectionRanged(d string) bool {
	for _, v := range Directions {
		if v == d {
			return true
		}
	}
	return false
}
