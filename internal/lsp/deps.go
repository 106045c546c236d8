package lsp

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/mod/modfile"
)

// modulePath returns the module path that the go.mod in root declares, or
// "" when there is none.
func modulePath(root string) string {
	data, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return ""
	}
	return modfile.ModulePath(data)
}

// importPath is the import path of the package in dir, in the module
// at root whose path is modPath.
func importPath(modPath, root, dir string) string {
	if rel := pattern(root, dir); rel != "." {
		return modPath + strings.TrimPrefix(rel, ".")
	}
	return modPath
}

// dependents returns the directories with open files, in the module of
// dir, whose packages import the package in dir, directly or through other
// packages of the module: a save of dir changes what their analysis sees.
// Imports are read from the files' import clauses, tests and all build
// tags included, so a dependent may be analysed when it need not be, but
// none is missed.
func (s *server) dependents(dir string) []string {
	root := moduleRoot(dir)
	modPath := modulePath(root)
	if modPath == "" {
		return nil
	}
	s.mu.Lock()
	open := make(map[string]bool)
	for path := range s.docs {
		if d := filepath.Dir(path); d != dir && moduleRoot(d) == root {
			open[d] = true
		}
	}
	s.mu.Unlock()
	if len(open) == 0 {
		return nil
	}

	target := importPath(modPath, root, dir)
	reaches := make(map[string]bool) // package dir → imports target; false while being visited
	var visit func(d string) bool
	visit = func(d string) bool {
		if r, ok := reaches[d]; ok {
			return r
		}
		reaches[d] = false
		for _, p := range dirImports(d) {
			if p == target {
				reaches[d] = true
				return true
			}
			if rel, ok := strings.CutPrefix(p, modPath+"/"); ok && visit(filepath.Join(root, filepath.FromSlash(rel))) {
				reaches[d] = true
				return true
			}
		}
		return false
	}
	var out []string
	for d := range open {
		if visit(d) {
			out = append(out, d)
		}
	}
	return out
}

// dirImports returns the import paths of the Go files in dir.
func dirImports(dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	fset := token.NewFileSet()
	var out []string
	for _, e := range entries {
		if e.IsDir() || filepath.Ext(e.Name()) != ".go" {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, e.Name()), nil, parser.ImportsOnly)
		if err != nil && f == nil {
			continue
		}
		for _, imp := range f.Imports {
			if p, err := strconv.Unquote(imp.Path.Value); err == nil {
				out = append(out, p)
			}
		}
	}
	return out
}
