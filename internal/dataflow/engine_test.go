package dataflow

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"
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

// TestWriters checks the uses of an address that writes and pathWrites
// read: none for a request whose fields are only read, however often;
// a field stored to, and one whose address is passed to a call, for a
// request written through.
func TestWriters(t *testing.T) {
	const src = `package p

type Req struct{ Name, Tag string }

func read(r *Req) string {
	q := ""
	switch r.Name {
	case "a":
		q = "A" + r.Name
	case "b":
		q = "B" + r.Name
	}
	return q + r.Tag
}

func write(r *Req, s string) string {
	r.Tag = s
	fill(&r.Name)
	return r.Name
}

func fill(p *string) {}
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
	e := &engine{writerIdx: make(map[ssa.Value][]ssa.Instruction)}
	if ws := e.writers(pkg.Func("read").Params[0]); len(ws) != 0 {
		t.Errorf("writers of read's r = %v, want none", ws)
	}
	var got []string
	for _, w := range e.writers(pkg.Func("write").Params[0]) {
		fa, ok := w.(*ssa.FieldAddr)
		if !ok {
			t.Fatalf("writers of write's r hold %v, want only field addresses", w)
		}
		got = append(got, fieldName(fa.X.Type(), fa.Field))
	}
	if strings.Join(got, " ") != "Tag Name" {
		t.Errorf("writers of write's r are fields %v, want [Tag Name]", got)
	}
}

// DepthForTest sets the evaluation stack's cap (maxDepth) to n until
// restore is called, so that a test can reach it with small code.
func DepthForTest(n int) (restore func()) {
	old := maxDepth
	maxDepth = n
	return func() { maxDepth = old }
}
