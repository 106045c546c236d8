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

// IsStdPath reports whether an import path may name a standard package:
// its first element has no dot. A module path need not have one (module
// lib, replaced by a folder), so this is a test only for a package that
// the go command lists in no module.
func IsStdPath(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// Listed is implemented by a fact that a rule may find by listing the
// facts of every dependency (pass.AllObjectFacts), when Listed returns
// true, rather than only by asking about an object it reached through the
// types it sees. A driver that reads a dependency from export data makes
// only the objects its importers' export data names; it must read the
// whole package that a listed fact is about, or the rule would miss the
// fact of a method it can reach only through an interface. Facts that do
// not implement Listed are found only through their objects, and a driver
// may leave out those about objects no importer can name.
type Listed interface {
	Listed() bool
}
