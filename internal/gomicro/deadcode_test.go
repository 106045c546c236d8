package gomicro

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

// TestDeadBranchesCgo: a file that imports "C" is built only with cgo on,
// so a constant it declares is not settled when a file built without cgo
// declares it otherwise.
func TestDeadBranchesCgo(t *testing.T) {
	srcs := map[string]string{
		"cgo.go": `package d
// #include <stdlib.h>
import "C"
const insecureDev = false`,
		"nocgo.go": `//go:build !cgo

package d
const insecureDev = true`,
		"d.go": `package d
const off = false
func f() {
	if insecureDev {
		println("live without cgo")
	}
	if off {
		println("dead")
	}
}`,
	}
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range []string{"d.go", "cgo.go"} { // nocgo.go is not built with cgo on
		f, err := parser.ParseFile(fset, name, srcs[name], parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}}
	conf := types.Config{FakeImportC: true}
	pkg, err := conf.Check("d", fset, files, info)
	if err != nil {
		t.Fatal(err)
	}
	var lines []int
	dead, _ := deadBranches(fset, pkg, info, files)
	for _, n := range dead {
		lines = append(lines, fset.Position(n.Pos()).Line)
	}
	if len(lines) != 1 || lines[0] != 7 {
		t.Errorf("dead branches start on lines %v, want [7] (if off)", lines)
	}
}
