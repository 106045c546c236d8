package dataflow

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"
)

// TestProgramPool checks the lending rules that make sharing programs
// safe: never two builders at once, never a package twice, a program
// retired once it has built maxLent functions, and none kept across runs.
func TestProgramPool(t *testing.T) {
	var pp programPool
	fset := token.NewFileSet()
	a := types.NewPackage("example.com/a", "a")
	b := types.NewPackage("example.com/b", "b")

	first := pp.get(fset, a)
	second := pp.get(fset, b)
	if first == second || first.prog == second.prog {
		t.Fatal("one program lent to two builders at once")
	}
	pp.put(second, 1)
	first.prog.CreatePackage(a, nil, nil, false)
	pp.put(first, 1)

	if l := pp.get(fset, b); l != first {
		t.Error("get did not lend the program given back last")
	} else {
		pp.put(l, 0)
	}
	if l := pp.get(fset, a); l == first {
		t.Error("a program that holds a was lent to build a again")
	} else if l != second {
		t.Error("get made a program while one that does not hold a was free")
	} else {
		pp.put(l, 0)
	}

	l := pp.get(fset, b)
	pp.put(l, maxLent)
	for range 2 {
		if m := pp.get(fset, b); m == l {
			t.Error("a program that built maxLent functions was lent again")
		}
	}

	pp = programPool{}
	l = pp.get(fset, a)
	pp.put(l, 0)
	if m := pp.get(token.NewFileSet(), a); m == l || m.prog.Fset == fset {
		t.Error("a program of another file set was lent")
	}
}

// TestFromSyntaxCountsInitializer checks that a package made of package-level
// function literals counts against a program's budget: they belong to the
// package initializer, not to any declared function.
func TestFromSyntaxCountsInitializer(t *testing.T) {
	const src = `package p

var F = func(s string) string { return s + "!" }
var G = func() func() int { return func() int { return 1 } }()

func H() {}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, _, err := ssautil.BuildPackage(&types.Config{Importer: importer.Default()}, fset, types.NewPackage("p", "p"), []*ast.File{f}, ssa.BareInits)
	if err != nil {
		t.Fatal(err)
	}
	h := pkg.Func("H")
	// H, and init with F's literal, G's outer literal and the one it returns.
	if got, want := fromSyntax(pkg, []*ssa.Function{h}), 5; got != want {
		t.Errorf("fromSyntax = %d, want %d", got, want)
	}
}
