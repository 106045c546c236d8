package analysisutil

import "strings"

// Dep is a dependency package as a driver sees it before type checking:
// what a rule with facts needs to know to say whether it learns anything
// from the package.
type Dep struct {
	Path    string   // import path
	Std     bool     // in the standard library
	Imports []string // import paths of its direct imports
}

// DepBodies reports whether an analyzer learns facts from the function
// bodies of dependency d. needed gives the answer already reached for each
// of d's imports, so that a rule may ask for every package that imports a
// needed one, directly or not. A driver analyses only the dependencies
// some rule needs and reads the others from export data, which spares it
// parsing and type-checking most of them.
type DepBodies func(d Dep, needed func(path string) bool) bool

// IsStdPath reports whether an import path names a standard package: its
// first element has no dot.
func IsStdPath(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}
