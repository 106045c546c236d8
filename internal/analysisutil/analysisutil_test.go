package analysisutil

import (
	"go/ast"
	"go/build"
	"go/token"
	"go/types"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func pass(path, file string) *analysis.Pass {
	fset := token.NewFileSet()
	f := fset.AddFile(file, -1, 10)
	return &analysis.Pass{
		Fset:  fset,
		Pkg:   types.NewPackage(path, filepath.Base(path)),
		Files: []*ast.File{{Package: token.Pos(f.Base())}},
	}
}

func TestInGOROOT(t *testing.T) {
	goroot := build.Default.GOROOT
	for _, c := range []struct {
		path, file string
		want       bool
	}{
		{"net/http", filepath.Join(goroot, "src", "net", "http", "server.go"), true},
		{"vendor/golang.org/x/net/http2/hpack", filepath.Join(goroot, "src", "vendor", "golang.org", "x", "net", "http2", "hpack", "h.go"), true},
		{"example.com/app", "/src/app/main.go", false},
		{"app", "/home/dev/go/src/app/main.go", false}, // GOPATH-style path outside GOROOT
	} {
		if got := InGOROOT(pass(c.path, c.file)); got != c.want {
			t.Errorf("InGOROOT(%s at %s) = %v, want %v", c.path, c.file, got, c.want)
		}
	}
}
