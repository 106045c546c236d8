package dataflow

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

// TestCallAt checks that a finding reported at a call's parenthesis is
// widened to the call, nested calls and calls of a second file included.
func TestCallAt(t *testing.T) {
	const one = `package p

func f() { run(join("a", g(x)), y) }
`
	const two = `package p

var v = exec.Command("sh", "-c", s)
`
	fset := token.NewFileSet()
	var files []*ast.File
	for i, src := range []string{one, two} {
		f, err := parser.ParseFile(fset, "f"+string(rune('0'+i))+".go", src, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	// at returns the position of sub in file i's source src.
	at := func(i int, src, sub string) token.Pos {
		return files[i].FileStart + token.Pos(strings.Index(src, sub))
	}
	for _, c := range []struct {
		file      int
		src, call string
	}{
		{0, one, `run(join("a", g(x)), y)`},
		{0, one, `join("a", g(x))`},
		{0, one, `g(x)`},
		{1, two, `exec.Command("sh", "-c", s)`},
	} {
		lparen := at(c.file, c.src, c.call) + token.Pos(strings.Index(c.call, "("))
		got := callAt(files, lparen)
		if got == nil {
			t.Errorf("callAt(%s) = nil", c.call)
			continue
		}
		if got.Pos() != at(c.file, c.src, c.call) || got.End() != at(c.file, c.src, c.call)+token.Pos(len(c.call)) {
			t.Errorf("callAt(%s) = the call at %v", c.call, fset.Position(got.Pos()))
		}
	}
	for _, pos := range []token.Pos{at(0, one, `"a"`), at(1, two, "var"), token.NoPos} {
		if got := callAt(files, pos); got != nil {
			t.Errorf("callAt(%v) = a call, want nil: no parenthesis there", fset.Position(pos))
		}
	}
}
