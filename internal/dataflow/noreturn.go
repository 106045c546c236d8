package dataflow

import (
	"go/ast"
	"go/types"
	"reflect"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/cfg"
	"golang.org/x/tools/go/types/typeutil"
)

// NoReturn is the prerequisite of Analyze's clients: it finds the
// functions of a package whose calls never return (os.Exit, log.Fatal,
// t.FailNow, and the functions that end in them), so that SSA ends a block
// at such a call. It decides as ctrlflow.Analyzer does, from the control
// flow graph of each declared function and the facts of the packages
// below, but builds no graph for function literals, which have no name
// to call them by, and needs no AST inspector: it is all that Analyze used
// ctrlflow for, and the inspector was most of ctrlflow's cost.
var NoReturn = &analysis.Analyzer{
	Name:       "noreturn",
	Doc:        "find the functions whose calls never return",
	Run:        runNoReturn,
	ResultType: reflect.TypeFor[*Exits](),
	FactTypes:  []analysis.Fact{new(noReturnFact)},
}

// noReturnFact marks a function whose calls never return.
type noReturnFact struct{}

func (*noReturnFact) AFact()         {}
func (*noReturnFact) String() string { return "noReturn" }

// Exits is NoReturn's result.
type Exits struct {
	never map[*types.Func]bool
}

// NoReturn reports whether a call of fn never returns. It answers for the
// package's own functions and methods, and for the functions of other
// packages that the package calls as a statement (f(x), not y := f(x)),
// which are the calls after which control can stop; for any other function
// it says false. SSA asks it of the static callee of every call it builds.
func (x *Exits) NoReturn(fn *types.Func) bool { return x.never[fn] }

// exitsPass is the state of one NoReturn pass.
type exitsPass struct {
	pass    *analysis.Pass
	decls   map[*types.Func]*ast.FuncDecl
	started map[*types.Func]bool
	never   map[*types.Func]bool
}

func runNoReturn(pass *analysis.Pass) (any, error) {
	x := &exitsPass{
		pass:    pass,
		decls:   make(map[*types.Func]*ast.FuncDecl),
		started: make(map[*types.Func]bool),
		never:   make(map[*types.Func]bool),
	}
	var order []*types.Func
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if decl, ok := d.(*ast.FuncDecl); ok {
				if fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func); ok {
					x.decls[fn] = decl
					order = append(order, fn)
				}
			}
		}
	}
	// Source order, and a call to a function still being decided taken
	// as returning: a cycle is cut at the same place each run.
	for _, fn := range order {
		x.decide(fn)
	}
	// Calls made as statements in function literals, and anywhere else
	// the graphs above did not reach: their callees from other packages
	// are looked up too.
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if s, ok := n.(*ast.ExprStmt); ok {
				if call, ok := s.X.(*ast.CallExpr); ok {
					x.mayReturn(call)
				}
			}
			return true
		})
	}
	return &Exits{never: x.never}, nil
}

// decide finds out whether a function of the package never returns, and
// exports a fact if so.
func (x *exitsPass) decide(fn *types.Func) {
	if x.started[fn] {
		return
	}
	x.started[fn] = true
	never, known := intrinsicExit(fn)
	if !known {
		if body := x.decls[fn].Body; body != nil {
			never = cfg.New(body, x.mayReturn).NoReturn()
		}
	}
	if never {
		x.never[fn] = true
		x.pass.ExportObjectFact(fn, new(noReturnFact))
	}
}

// mayReturn reports whether control can come back from a call made as a
// statement; the control flow graph builder asks it.
func (x *exitsPass) mayReturn(call *ast.CallExpr) bool {
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := x.pass.TypesInfo.Uses[id].(*types.Builtin); ok && b.Name() == "panic" {
			return false
		}
	}
	fn := typeutil.StaticCallee(x.pass.TypesInfo, call)
	if fn == nil {
		return true // a call through a value or an interface
	}
	if _, ok := x.decls[fn]; ok {
		x.decide(fn)
		return !x.never[fn]
	}
	if x.never[fn] {
		return false
	}
	if x.pass.ImportObjectFact(fn, new(noReturnFact)) {
		x.never[fn] = true
		return false
	}
	return true
}

// intrinsicExits are the functions whose bodies do not show what they do:
// true for those that never return (they stop the thread or the process,
// or log and exit through code the graph does not follow), false for
// compiler intrinsics that do return although their bodies look as if
// they did not. Keys are "path.Func" and "path.Type.Method".
var intrinsicExits = map[string]bool{
	"syscall.Exit":        true,
	"syscall.ExitProcess": true,
	"syscall.ExitThread":  true,
	"runtime.Goexit":      true,
	"runtime.fatalthrow":  true,
	"runtime.fatalpanic":  true,
	"runtime.exit":        true,

	"go.uber.org/zap.Logger.Fatal":              true,
	"go.uber.org/zap.Logger.Panic":              true,
	"go.uber.org/zap.SugaredLogger.Fatal":       true,
	"go.uber.org/zap.SugaredLogger.Fatalf":      true,
	"go.uber.org/zap.SugaredLogger.Fatalw":      true,
	"go.uber.org/zap.SugaredLogger.Panic":       true,
	"go.uber.org/zap.SugaredLogger.Panicf":      true,
	"go.uber.org/zap.SugaredLogger.Panicw":      true,
	"github.com/sirupsen/logrus.Logger.Exit":    true,
	"github.com/sirupsen/logrus.Logger.Panic":   true,
	"github.com/sirupsen/logrus.Logger.Panicf":  true,
	"github.com/sirupsen/logrus.Logger.Panicln": true,
	"github.com/sirupsen/logrus.Entry.Panicf":   true,
	"github.com/sirupsen/logrus.Entry.Panicln":  true,
	"k8s.io/klog.Exit":                          true,
	"k8s.io/klog.ExitDepth":                     true,
	"k8s.io/klog.Exitf":                         true,
	"k8s.io/klog.Exitln":                        true,
	"k8s.io/klog.Fatal":                         true,
	"k8s.io/klog.FatalDepth":                    true,
	"k8s.io/klog.Fatalf":                        true,
	"k8s.io/klog.Fatalln":                       true,
	"k8s.io/klog/v2.Exit":                       true,
	"k8s.io/klog/v2.ExitDepth":                  true,
	"k8s.io/klog/v2.Exitf":                      true,
	"k8s.io/klog/v2.Exitln":                     true,
	"k8s.io/klog/v2.Fatal":                      true,
	"k8s.io/klog/v2.FatalDepth":                 true,
	"k8s.io/klog/v2.Fatalf":                     true,
	"k8s.io/klog/v2.Fatalln":                    true,
	"internal/abi.EscapeNonString":              false,
	"hash/maphash.Comparable":                   false,
}

// intrinsicExit looks fn up in intrinsicExits.
func intrinsicExit(fn *types.Func) (never, known bool) {
	if fn.Pkg() == nil {
		return false, false
	}
	key := fn.Pkg().Path() + "."
	if recv := fn.Signature().Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		named, ok := t.(*types.Named)
		if !ok {
			return false, false
		}
		key += named.Obj().Name() + "."
	}
	never, known = intrinsicExits[key+fn.Name()]
	return never, known
}
