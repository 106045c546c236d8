package analysisutil

import (
	"go/ast"
	"strconv"
	"strings"
)

// Dep is a dependency package as a driver sees it before type checking:
// what a rule with facts needs to know to say whether it learns anything
// from the package's function bodies.
type Dep struct {
	Path    string   // import path
	Std     bool     // in the standard library
	Imports []string // import paths of its direct imports
}

// DepBodies reports whether an analyzer learns facts from the function
// bodies of dependency d. needed gives the answer already reached for each
// of d's imports, so that a rule may ask for every package that imports a
// needed one, directly or not. A driver type-checks the dependencies no
// rule needs without their function bodies, which is most of the cost of
// loading them.
type DepBodies func(d Dep, needed func(path string) bool) bool

// strippedMark is the only comment of a file whose bodies StripBodies took
// out.
const strippedMark = "//microsec-lint:bodies-stripped"

// StripBodies removes from f what type checking a dependency's API does
// not need: the bodies of its functions and methods, except generic ones,
// whose body the type checker requires, and init, whose body becomes
// empty. Imports that only the bodies used are renamed to the blank
// identifier, or the type checker would call them unused; name gives the
// package name of an import path. The file is marked so that
// BodiesStripped recognises it; its comments are dropped.
//
// StripBodies leaves f as it is and returns false when it cannot tell
// which imports stay used: a dot import, or an import name does not know.
func StripBodies(f *ast.File, name func(path string) (string, bool)) bool {
	names := make([]string, len(f.Imports))
	for i, imp := range f.Imports {
		path, err := strconv.Unquote(imp.Path.Value)
		switch {
		case err != nil:
			return false
		case imp.Name != nil && imp.Name.Name == ".":
			return false
		case imp.Name != nil:
			names[i] = imp.Name.Name
		case path == "C":
			names[i] = "_" // cgo's pseudo-package is never renamed
		case path == "unsafe":
			names[i] = "unsafe"
		default:
			n, ok := name(path)
			if !ok {
				return false
			}
			names[i] = n
		}
	}
	for _, d := range f.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || fn.Body == nil || fn.Type.TypeParams != nil {
			continue
		}
		if fn.Recv == nil && fn.Name.Name == "init" {
			fn.Body = &ast.BlockStmt{Lbrace: fn.Body.Lbrace, Rbrace: fn.Body.Lbrace + 1}
			continue
		}
		fn.Body = nil
	}
	used := make(map[string]bool)
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok {
				used[id.Name] = true
			}
		}
		return true
	})
	for i, imp := range f.Imports {
		if names[i] != "_" && !used[names[i]] {
			imp.Name = &ast.Ident{NamePos: imp.Path.Pos(), Name: "_"}
		}
	}
	f.Comments = []*ast.CommentGroup{{List: []*ast.Comment{{Slash: f.Package, Text: strippedMark}}}}
	f.Doc = nil
	return true
}

// BodiesStripped reports whether StripBodies took the function bodies out
// of files: what is left of such a package describes its API, not its
// behaviour, and analysing it would draw conclusions from missing code.
func BodiesStripped(files []*ast.File) bool {
	for _, f := range files {
		if len(f.Comments) == 1 && len(f.Comments[0].List) == 1 && f.Comments[0].List[0].Text == strippedMark {
			return true
		}
	}
	return false
}

// IsStdPath reports whether an import path names a standard package: its
// first element has no dot.
func IsStdPath(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}
