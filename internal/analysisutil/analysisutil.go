// Package analysisutil holds small questions about an analysis pass that
// several rules ask.
package analysisutil

import (
	"go/build"
	"go/token"
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

// Position returns where pos is in its file as the file is on disk:
// //line directives are not followed, so that a finding stays where the
// code is (a directive naming a .pb.go file cannot make hand-written code
// generated, nor one naming no file take a finding's place away). The
// exception is the files cmd/cgo writes for a package that imports "C":
// they lie in the build cache, and their directives lead back to the
// package's own .go file, where the user reads the code. Of such a place,
// the Offset is still the one in cgo's file.
func Position(fset *token.FileSet, pos token.Pos) token.Position {
	p := fset.PositionFor(pos, false)
	if FromCgo(p.Filename) {
		if a := fset.PositionFor(pos, true); a.Filename != p.Filename && strings.HasSuffix(a.Filename, ".go") {
			return a
		}
	}
	return p
}

// FromCgo reports whether a file, by its name, is one cmd/cgo wrote: go
// list -compiled names them in the build cache without an extension, and
// go vet passes them as NAME.cgo1.go. A package's own files end in .go.
func FromCgo(name string) bool {
	base := filepath.Base(name)
	return base != "" && (!strings.HasSuffix(base, ".go") || strings.HasSuffix(base, ".cgo1.go"))
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
