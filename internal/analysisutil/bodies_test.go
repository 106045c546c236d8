package analysisutil

import (
	"go/ast"
	"go/format"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"
)

// stdNames knows the package names of the imports the tests use.
func stdNames(path string) (string, bool) {
	switch path {
	case "fmt", "strings", "os", "io", "sort", "errors":
		return path, true
	case "net/http":
		return "http", true
	case "math/rand":
		return "rand", true
	}
	return "", false
}

const source = `// Package p is a dependency.
package p

import (
	"errors"
	"fmt"
	"io"
	myhttp "net/http"
	"os"
	"sort"
	"strings"
)

// Reader is used in a declaration: io stays.
type Reader struct{ R io.Reader }

var ErrNope = errors.New("nope") // a package-level initializer keeps errors

func init() { fmt.Println("side effect") }

func Upper(s string) string { return strings.ToUpper(s) }

func (r *Reader) Handler() myhttp.Handler { os.Exit(1); return nil }

func Max[T int | float64](a, b T) T {
	sort.Ints(nil)
	if a > b {
		return a
	}
	return b
}
`

func TestStripBodies(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", source, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	if BodiesStripped([]*ast.File{f}) {
		t.Fatal("BodiesStripped is true before stripping")
	}
	if !StripBodies(f, stdNames) {
		t.Fatal("StripBodies refused a file whose imports are all known")
	}
	if !BodiesStripped([]*ast.File{f}) {
		t.Error("BodiesStripped is false after stripping")
	}
	var out strings.Builder
	if err := format.Node(&out, fset, f); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{
		`_ "fmt"`,           // used only in init, whose body is emptied
		`_ "strings"`,       // used only in Upper's body
		`_ "os"`,            // used only in a method's body
		"\t\"io\"",          // used in a type
		"\t\"errors\"",      // used in a package-level initializer
		`myhttp "net/http"`, // used in a result type, under its own name
		"\t\"sort\"",        // used in a generic body, which stays
		"func Upper(s string) string\n",
		"func init() {}",
		"sort.Ints(nil)",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("stripped file lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "ToUpper") || strings.Contains(got, "side effect") {
		t.Errorf("stripped file keeps a non-generic body:\n%s", got)
	}

	// What is left must type-check cleanly: no unused import, no missing
	// body, the API unchanged.
	conf := types.Config{Importer: importer.Default()}
	pkg, err := conf.Check("p", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatalf("stripped file does not type-check: %v", err)
	}
	for _, name := range []string{"Reader", "ErrNope", "Upper", "Max"} {
		if pkg.Scope().Lookup(name) == nil {
			t.Errorf("stripped package lost %s", name)
		}
	}
}

func TestStripBodiesRefuses(t *testing.T) {
	for name, src := range map[string]string{
		"dot import":     "package p\nimport . \"strings\"\nfunc F() string { return ToUpper(\"a\") }\n",
		"unknown import": "package p\nimport \"example.com/lib\"\nfunc F() { lib.Do() }\n",
	} {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "p.go", src, 0)
		if err != nil {
			t.Fatal(err)
		}
		if StripBodies(f, stdNames) {
			t.Errorf("%s: StripBodies stripped a file whose used imports it cannot tell", name)
		}
		if f.Decls[len(f.Decls)-1].(*ast.FuncDecl).Body == nil || BodiesStripped([]*ast.File{f}) {
			t.Errorf("%s: a refused file was changed", name)
		}
	}
}

func TestIsStdPath(t *testing.T) {
	for path, want := range map[string]bool{
		"os": true, "net/http": true, "vendor/golang.org/x/net/idna": true,
		"go-micro.dev/v4": false, "github.com/lib/pq": false, "example.com/app": false,
	} {
		if got := IsStdPath(path); got != want {
			t.Errorf("IsStdPath(%q) = %v, want %v", path, got, want)
		}
	}
}
