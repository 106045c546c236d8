package gomicro

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// Ref names a go-micro object the way this package reasons about it: the
// module it comes from, its role path inside the module ("transport",
// "registry/etcd", "" for the root package) and its name. A method is named
// "Type.Method" after its receiver's named type, pointer removed, so that
// the abstract Init of the transport.Transport interface is
// "Transport.Init" and the concrete one of v4's transport is
// "httpTransport.Init".
type Ref struct {
	Module Module
	Path   string
	Name   string
}

// String returns the ref as "path.Name", with "micro" for the root package,
// which is how users spell it in code.
func (r Ref) String() string {
	if r.Path == "" {
		return "micro." + r.Name
	}
	return r.Path + "." + r.Name
}

// Pkg returns the last element of the role path ("etcd" for
// "registry/etcd"), or "micro" for the root package: the name a user most
// likely imports the package under.
func (r Ref) Pkg() string {
	if r.Path == "" {
		return "micro"
	}
	for i := len(r.Path) - 1; i >= 0; i-- {
		if r.Path[i] == '/' {
			return r.Path[i+1:]
		}
	}
	return r.Path
}

// RefOf returns the Ref of obj when obj is declared in a go-micro package
// (any version, in-tree or plugin tree). It accepts functions, methods,
// package-level variables (v5's micro.Transport, v2's server.NewServer)
// and any other object; only the declaring package and name matter.
func RefOf(obj types.Object) (Ref, bool) {
	if obj == nil || obj.Pkg() == nil {
		return Ref{}, false
	}
	m, rel, ok := Split(obj.Pkg().Path())
	if !ok {
		return Ref{}, false
	}
	name := obj.Name()
	if fn, isFunc := obj.(*types.Func); isFunc {
		if recv := fn.Signature().Recv(); recv != nil {
			if named := namedOf(recv.Type()); named != nil {
				name = named.Obj().Name() + "." + name
			}
		}
	}
	return Ref{Module: m, Path: rel, Name: name}, true
}

// Callee returns the object a call targets: a function, a method (the
// abstract method for calls through an interface) or a variable of function
// type, as typeutil.Callee does. Conversions and calls of function values
// that are not variables give nil.
func Callee(info *types.Info, call *ast.CallExpr) types.Object {
	return typeutil.Callee(info, call)
}

// CalleeRef is RefOf(Callee(info, call)).
func CalleeRef(info *types.Info, call *ast.CallExpr) (Ref, bool) {
	return RefOf(Callee(info, call))
}

// signatureOf returns the signature of the callee of call, whatever its
// kind (function, method, function-typed variable).
func signatureOf(info *types.Info, call *ast.CallExpr) *types.Signature {
	tv, ok := info.Types[call.Fun]
	if !ok || tv.Type == nil {
		return nil
	}
	sig, _ := tv.Type.Underlying().(*types.Signature)
	return sig
}

// OptionArgs returns the arguments of call that are options: those bound to
// the variadic parameter of the callee, so that v6's
// micro.NewService(name, opts...) and the API gateway's
// http.NewServer(address, opts...) start after their leading parameters.
// A callee that is not variadic has no option arguments.
func OptionArgs(info *types.Info, call *ast.CallExpr) []ast.Expr {
	sig := signatureOf(info, call)
	if sig == nil || !sig.Variadic() {
		return nil
	}
	start := sig.Params().Len() - 1
	if start > len(call.Args) {
		return nil
	}
	return call.Args[start:]
}

func namedOf(t types.Type) *types.Named {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if a, ok := t.(*types.Alias); ok {
		t = types.Unalias(a)
	}
	n, _ := t.(*types.Named)
	return n
}
