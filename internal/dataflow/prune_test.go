package dataflow

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"testing"
)

// TestPrune checks what an idle Analyze builds of testdata package e: what
// its exported text functions and variables call, the variables they read
// with every function that writes them, and whatever uses a kept function
// as a value; not Count (no text result) nor unused (called by no one).
func TestPrune(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filepath.Join("testdata", "src", "e", "e.go"), nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Types:        make(map[ast.Expr]types.TypeAndValue),
		FileVersions: make(map[*ast.File]string),
	}
	conf := types.Config{Importer: importer.Default()}
	pkg, err := conf.Check("e", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	p := prune(pkg, []*ast.File{f}, info)
	if p == nil {
		t.Fatal("prune kept every function")
	}
	var stubbed, vars []string
	for fn := range p.stubbed {
		stubbed = append(stubbed, fn.Name())
	}
	for v := range p.vars {
		vars = append(vars, v.Name())
	}
	slices.Sort(stubbed)
	slices.Sort(vars)
	if want := []string{"Count", "unused"}; !slices.Equal(stubbed, want) {
		t.Errorf("stubbed %v, want %v", stubbed, want)
	}
	if want := []string{"Default", "prefix", "suffix"}; !slices.Equal(vars, want) {
		t.Errorf("kept variables %v, want %v", vars, want)
	}
	// The copies of the files stub those functions and keep their Go
	// version; the original syntax is not changed.
	g := p.files[0]
	if v, ok := p.info.FileVersions[g]; !ok || v != info.FileVersions[f] {
		t.Errorf("pruned file version %q, %v; want %q", v, ok, info.FileVersions[f])
	}
	bodies := make(map[string]bool)
	for i, d := range g.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok {
			bodies[fd.Name.Name] = fd.Body != nil
			if orig := f.Decls[i].(*ast.FuncDecl); orig.Body == nil {
				t.Errorf("prune removed the body of %s from the original file", orig.Name.Name)
			}
		}
	}
	if bodies["Count"] || bodies["unused"] || !bodies["name"] || !bodies["callbacks"] || !bodies["SetSuffix"] {
		t.Errorf("bodies in the pruned file: %v", bodies)
	}
	if got := len(p.info.InitOrder); got != 3 {
		t.Errorf("%d initializers kept, want 3 (prefix, suffix, Default)", got)
	}
}

// MissForTest makes prune leave out the named functions and variables, as
// a pruning with a gap would, until the returned function is called.
func MissForTest(names ...string) (restore func()) {
	old := missed
	missed = make(map[string]bool)
	for _, n := range names {
		missed[n] = true
	}
	return func() { missed = old }
}
