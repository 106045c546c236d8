package gomicro

import (
	"go/types"
	"strings"
)

// FuncName returns obj's name within its package: "Parse" for a function,
// "Parser.Parse" for a method (receiver pointer removed).
func FuncName(obj types.Object) string {
	name := obj.Name()
	if fn, ok := obj.(*types.Func); ok {
		if recv := fn.Signature().Recv(); recv != nil {
			if n := namedOf(recv.Type()); n != nil {
				name = n.Obj().Name() + "." + name
			}
		}
	}
	return name
}

// VersionlessPath removes major-version elements ("v2", "v5") from an
// import path, so that "github.com/lestrrat-go/jwx/v2/jwt" and
// "github.com/lestrrat-go/jwx/jwt" name the same library.
func VersionlessPath(path string) string {
	parts := strings.Split(path, "/")
	out := parts[:0]
	for i, p := range parts {
		if i > 0 && len(p) >= 2 && p[0] == 'v' && strings.Trim(p[1:], "0123456789") == "" {
			continue
		}
		out = append(out, p)
	}
	return strings.Join(out, "/")
}

// FuncTable is a set of functions and methods of libraries, keyed by
// versionless import path and FuncName.
type FuncTable map[string]map[string]bool

// Has reports whether obj is in the table.
func (t FuncTable) Has(obj types.Object) bool {
	if obj == nil || obj.Pkg() == nil {
		return false
	}
	return t[VersionlessPath(obj.Pkg().Path())][FuncName(obj)]
}
