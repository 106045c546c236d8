// Package analysisutil holds small questions about an analysis pass that
// several rules ask.
package analysisutil

import (
	"go/build"
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
