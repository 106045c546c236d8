// Package analysisutil holds small questions about an analysis pass that
// several rules ask.
package analysisutil

import (
	"go/build"
	"go/types"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// InGOROOT reports whether the pass is over a package of the standard
// library (or the toolchain's vendored copies): one whose path has no
// domain and whose files lie under GOROOT. Rules that only need facts from
// dependencies skip these packages, which are most of any import graph and
// hold nothing a user can fix.
func InGOROOT(pass *analysis.Pass) bool {
	first, _, _ := strings.Cut(pass.Pkg.Path(), "/")
	if strings.Contains(first, ".") || len(pass.Files) == 0 {
		return false
	}
	goroot := filepath.Clean(build.Default.GOROOT)
	name := filepath.Clean(pass.Fset.File(pass.Files[0].Pos()).Name())
	return goroot != "." && strings.HasPrefix(name, goroot+string(filepath.Separator))
}

// NamesObjectWith reports whether the package's code names an object of
// another package that has a fact of fact's type (fact is overwritten): a
// package that calls no such function cannot inherit what the fact says,
// so a rule that learns facts from calls may skip it.
func NamesObjectWith(pass *analysis.Pass, fact analysis.Fact) bool {
	for _, obj := range pass.TypesInfo.Uses {
		if obj.Pkg() == nil || obj.Pkg() == pass.Pkg {
			continue
		}
		switch obj.(type) {
		case *types.Func, *types.Var:
			if pass.ImportObjectFact(obj, fact) {
				return true
			}
		}
	}
	return false
}
