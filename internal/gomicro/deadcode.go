package gomicro

import (
	"go/ast"
	"go/build/constraint"
	"go/constant"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"
)

// deadCode finds the branches of if statements that never run in any
// build of the package: the body of an if whose condition is a settled
// false, or the else branch of one whose condition is a settled true.
type deadCode struct {
	fset   *token.FileSet
	pkg    *types.Package
	info   *types.Info
	files  []*ast.File
	consts map[*types.Const]ast.Expr // the value each constant of the package is declared with
}

// deadBranches returns the branches of files that never run (see
// deadCode), and the bodies of if statements whose condition is a settled
// true, which run whenever their if statement does. fset may be nil: then
// only conditions made of the literals true and false count.
func deadBranches(fset *token.FileSet, pkg *types.Package, info *types.Info, files []*ast.File) (dead, always []ast.Node) {
	d := &deadCode{fset: fset, pkg: pkg, info: info, files: files, consts: map[*types.Const]ast.Expr{}}
	var ifs []*ast.IfStmt
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.IfStmt:
				ifs = append(ifs, n)
			case *ast.GenDecl:
				if n.Tok == token.CONST {
					d.recordConsts(n)
				}
			}
			return true
		})
	}
	for _, s := range ifs {
		tv := info.Types[s.Cond]
		if tv.Value == nil || tv.Value.Kind() != constant.Bool || !d.settled(s.Cond, 0) {
			continue
		}
		switch {
		case !constant.BoolVal(tv.Value):
			dead = append(dead, s.Body)
		case s.Else != nil:
			dead = append(dead, s.Else)
			fallthrough
		default:
			always = append(always, s.Body)
		}
	}
	return dead, always
}

// recordConsts notes the expression each constant of decl is declared
// with. A spec without values repeats the expressions of the last spec
// before it that has some (const ( A Mode = iota; B; C )), with iota
// standing for the spec's index, which is settled.
func (d *deadCode) recordConsts(decl *ast.GenDecl) {
	var values []ast.Expr
	for _, spec := range decl.Specs {
		vs, ok := spec.(*ast.ValueSpec)
		if !ok {
			continue
		}
		if len(vs.Values) > 0 {
			values = vs.Values
		}
		for i, name := range vs.Names {
			if c, ok := d.info.Defs[name].(*types.Const); ok && i < len(values) {
				d.consts[c] = values[i]
			}
		}
	}
}

// settled reports whether the constant expression e has the same value in
// every build of the package: it is made of literals and of constants
// declared, with such values, in files of the package that no build
// constraint selects (no //go:build line, no _GOOS or _GOARCH suffix) and
// that are not test files. A constant defined one way under a build tag
// and another way under its negation is not settled, nor is one whose
// value depends on the size of a word (see wordSized).
func (d *deadCode) settled(e ast.Expr, depth int) bool {
	if depth > maxDepth {
		return false
	}
	ok := true
	ast.Inspect(e, func(n ast.Node) bool {
		if !ok {
			return false
		}
		if d.wordSized(n) {
			ok = false
			return false
		}
		id, isIdent := n.(*ast.Ident)
		if !isIdent {
			return true
		}
		switch obj := d.info.Uses[id].(type) {
		case *types.Const:
			switch {
			case obj.Parent() == types.Universe: // true, false
			case obj.Pkg() != d.pkg || d.constrained(obj.Pos()):
				ok = false
			default:
				value, found := d.consts[obj]
				ok = found && d.settled(value, depth+1)
			}
		case *types.TypeName, nil: // a conversion; a selector's field name
		default:
			ok = false
		}
		return ok
	})
	return ok
}

// wordSized reports whether n is a constant expression whose value depends
// on the size of uint and uintptr: the complement of an unsigned value of
// such a type (^uint(0) is 1<<32-1 on 32-bit machines, 1<<64-1 on 64-bit
// ones). The sizes of int and uintptr read through unsafe.Sizeof,
// strconv.IntSize, math.MaxInt or runtime.GOARCH are already unsettled:
// builtins and constants of other packages settle nothing.
func (d *deadCode) wordSized(n ast.Node) bool {
	u, ok := n.(*ast.UnaryExpr)
	if !ok || u.Op != token.XOR {
		return false
	}
	t := d.info.TypeOf(u)
	if t == nil {
		return true
	}
	b, ok := t.Underlying().(*types.Basic)
	if !ok {
		return true // an untyped or unknown operand: do not guess
	}
	switch b.Kind() {
	case types.Uint, types.Uintptr:
		return true
	}
	return false
}

// constrained reports whether the file declaring pos is built only under
// some build constraint, or is a test file, or uses cgo (import "C": it
// is left out when cgo is off), or cannot be told.
func (d *deadCode) constrained(pos token.Pos) bool {
	if d.fset == nil {
		return true
	}
	var file *ast.File
	for _, f := range d.files {
		if f.FileStart <= pos && pos < f.FileEnd {
			file = f
		}
	}
	if file == nil {
		return true
	}
	name := strings.TrimSuffix(filepath.Base(d.fset.File(pos).Name()), ".go")
	if strings.HasSuffix(name, "_test") || hasBuildSuffix(name) {
		return true
	}
	for _, imp := range file.Imports {
		if imp.Path.Value == `"C"` {
			return true
		}
	}
	for _, g := range file.Comments {
		if g.Pos() >= file.Package {
			break
		}
		for _, c := range g.List {
			if constraint.IsGoBuild(c.Text) || constraint.IsPlusBuild(c.Text) {
				return true
			}
		}
	}
	return false
}

// buildSuffixes are the GOOS and GOARCH values a file name may end in to
// be built only for them (name_linux.go, name_arm64.go).
var buildSuffixes = strings.Fields(`aix android darwin dragonfly freebsd hurd illumos ios js linux nacl
	netbsd openbsd plan9 solaris wasip1 windows zos 386 amd64 amd64p32 arm armbe arm64 arm64be
	loong64 mips mipsle mips64 mips64le mips64p32 mips64p32le ppc ppc64 ppc64le riscv riscv64
	s390 s390x sparc sparc64 wasm`)

// hasBuildSuffix reports whether a file name (without .go) ends in _GOOS,
// _GOARCH or _GOOS_GOARCH.
func hasBuildSuffix(name string) bool {
	parts := strings.Split(name, "_")
	if len(parts) < 2 {
		return false
	}
	for _, s := range buildSuffixes {
		if parts[len(parts)-1] == s {
			return true
		}
	}
	return false
}
