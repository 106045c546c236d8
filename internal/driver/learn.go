package driver

import (
	"go/ast"
	"go/parser"
	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/microsec-lint/microsec-lint/analyzers"
	"github.com/microsec-lint/microsec-lint/internal/analysisutil"
)

// learnedFrom returns the dependencies some rule with facts learns them
// from, which the driver therefore analyses from source; every other
// dependency is known to the units above it only through its export data.
// Each rule says which dependencies it needs (Rule.DepBodies): the packages
// that use go-micro, a SQL package or os/exec, and few more. A rule with
// facts that does not say needs them all; without rules with facts, none
// is needed.
func learnedFrom(roots []*packages.Package, rules []analyzers.Rule) func(*packages.Package) bool {
	var needs []analysisutil.DepBodies
	for _, r := range rules {
		if !needsFacts([]*analysis.Analyzer{r.Analyzer}) {
			continue
		}
		if r.DepBodies == nil {
			return func(*packages.Package) bool { return true }
		}
		needs = append(needs, r.DepBodies)
	}
	needed := decide(roots, needs)
	return func(p *packages.Package) bool { return needed[p] }
}

// decide returns the packages among roots and their dependencies that some
// rule needs.
func decide(roots []*packages.Package, needs []analysisutil.DepBodies) map[*packages.Package]bool {
	byRule := make([]map[string]bool, len(needs))
	for i := range byRule {
		byRule[i] = make(map[string]bool)
	}
	out := make(map[*packages.Package]bool)
	// Visit calls post after a package's imports: each rule's answers
	// for the imports are known when the package is judged.
	packages.Visit(roots, nil, func(p *packages.Package) {
		dep := analysisutil.Dep{Path: p.PkgPath, Std: p.Module == nil && analysisutil.IsStdPath(p.PkgPath)}
		for _, imp := range p.Imports {
			dep.Imports = append(dep.Imports, imp.PkgPath)
		}
		for i, need := range needs {
			m := byRule[i]
			if need(dep, func(path string) bool { return m[path] }) {
				m[p.PkgPath] = true
				out[p] = true
			}
		}
	})
	return out
}

// parseFile parses a file as go/packages does, less the resolution of
// identifiers to ast.Objects, which nothing in the suite reads (rules use
// go/types) and which costs a tenth of the parse.
func parseFile(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
	return parser.ParseFile(fset, filename, src, parser.AllErrors|parser.ParseComments|parser.SkipObjectResolution)
}

// idleRule is a rule the driver may skip on some root units.
type idleRule struct {
	idle  func(*analysis.Pass) bool // analyzers.Rule.Idle
	units map[*unit]bool            // the units on which to ask it
}

// idleRules returns, for each rule with an Idle test, the root units on
// which the driver asks it: those that no unit the rule's DepBodies
// selects imports, directly or not. A unit's facts matter only to the
// units above it, and only to those that can find something, which
// DepBodies over-approximates; whether the unit itself can, Idle tells.
func idleRules(roots []*packages.Package, units []*unit, rules []analyzers.Rule) map[*analysis.Analyzer]idleRule {
	out := make(map[*analysis.Analyzer]idleRule)
	for _, r := range rules {
		if r.Idle == nil || r.DepBodies == nil {
			continue
		}
		selected := decide(roots, []analysisutil.DepBodies{r.DepBodies})
		used := make(map[*unit]bool) // below a selected unit
		for _, u := range units {
			if selected[u.pkg] {
				for _, d := range u.deps {
					used[d] = true
				}
			}
		}
		ask := make(map[*unit]bool)
		for _, u := range units {
			if u.root && !used[u] {
				ask[u] = true
			}
		}
		out[r.Analyzer] = idleRule{r.Idle, ask}
	}
	return out
}
