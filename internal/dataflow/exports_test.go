package dataflow

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

// TestExportsText checks what lets a package that reaches no sink skip
// SSA: it must declare nothing exportFacts could export a fact about.
func TestExportsText(t *testing.T) {
	for src, want := range map[string]bool{
		"func Name() string { return \"\" }":                               true,
		"func Names() ([]string, error) { return nil, nil }":               true,
		"var Default = \"x\"":                                              true,
		"type t struct{}; func (t) Label() string { return \"\" }":         true,
		"type T struct{}; func (T) Count() int { return 0 }":               false,
		"func name() string { return \"\" }":                               false,
		"var defaultName = \"x\"":                                          false,
		"func Valid(col string) error { return nil }":                      true,
		"type C struct{}; func (C) Valid(col string) bool { return true }": true,
		"type Col string; func (c Col) Valid() bool { return true }":       true,
		"func Run(n int) error { return nil }":                             false,
		"func Check(col string) (bool, error) { return true, nil }":        false,
		"type Alias = struct{}; const Version = \"1\"":                     false,
	} {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "p.go", "package p\n"+src, 0)
		if err != nil {
			t.Fatal(err)
		}
		conf := types.Config{Importer: importer.Default()}
		pkg, err := conf.Check("p", fset, []*ast.File{f}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := exportsText(pkg); got != want {
			t.Errorf("exportsText(%q) = %v, want %v", src, got, want)
		}
	}
}
