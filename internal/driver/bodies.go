package driver

import (
	"context"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/microsec-lint/microsec-lint/analyzers"
	"github.com/microsec-lint/microsec-lint/internal/analysisutil"
)

// A bodyPlan says which dependencies are type-checked without their
// function bodies. Rules with facts run on every dependency, so every
// dependency is loaded from source; but each rule learns facts from few of
// them (the packages that use go-micro, a SQL package or os/exec), and for
// the rest the declarations are enough. Dropping their bodies removes most
// of the type checker's work and memory, and leaves no function for the
// rules to misjudge: analysisutil.BodiesStripped tells them.
//
// The plan comes from a go list of its own, run beside the loader's, and
// the loader's ParseFile waits for it. If that go list fails, nothing is
// stripped.
type bodyPlan struct {
	ready chan struct{}
	strip map[string]bool   // directory of a package that needs no bodies
	names map[string]string // import path → package name, for StripBodies
}

// planBodies starts planning for a load with pcfg. It returns nil when no
// rule has facts, since dependencies are then read from export data.
func planBodies(ctx context.Context, pcfg packages.Config, patterns []string, rules []analyzers.Rule) *bodyPlan {
	var needs []analysisutil.DepBodies
	for _, r := range rules {
		if !needsFacts([]*analysis.Analyzer{r.Analyzer}) {
			continue
		}
		if r.DepBodies == nil {
			return nil // the rule needs every body: nothing to plan
		}
		needs = append(needs, r.DepBodies)
	}
	if len(needs) == 0 {
		return nil
	}
	plan := &bodyPlan{ready: make(chan struct{})}
	pcfg.Mode = packages.NeedName | packages.NeedFiles | packages.NeedImports | packages.NeedDeps | packages.NeedModule
	pcfg.Context = ctx
	go func() {
		defer close(plan.ready)
		roots, err := packages.Load(&pcfg, patterns...)
		if err != nil {
			return
		}
		plan.strip, plan.names = decide(roots, needs)
	}()
	return plan
}

// decide returns the directories of the packages no rule needs the bodies
// of, and the name of every imported package. A package keeps its bodies
// if it is a root, belongs to a main module, or some rule needs them.
func decide(roots []*packages.Package, needs []analysisutil.DepBodies) (strip map[string]bool, names map[string]string) {
	needed := make([]map[string]bool, len(needs))
	for i := range needed {
		needed[i] = make(map[string]bool)
	}
	keep := make(map[string]bool) // directory → some package there keeps its bodies
	strip = make(map[string]bool)
	names = make(map[string]string)
	initial := make(map[*packages.Package]bool, len(roots))
	for _, r := range roots {
		initial[r] = true
	}
	// Visit calls post after a package's imports: each rule's answers
	// for the imports are known when the package is judged.
	packages.Visit(roots, nil, func(p *packages.Package) {
		dep := analysisutil.Dep{Path: p.PkgPath, Std: p.Module == nil && analysisutil.IsStdPath(p.PkgPath)}
		for key, imp := range p.Imports {
			dep.Imports = append(dep.Imports, imp.PkgPath)
			names[key] = imp.Name
		}
		k := initial[p] || (p.Module != nil && p.Module.Main)
		for i, need := range needs {
			m := needed[i]
			if need(dep, func(path string) bool { return m[path] }) {
				m[p.PkgPath] = true
				k = true
			}
		}
		if len(p.GoFiles) == 0 {
			return
		}
		dir := filepath.Dir(p.GoFiles[0])
		if k {
			keep[dir] = true
			delete(strip, dir)
		} else if !keep[dir] {
			strip[dir] = true
		}
	})
	return strip, names
}

// parseFile is the loader's ParseFile: the parse go/packages does, and for
// a file of a package the plan strips, no comments and no bodies.
func (plan *bodyPlan) parseFile(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
	<-plan.ready
	if !plan.strip[filepath.Dir(filename)] {
		return parseFile(fset, filename, src)
	}
	f, err := parser.ParseFile(fset, filename, src, parser.AllErrors|parser.SkipObjectResolution)
	if err != nil || f == nil {
		return f, err
	}
	if !analysisutil.StripBodies(f, plan.name) {
		// The file cannot be stripped safely; parse it again in full so
		// that its comments are there.
		return parseFile(fset, filename, src)
	}
	return f, nil
}

// parseFile parses a file as go/packages does, less the resolution of
// identifiers to ast.Objects, which nothing in the suite reads (rules use
// go/types) and which costs a tenth of the parse.
func parseFile(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
	return parser.ParseFile(fset, filename, src, parser.AllErrors|parser.ParseComments|parser.SkipObjectResolution)
}

func (plan *bodyPlan) name(path string) (string, bool) {
	n, ok := plan.names[path]
	return n, ok && n != ""
}
