package dataflow

import (
	gconst "go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// callee returns the object a call is to (a function, a method, an
// interface method, or a package-level variable of function type, as
// typeutil.Callee does for the AST), the receiver operand if any, and the
// other operands. The object is nil for calls of other function values.
func callee(c *ssa.CallCommon) (obj types.Object, recv ssa.Value, args []ssa.Value) {
	if c.IsInvoke() {
		return c.Method, c.Value, c.Args
	}
	fnOf := func(fn *ssa.Function, bindings []ssa.Value) (types.Object, ssa.Value, []ssa.Value) {
		if o := fn.Origin(); o != nil {
			fn = o
		}
		obj := fn.Object()
		if obj == nil {
			return nil, nil, c.Args
		}
		if fn.Signature.Recv() != nil && len(c.Args) > 0 {
			return obj, c.Args[0], c.Args[1:]
		}
		if f, ok := obj.(*types.Func); ok && f.Signature().Recv() != nil {
			switch {
			case len(bindings) == 1:
				return obj, bindings[0], c.Args // a bound method value
			case len(bindings) == 0 && len(c.Args) > 0:
				// A method expression, (*sql.DB).Query: its thunk
				// takes the receiver as its first argument.
				return obj, c.Args[0], c.Args[1:]
			}
		}
		return obj, nil, c.Args
	}
	switch v := c.Value.(type) {
	case *ssa.Function:
		return fnOf(v, nil)
	case *ssa.MakeClosure:
		if fn, ok := v.Fn.(*ssa.Function); ok {
			return fnOf(fn, v.Bindings)
		}
	case *ssa.UnOp:
		if g, ok := v.X.(*ssa.Global); ok && v.Op == token.MUL {
			return g.Object(), nil, c.Args
		}
	}
	return nil, nil, c.Args
}

// Key returns the name flags use for a function or method:
// "import/path.Func" or "(import/path.Type).Method", the receiver's
// pointer left out.
func Key(obj types.Object) string {
	if obj == nil || obj.Pkg() == nil {
		return ""
	}
	if t := receiverTypeName(obj); t != "" {
		return "(" + obj.Pkg().Path() + "." + t + ")." + obj.Name()
	}
	return obj.Pkg().Path() + "." + obj.Name()
}

// receiverTypeName returns the name of the named type a method is declared
// on, or "" for a function.
func receiverTypeName(obj types.Object) string {
	f, ok := obj.(*types.Func)
	if !ok {
		return ""
	}
	recv := f.Signature().Recv()
	if recv == nil {
		return ""
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		return t.Obj().Name()
	}
	return ""
}

// Name names a function, method or variable as messages do: "sql.Open",
// "(*sql.DB).Query".
func Name(obj types.Object) string {
	if obj == nil {
		return "a function"
	}
	qual := func(p *types.Package) string { return p.Name() }
	if f, ok := obj.(*types.Func); ok {
		if recv := f.Signature().Recv(); recv != nil {
			return "(" + types.TypeString(recv.Type(), qual) + ")." + f.Name()
		}
	}
	if obj.Pkg() == nil {
		return obj.Name()
	}
	if c, ok := cgoName(obj.Name()); ok {
		return c
	}
	return obj.Pkg().Name() + "." + obj.Name()
}

// cgoRuntime maps the functions cmd/cgo declares to reach the runtime to
// the C pseudo-package function whose body calls them: the engine follows
// C.GoString(p) into its generated body and finds _cgo_runtime_gostring.
var cgoRuntime = map[string]string{
	"_cgo_runtime_gostring":  "C.GoString",
	"_cgo_runtime_gostringn": "C.GoStringN",
	"_cgo_runtime_gobytes":   "C.GoBytes",
	"_cgo_cmalloc":           "C.malloc",
	"_Cfunc__CMalloc":        "C.malloc", // cmd/cgo's name for C.malloc
}

// cgoKinds are the kinds of C name that cmd/cgo mangles as "_C" + kind +
// "_" + name, and whose mangled names a message can meet: a function, the
// two-result form of a call (n, err := C.f()), a variable, a macro, a
// string constant, and a function named as a value (its Go name is
// "fp_" + name).
var cgoKinds = []string{"func_", "2func_", "var_", "macro_", "sconst_", "fpvar_fp_"}

// cgoName returns what the user wrote for a name cmd/cgo generated in
// place of it, "C.GoString" for _Cfunc_GoString or
// _cgo_runtime_gostring, and false for any other name.
func cgoName(name string) (string, bool) {
	if c, ok := cgoRuntime[name]; ok {
		return c, true
	}
	rest, ok := strings.CutPrefix(name, "_C")
	if !ok {
		return "", false
	}
	for _, kind := range cgoKinds {
		if c, ok := strings.CutPrefix(rest, kind); ok && c != "" {
			return "C." + c, true
		}
	}
	return "", false
}

// funcName names an SSA function as messages do: as Name does its object,
// and a function literal, which has none, by the function it is written
// in ("a function literal in main.main"), not by SSA's "main$1".
func funcName(fn *ssa.Function) string {
	if o := fn.Origin(); o != nil {
		fn = o
	}
	if obj, ok := fn.Object().(*types.Func); ok {
		return Name(obj)
	}
	if fn.Parent() != nil {
		top := fn.Parent()
		for top.Parent() != nil {
			top = top.Parent()
		}
		if fn.Synthetic == rangeFuncBody {
			return "a range-over-func loop in " + funcName(top)
		}
		return "a function literal in " + funcName(top)
	}
	return fn.Name()
}

// rangeFuncBody is ssa.Function.Synthetic of the body of a range over a
// function, which SSA builds as a yield function.
const rangeFuncBody = "range-over-func yield"

func calleeName(obj types.Object, c *ssa.CallCommon) string {
	if obj != nil {
		return Name(obj)
	}
	return describe(c.Value)
}

// describe names a value in source terms, for messages: "req.Name",
// "os.Args[...]", "os.Getenv(...)".
func describe(v ssa.Value) string {
	return describeDepth(v, 0)
}

func describeDepth(v ssa.Value, depth int) string {
	if depth > 8 {
		return "a value"
	}
	d := func(x ssa.Value) string { return describeDepth(x, depth+1) }
	switch v := v.(type) {
	case *ssa.Parameter:
		return v.Name()
	case *ssa.FreeVar:
		return v.Name()
	case *ssa.Global:
		if c, ok := cgoName(v.Name()); ok {
			return c
		}
		if v.Pkg != nil {
			return v.Pkg.Pkg.Name() + "." + v.Name()
		}
		return v.Name()
	case *ssa.FieldAddr:
		return selectField(d(v.X), fieldName(v.X.Type(), v.Field))
	case *ssa.Field:
		return selectField(d(v.X), fieldName(v.X.Type(), v.Field))
	case *ssa.UnOp:
		switch v.Op {
		case token.MUL:
			return d(v.X)
		case token.ARROW:
			return "(<-" + d(v.X) + ")"
		}
	case *ssa.IndexAddr:
		return d(v.X) + "[...]"
	case *ssa.Index:
		return d(v.X) + "[...]"
	case *ssa.Lookup:
		return d(v.X) + "[...]"
	case *ssa.Call:
		obj, recv, _ := callee(v.Common())
		if obj != nil && recv != nil {
			return d(recv) + "." + obj.Name() + "(...)"
		}
		return calleeName(obj, v.Common()) + "(...)"
	case *ssa.Alloc:
		if v.Comment != "" {
			return v.Comment
		}
	case *ssa.Phi:
		if v.Comment != "" {
			return v.Comment
		}
	case *ssa.Extract:
		return d(v.Tuple)
	case *ssa.MakeInterface:
		return d(v.X)
	case *ssa.ChangeType:
		return d(v.X)
	case *ssa.Convert:
		return d(v.X)
	case *ssa.Slice:
		return d(v.X)
	case *ssa.TypeAssert:
		return d(v.X)
	}
	return "a value"
}

// selectField names field of the value base names, "req.Name", or "the
// Name field of a value" when base has no name to read.
func selectField(base, field string) string {
	if base == "a value" {
		return "the " + field + " field of a value"
	}
	return base + "." + field
}

func fieldName(t types.Type, i int) string {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if s, ok := t.Underlying().(*types.Struct); ok && i < s.NumFields() {
		return s.Field(i).Name()
	}
	return "field"
}

func isNumeric(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&(types.IsNumeric|types.IsBoolean) != 0
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

func isSlice(t types.Type) bool {
	_, ok := t.Underlying().(*types.Slice)
	return ok
}

func constStringValue(c *ssa.Const) string {
	if c.Value.Kind() == gconst.String {
		return gconst.StringVal(c.Value)
	}
	return c.Value.ExactString()
}

// namedOf returns the package path and name of t's named type, pointers
// removed.
func namedOf(t types.Type) (path, name string) {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return "", ""
	}
	return n.Obj().Pkg().Path(), n.Obj().Name()
}

func isContext(t types.Type) bool {
	path, name := namedOf(t)
	return path == "context" && name == "Context"
}

// pathIs reports whether an import path is p or a vendored copy of it.
func pathIs(path, p string) bool {
	return path == p || strings.HasSuffix(path, "/vendor/"+p)
}

// A KeySet is a set of function keys (see Key) that answers for an object
// without building the object's key when no key in the set names the
// object's package: rules ask about every call, and few calls are to the
// packages their sinks and sanitisers are in.
type KeySet struct {
	keys  map[string]bool
	paths map[string]bool // the import paths the keys name
}

// NewKeySet returns the set of the keys in the lists.
func NewKeySet(lists ...[]string) KeySet {
	s := KeySet{keys: make(map[string]bool), paths: make(map[string]bool)}
	for _, l := range lists {
		for _, k := range l {
			s.keys[k] = true
			s.paths[keyPath(k)] = true
		}
	}
	return s
}

// Len returns the number of keys in the set.
func (s KeySet) Len() int { return len(s.keys) }

// Has reports whether obj's key is in the set.
func (s KeySet) Has(obj types.Object) bool {
	if obj == nil || obj.Pkg() == nil || !s.paths[obj.Pkg().Path()] {
		return false
	}
	return s.keys[Key(obj)]
}

// keyPath returns the import path a key names: "p" for "p.F" and for
// "(p.T).M".
func keyPath(key string) string {
	if strings.HasPrefix(key, "(") {
		if end := strings.LastIndex(key, ")."); end > 0 {
			key = key[1:end]
		}
	}
	if dot := strings.LastIndex(key, "."); dot > 0 {
		return key[:dot]
	}
	return key
}
