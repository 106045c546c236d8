package dataflow

import (
	"go/token"
	"go/types"
	"testing"
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
