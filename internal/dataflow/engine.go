package dataflow

import (
	"go/ast"
	"go/token"
	"go/types"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/microsec-lint/microsec-lint/internal/analysisutil"
)

// maxDepth bounds the evaluation stack, a guard for the goroutine's
// stack rather than a limit real code meets: a value reached through more
// evaluations than this, each a concatenation, a phi, a field or a call of
// a helper summarised on the way, is taken as constant text whose strings
// are not known (see eval). A level costs about 2 KB of stack, 6 KB when
// it goes through a helper's summary, so the cap holds the stack to about
// 60 MB, far below Go's 1 GB limit; code as deep as 3,000 chained helpers,
// 5,000 appends to a string or ifs nested 2,000 deep stays below it, and
// takes no longer per level than shallow code.
var maxDepth = 10000

// Analyze computes the summary of every function of the package, exports
// the interesting ones as facts of cfg's type, and returns the findings the
// client's Judge produced, sorted by position. The pass must require
// NoReturn (or buildssa.Analyzer, whose result is then used as is) and
// declare cfg.NewFact's type in FactTypes.
func Analyze(pass *analysis.Pass, cfg *Config) []Finding {
	if analysisutil.InGOROOT(pass) {
		// The standard library's text functions are modelled (see
		// model); analysing it would only add facts every package
		// inherits.
		return nil
	}
	idle := cfg.SinkObject != nil && !reachesSink(pass, cfg.SinkObject, cfg.SinkMethods)
	if idle && !exportsText(pass.Pkg) {
		// Nothing to find, and no fact to export: skip SSA.
		return nil
	}
	e := newEngine(pass, cfg, idle, buildSSA(pass, idle))
	e.run()
	if e.incomplete {
		// The pruned form left out something the engine reads: build
		// the package whole.
		e = newEngine(pass, cfg, idle, buildSSA(pass, false))
		e.run()
	}
	sort.SliceStable(e.findings, func(i, j int) bool { return e.findings[i].Pos < e.findings[j].Pos })
	return e.findings
}

func newEngine(pass *analysis.Pass, cfg *Config, idle bool, b *built) *engine {
	e := &engine{
		idle:         idle,
		pass:         pass,
		cfg:          cfg,
		pkg:          b.pkg,
		funcs:        b.funcs,
		pruned:       b.pruned,
		sums:         make(map[*ssa.Function]*Summary),
		pending:      make(map[*ssa.Function]bool),
		memo:         make(map[ssa.Value]Value),
		onStack:      make(map[ssa.Value]int),
		tentMemo:     make(map[ssa.Value]tentative),
		guards:       make(map[*ssa.Function]*fnGuards),
		unchecked:    make(map[guardKey]map[*ssa.BasicBlock]bool),
		fieldRuns:    make(map[fieldGuardKey]fieldRun),
		helpers:      make(map[*ssa.Function][]paramCheck),
		allowMaps:    make(map[*ssa.Global]bool),
		protoGetters: make(map[*ssa.Function]int),
		low:          noLow,
		imported:     make(map[types.Object]*Summary),
		impls:        make(map[implKey][]*types.Func),
		sinkImpls:    make(map[*types.Func][]*types.Func),
		textImpls:    make(map[*types.Func][]*types.Func),
		sources:      make(map[*ssa.Function]map[int]bool),
		escapes:      make(map[*ssa.Function]bool),
		globals:      make(map[*ssa.Global][]ssa.Instruction),
		closures:     make(map[*ssa.Function][]*ssa.MakeClosure),
		declared:     make(map[*types.Func]*ssa.Function),
		reported:     make(map[string]reported),
		inField:      make(map[fieldKey]bool),
		writerIdx:    make(map[ssa.Value][]ssa.Instruction),
	}
	if init, ok := e.pkg.Members["init"].(*ssa.Function); ok {
		// The package initializer, and the function literals of
		// package-level variables, which belong to it.
		var add func(fn *ssa.Function)
		add = func(fn *ssa.Function) {
			e.funcs = append(e.funcs, fn)
			for _, anon := range fn.AnonFuncs {
				add(anon)
			}
		}
		e.funcs = slices.Clip(e.funcs)
		add(init)
	}
	return e
}

// run summarises the package's functions, judging the sinks they reach,
// and exports the facts; not the facts when it finds the engine's form
// incomplete.
func (e *engine) run() {
	e.index()
	e.findSources()
	if e.idle {
		// No call here can reach a sink: only the summaries worth
		// exporting are needed, and what they call.
		for _, fn := range e.funcs {
			if e.exported(fn) {
				e.summarize(fn)
			}
		}
		e.resummarize()
	} else {
		for _, fn := range e.funcs {
			e.summarize(fn)
		}
		e.resummarize()
		e.checkForeignHandlers()
	}
	for _, fn := range e.funcs {
		// What the package's checking helpers check, which their
		// facts carry (an engine built pruned may find it reads
		// what it left out).
		if obj, ok := e.ownExported(fn); ok && checkResult(obj) && fn.Origin() == nil {
			e.helperChecks(fn)
		}
	}
	if e.incomplete {
		return
	}
	e.exportFacts()
}

const noLow = int(^uint(0) >> 1)

type tentative struct {
	val Value
	low int
}

type engine struct {
	idle  bool // no call in the package can reach a sink (reachesSink)
	pass  *analysis.Pass
	cfg   *Config
	pkg   *ssa.Package
	funcs []*ssa.Function

	// pruned is set when pkg was built pruned (see pruning); incomplete
	// when the engine read a function or variable that it left out.
	pruned     *pruning
	incomplete bool

	sums map[*ssa.Function]*Summary // summaries of this package's functions, nil while in progress
	// sawPending says that the summary being computed used one still
	// in progress (a recursive call, or an implementation of an
	// interface method called); pending holds the summaries so computed,
	// and prev, in the second pass (see resummarize), their first
	// values, which stand in for them while they are in progress again.
	sawPending bool
	pending    map[*ssa.Function]bool
	prev       map[*ssa.Function]*Summary
	current    *ssa.Function // the function whose summary is being computed

	// Evaluation state: memo holds final values; values computed while a
	// cycle through a value still on the stack was cut are kept in
	// tentMemo until that value completes.
	memo     map[ssa.Value]Value
	onStack  map[ssa.Value]int
	depth    int
	low      int
	tentMemo map[ssa.Value]tentative
	tentList []ssa.Value
	guards   map[*ssa.Function]*fnGuards // see guardsOf
	// unchecked, fieldRuns and allowMaps remember reachableUnchecked's,
	// uncheckedField's and constantKeys' answers.
	unchecked map[guardKey]map[*ssa.BasicBlock]bool
	fieldRuns map[fieldGuardKey]fieldRun
	helpers   map[*ssa.Function][]paramCheck // see helperChecks
	allowMaps map[*ssa.Global]bool
	// protoGetters holds, for each method protoGetter was asked about,
	// the field it returns, or -1.
	protoGetters map[*ssa.Function]int

	// assumedList is the list parameter of a helper read as if its
	// caller passed constant text (see listChecks).
	assumedList ssa.Value

	imported   map[types.Object]*Summary
	impls      map[implKey][]*types.Func
	candidates []*types.Func                 // see candidateMethods
	sinkImpls  map[*types.Func][]*types.Func // see sinkImplementations
	textImpls  map[*types.Func][]*types.Func // see textImplementations

	sources  map[*ssa.Function]map[int]bool // parameters that carry external input
	foreign  []foreignHandler
	escapes  map[*ssa.Function]bool // used as a value: callers unknown
	globals  map[*ssa.Global][]ssa.Instruction
	closures map[*ssa.Function][]*ssa.MakeClosure
	declared map[*types.Func]*ssa.Function // the package's declared functions and methods

	findings []Finding
	reported map[string]reported // see report

	inField   map[fieldKey]bool               // fields being followed by fieldOf
	writerIdx map[ssa.Value][]ssa.Instruction // see writers
	calling   *ssa.CallCommon                 // the call whose operands' fields subst follows
	at        ssa.Instruction                 // the call or closure whose sinks judgeSummary judges
}

// fieldKey is a field of a struct value, or of the struct a pointer
// points to, being followed.
type fieldKey struct {
	x    ssa.Value
	path string
}

// index records, once per package, what SSA does not link: the function
// of each declared object, the instructions that use each package-level
// variable, the closures made of each function, and the functions used as
// values.
func (e *engine) index() {
	for _, fn := range e.funcs {
		if obj, ok := fn.Object().(*types.Func); ok && fn.Parent() == nil {
			e.declared[obj] = fn
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				var ops [8]*ssa.Value
				for i, op := range instr.Operands(ops[:0]) {
					if op == nil || *op == nil {
						continue
					}
					switch v := (*op).(type) {
					case *ssa.Global:
						e.globals[v] = append(e.globals[v], instr)
					case *ssa.Function:
						if call, ok := instr.(ssa.CallInstruction); ok && i == 0 && call.Common().Value == v {
							continue // a static call
						}
						if mc, ok := instr.(*ssa.MakeClosure); ok && mc.Fn == v {
							e.closures[v] = append(e.closures[v], mc)
							if !closureOnlyCalled(mc) {
								e.escapes[v] = true
							}
							continue
						}
						e.escapes[v] = true
					}
				}
			}
		}
	}
}

// callAt returns the call of files whose opening parenthesis is at pos, or
// nil. It descends only into the nodes that hold pos: a package reports
// few findings, and indexing every call for them cost a walk of all its
// files. The walk goes in source order and skips every node that ends
// before pos, so it meets the call before any node that starts after it;
// it never asks where a node starts, which for a call or selector is
// found by descending its whole left side (a chain of 20,000 method calls
// made each finding quadratic).
func callAt(files []*ast.File, pos token.Pos) *ast.CallExpr {
	for _, f := range files {
		if pos < f.FileStart || pos > f.FileEnd {
			continue
		}
		var found *ast.CallExpr
		ast.Inspect(f, func(n ast.Node) bool {
			if found != nil || n == nil || pos >= n.End() {
				return false
			}
			if c, ok := n.(*ast.CallExpr); ok && c.Lparen == pos {
				found = c
				return false
			}
			return true
		})
		return found
	}
	return nil
}

// sinkImplementations returns, once per interface method, the sink
// methods of the package and its direct imports that may implement m.
func (e *engine) sinkImplementations(m *types.Func) []*types.Func {
	if ms, ok := e.sinkImpls[m]; ok {
		return ms
	}
	ms := sinkImplementations(e.pass.Pkg, m, e.cfg.SinkObject, e.cfg.SinkMethods)
	e.sinkImpls[m] = ms
	return ms
}

// funcOf returns the SSA function of one of the package's declared
// functions or methods, or nil. It asks the engine's index, not the SSA
// program, which may be building another package meanwhile (see programs).
func (e *engine) funcOf(obj *types.Func) *ssa.Function {
	return e.declared[obj]
}

// closureOnlyCalled reports whether a closure value is only ever called
// directly, so that its callers are all visible.
func closureOnlyCalled(mc *ssa.MakeClosure) bool {
	refs := mc.Referrers()
	if refs == nil {
		return true
	}
	for _, r := range *refs {
		c, ok := r.(ssa.CallInstruction)
		if !ok || c.Common().Value != mc {
			return false
		}
		for _, a := range c.Common().Args {
			if a == mc {
				return false
			}
		}
	}
	return true
}

// eval returns the origin of v in terms of its function's parameters.
func (e *engine) eval(v ssa.Value) Value {
	if r, ok := e.memo[v]; ok {
		return r
	}
	if t, ok := e.tentMemo[v]; ok {
		e.low = min(e.low, t.low)
		return t.val
	}
	if d, ok := e.onStack[v]; ok {
		e.low = min(e.low, d)
		return unknownConstant
	}
	if e.depth >= maxDepth {
		// The stack ran out, not what the engine knows of v: report
		// nothing it did not read.
		return unknownConstant
	}
	d := e.depth
	e.onStack[v] = d
	e.depth++
	outerLow := e.low
	e.low = noLow
	tentStart := len(e.tentList)

	r := e.compute(v)

	e.depth--
	delete(e.onStack, v)
	if e.low >= d {
		// Every cycle through v is closed: v and the values computed
		// on the way are final.
		e.memo[v] = r
		kept := e.tentList[:tentStart]
		for _, t := range e.tentList[tentStart:] {
			if e.tentMemo[t].low < d {
				kept = append(kept, t)
			} else {
				delete(e.tentMemo, t)
			}
		}
		e.tentList = kept
		e.low = outerLow
	} else {
		e.tentMemo[v] = tentative{r, e.low}
		e.tentList = append(e.tentList, v)
		e.low = min(outerLow, e.low)
	}
	return r
}

func (e *engine) compute(v ssa.Value) Value {
	// Values whose text is decided by their container, even when their
	// type is a number: the bytes and runes of a string.
	switch v := v.(type) {
	case *ssa.Lookup:
		return e.eval(v.X).Flatten()
	case *ssa.Index:
		x := e.eval(v.X)
		if c, ok := v.Index.(*ssa.Const); ok && x.Listed {
			if i, ok := constIndex(c); ok && i < len(x.Elems) && !anySpread(x.Elems[:i+1]) {
				return x.Elems[i]
			}
		}
		return x.Flatten()
	case *ssa.Extract:
		return e.extract(v)
	case *ssa.Convert:
		return e.eval(v.X)
	}
	if isNumeric(v.Type()) {
		return Value{Origin: IntegerOnly}
	}
	switch v := v.(type) {
	case *ssa.Const:
		if v.Value == nil {
			if isString(v.Type()) {
				return constant("")
			}
			return Value{Finite: true} // a zero value stored before the fields are
		}
		if isString(v.Type()) {
			return constant(constStringValue(v))
		}
		return unknownConstant
	case *ssa.Parameter:
		return e.param(v)
	case *ssa.FreeVar:
		return e.freeVar(v)
	case *ssa.Function, *ssa.MakeClosure, *ssa.Builtin:
		return unknownConstant
	case *ssa.Global:
		return e.global(v)
	case *ssa.Alloc:
		return e.contents(v)
	case *ssa.MakeMap, *ssa.MakeSlice:
		return e.writes(v, true)
	case *ssa.FieldAddr:
		return e.field(v.X, []int{v.Field}, describe(v))
	case *ssa.Field:
		return e.field(v.X, []int{v.Field}, describe(v))
	case *ssa.IndexAddr:
		return e.element(v)
	case *ssa.UnOp:
		if v.Op == token.MUL {
			return e.eval(v.X)
		}
		if v.Op == token.ARROW {
			return of(NonConstant, "a value received from a channel")
		}
		return e.eval(v.X)
	case *ssa.BinOp:
		if v.Op == token.ADD {
			return Concat(e.eval(v.X), e.eval(v.Y))
		}
		return Union(e.eval(v.X), e.eval(v.Y))
	case *ssa.Phi:
		var r Value
		for i, edge := range v.Edges {
			if i == 0 {
				r = e.eval(edge)
			} else {
				r = Union(r, e.eval(edge))
			}
		}
		return r
	case *ssa.Call:
		return e.callResult(v.Common(), 0)
	case *ssa.ChangeType:
		return e.eval(v.X)
	case *ssa.MakeInterface:
		return e.eval(v.X)
	case *ssa.ChangeInterface:
		return e.eval(v.X)
	case *ssa.TypeAssert:
		return e.eval(v.X)
	case *ssa.SliceToArrayPointer:
		return e.eval(v.X)
	case *ssa.MultiConvert:
		return e.eval(v.X)
	case *ssa.Slice:
		x := e.eval(v.X)
		if v.Low != nil || v.High != nil || v.Max != nil {
			return x.Flatten()
		}
		return x
	}
	return of(NonConstant, describe(v))
}

func anySpread(vs []Value) bool {
	for _, v := range vs {
		if v.Spread {
			return true
		}
	}
	return false
}

func (e *engine) extract(v *ssa.Extract) Value {
	switch t := v.Tuple.(type) {
	case *ssa.Call:
		return e.callResult(t.Common(), v.Index)
	case *ssa.Lookup, *ssa.TypeAssert:
		if v.Index == 0 {
			return e.eval(t)
		}
	case *ssa.Next:
		if v.Index == 0 {
			return Value{Origin: IntegerOnly}
		}
		if rng, ok := t.Iter.(*ssa.Range); ok {
			if t.IsString && v.Index == 1 {
				return Value{Origin: IntegerOnly}
			}
			return e.eval(rng.X).Flatten()
		}
	case *ssa.UnOp:
		if v.Index == 0 {
			return e.eval(t)
		}
	}
	if isNumeric(v.Type()) {
		return Value{Origin: IntegerOnly}
	}
	return of(NonConstant, describe(v))
}

// param is the origin of a parameter: external input for the request of a
// handler, non-constant when the function's callers are not all visible,
// and otherwise the parameter itself, for callers to substitute.
func (e *engine) param(p *ssa.Parameter) Value {
	fn := p.Parent()
	idx := slices.Index(fn.Params, p)
	if e.sources[fn][idx] || isExternalType(p.Type()) {
		return of(External, p.Name())
	}
	if isContext(p.Type()) {
		return unknownConstant
	}
	if e.escapes[fn] || idx < 0 {
		if fn.Synthetic == rangeFuncBody {
			// The loop variable of a range over a function is
			// an argument of the loop body's yield function.
			if r, ok := e.seqElem(fn); ok {
				return r
			}
			return of(NonConstant, "a range-over-func loop variable")
		}
		return of(NonConstant, "parameter "+p.Name())
	}
	return Value{Params: []int{idx}, Param: idx + 1, ParamPath: p.Name()}
}

// seqElem is the origin of the loop variable of yield, the body of a
// range over a function, when every call that runs the body is an
// iterator of the standard library whose elements are known: pieces of a
// string or byte slice (strings.SplitSeq, FieldsSeq, Lines and the others
// of strings and bytes) or elements of a slice (slices.Values, All,
// Backward). ok is false for other iterators, and for a value that
// depends on the parameters of the function the loop is in, which the
// body's own parameters would be taken for.
func (e *engine) seqElem(yield *ssa.Function) (Value, bool) {
	parent := yield.Parent()
	if parent == nil {
		return Value{}, false
	}
	r, found := Value{}, false
	for _, b := range parent.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(ssa.CallInstruction)
			if !ok || len(call.Common().Args) != 1 {
				continue
			}
			arg := call.Common().Args[0]
			if mc, ok := arg.(*ssa.MakeClosure); ok {
				arg = mc.Fn
			}
			if arg != yield {
				continue
			}
			v, ok := e.seqOf(call.Common().Value)
			if !ok || v.DependsOnParams() {
				return Value{}, false
			}
			if found {
				r = Union(r, v)
			} else {
				r, found = v, true
			}
		}
	}
	return r, found
}

// seqOf is the origin of the elements of iter, an iterator returned by a
// call to a function of strings, bytes or slices that seqElem knows.
func (e *engine) seqOf(iter ssa.Value) (Value, bool) {
	call, ok := iter.(*ssa.Call)
	if !ok {
		return Value{}, false
	}
	obj, recv, args := callee(call.Common())
	if obj == nil || obj.Pkg() == nil || recv != nil || len(args) == 0 {
		return Value{}, false
	}
	switch obj.Pkg().Path() {
	case "strings", "bytes":
		switch obj.Name() {
		case "SplitSeq", "SplitAfterSeq", "FieldsSeq", "FieldsFuncSeq", "Lines":
			// A piece of the text, which may start anywhere in it.
			v := e.eval(args[0]).Flatten()
			v.Finite, v.Consts, v.Prefix = false, nil, ""
			return v, true
		}
	case "slices":
		switch obj.Name() {
		case "Values", "All", "Backward":
			return e.eval(args[0]).Flatten(), true
		}
	}
	return Value{}, false
}

// freeVar is the origin of a captured variable: the join of what every
// closure of the function binds to it, in the closure's terms (see
// captured).
func (e *engine) freeVar(fv *ssa.FreeVar) Value {
	fn := fv.Parent()
	idx := slices.Index(fn.FreeVars, fv)
	mcs := e.closures[fn]
	if len(mcs) == 0 || idx < 0 {
		return of(NonConstant, fv.Name())
	}
	var r Value
	for i, mc := range mcs {
		b := e.eval(mc.Bindings[idx]).Flatten()
		if i == 0 {
			r = b
		} else {
			r = Union(r, b)
		}
	}
	return captured(fn, idx, r, nil, fv.Name())
}

// captured turns b, the origin of what the closures of fn bind to free
// variable idx (or of field path of it), evaluated in the function that
// makes them, into the closure's terms. What does not depend on that
// function's parameters is kept as it is. What does is a parameter of the
// closure's own: the free variables are numbered after the closure's
// parameters, and the function that makes the closure substitutes what it
// binds to them, where it calls the closure or, when the closure is handed
// on, where it makes it (see scanClosure). The value keeps the origin of
// the rest of b, so that text both captured from a parameter and read
// from input is judged inside the closure too.
func captured(fn *ssa.Function, idx int, b Value, path []int, name string) Value {
	if !b.DependsOnParams() {
		return b
	}
	k := len(fn.Params) + idx
	p := Value{Params: []int{k}, Param: k + 1, ParamPath: name}
	if path != nil {
		p = fieldOfParam(k, path, name)
	}
	if b.Param > 0 && !b.Listed {
		return p // exactly a parameter, or a field of one
	}
	b.forgetParams()
	b.Finite, b.Consts = false, nil
	b.mergeOrigin(p)
	return b
}

// capturedField is the origin of field path of the struct that free
// variable fv, a captured pointer variable, points to, in the closure's
// terms (see captured).
func (e *engine) capturedField(fv *ssa.FreeVar, path []int, name string) Value {
	fn := fv.Parent()
	idx := slices.Index(fn.FreeVars, fv)
	mcs := e.closures[fn]
	if len(mcs) == 0 || idx < 0 {
		return e.wholeOf(fv, name)
	}
	b := Value{Finite: true}
	for _, mc := range mcs {
		b = join(b, e.varField(mc.Bindings[idx], path, name).Flatten())
	}
	return captured(fn, idx, b, path, name)
}

// varField is the origin of field path of the struct that x, a variable
// holding a pointer to it (captured by a closure made in x's function),
// points to: what the pointers stored in x hold there, and what is
// written there through the pointers read from x.
func (e *engine) varField(x ssa.Value, path []int, name string) Value {
	if fv, ok := x.(*ssa.FreeVar); ok {
		return e.capturedField(fv, path, name) // a closure in a closure
	}
	a, ok := x.(*ssa.Alloc)
	if !ok || a.Referrers() == nil {
		return e.wholeOf(x, name)
	}
	r := Value{Finite: true}
	for _, instr := range *a.Referrers() {
		switch i := instr.(type) {
		case *ssa.Store:
			if i.Addr != a {
				return e.wholeOf(x, name)
			}
			r = join(r, e.fieldOf(i.Val, path, name))
		case *ssa.UnOp:
			if i.Op != token.MUL {
				return e.wholeOf(x, name)
			}
			r = join(r, e.pathWrites(i, path, name))
		case *ssa.MakeClosure:
			for j, b := range i.Bindings {
				if fn, ok := i.Fn.(*ssa.Function); ok && b == a && j < len(fn.FreeVars) {
					if w := e.closureStores(fn.FreeVars[j]); w != nil {
						r = join(r, e.wholeOf(x, name))
					}
				}
			}
		case *ssa.DebugRef:
		default:
			return e.wholeOf(x, name)
		}
	}
	return r
}

// closureStores returns the stores of a closure into its free variable
// fv, the variable itself, or nil.
func (e *engine) closureStores(fv *ssa.FreeVar) []*ssa.Store {
	var out []*ssa.Store
	if refs := fv.Referrers(); refs != nil {
		for _, r := range *refs {
			if st, ok := r.(*ssa.Store); ok && st.Addr == fv {
				out = append(out, st)
			}
		}
	}
	return out
}

// written is the origin of a value written to package-level variable g, as
// any function of the package sees it: one that depends on the parameters
// of the function that writes it depends on callers no reader knows.
func (e *engine) written(g *ssa.Global, v Value) Value {
	if v.DependsOnParams() {
		return of(NonConstant, describe(g))
	}
	return v
}

// global is the origin of a package-level variable's value.
func (e *engine) global(g *ssa.Global) (r Value) {
	if g.Pkg != e.pkg {
		if g.Pkg != nil && g.Pkg.Pkg.Path() == "os" && (g.Name() == "Args" || g.Name() == "Stdin") {
			return of(External, "os."+g.Name())
		}
		obj := g.Object()
		if s := e.importFact(obj); s != nil && len(s.Results) == 1 {
			return s.Results[0]
		}
		return of(NonConstant, describe(g))
	}
	if e.pruned != nil {
		if v, ok := g.Object().(*types.Var); !ok || !e.pruned.vars[v] {
			e.incomplete = true
		}
	}
	r = Value{Finite: true}
	defer func() {
		if r.Finite && len(r.Consts) == 0 && isString(deref(g.Type())) {
			r = constant("")
		}
	}()
	for _, instr := range e.globals[g] {
		switch i := instr.(type) {
		case *ssa.Store:
			if i.Addr == g {
				r = Union(r, e.written(g, e.eval(i.Val)))
			}
		case *ssa.UnOp:
			// A load of a map or slice: writes through it change the
			// variable too.
			if i.Op == token.MUL && i.X == g {
				r = Union(r, e.written(g, e.writes(i, true)))
			}
		case *ssa.FieldAddr:
			if i.X == g {
				r = Union(r, e.written(g, e.writes(i, true)))
			}
		case *ssa.IndexAddr:
			if i.X == g {
				r = Union(r, e.written(g, e.writes(i, true)))
			}
		case *ssa.MakeInterface:
			if i.X == g {
				r = Union(r, e.written(g, e.interfaceWrites(i)))
			}
		case ssa.CallInstruction:
			r = Union(r, e.written(g, e.callWrites(i.Common(), g)))
		}
	}
	return r
}

// contents is the origin of what a local allocation holds: the join of all
// writes, with the elements listed for arrays written at constant indices.
func (e *engine) contents(a *ssa.Alloc) Value {
	if ptr, ok := a.Type().Underlying().(*types.Pointer); ok {
		if arr, ok := ptr.Elem().Underlying().(*types.Array); ok && arr.Len() <= 64 {
			if r, ok := e.listArray(a, int(arr.Len())); ok {
				return r
			}
		}
	}
	r := e.writes(a, true)
	if r.Finite && len(r.Consts) == 0 && isString(deref(a.Type())) {
		return constant("") // never written: the zero value
	}
	return r
}

func deref(t types.Type) types.Type {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// listArray lists the elements of an array written only at constant
// indices, as a varargs slice or a slice literal is.
func (e *engine) listArray(a ssa.Value, n int) (Value, bool) {
	elems := make([]Value, n)
	for i := range elems {
		elems[i] = constant("")
	}
	seen := make([]bool, n)
	for _, r := range *a.Referrers() {
		switch r := r.(type) {
		case *ssa.IndexAddr:
			c, ok := r.Index.(*ssa.Const)
			if !ok {
				return Value{}, false
			}
			i, ok := constIndex(c)
			if !ok || i >= n {
				return Value{}, false
			}
			w := e.writes(r, true)
			if !seen[i] {
				elems[i], seen[i] = w, true
			} else {
				elems[i] = Union(elems[i], w)
			}
		case *ssa.Slice, *ssa.DebugRef:
		case *ssa.Store:
			if r.Addr == a {
				return Value{}, false
			}
		default:
			return Value{}, false
		}
	}
	return withElems(elems), true
}

// maxPath bounds the fields followed into nested structs; deeper fields
// are taken as the whole of the struct they are in.
const maxPath = 8

// field is the origin of the field at path (field indices, outermost
// first) of x, a struct or a pointer to one; name describes it. A field
// never written holds its zero value.
func (e *engine) field(x ssa.Value, path []int, name string) Value {
	r := e.fieldOf(x, path, name)
	if r.Finite && len(r.Consts) == 0 {
		if t := fieldType(x.Type(), path); t != nil && isString(t) {
			return constant("")
		}
	}
	return r
}

// fieldOf is the join of what field path of x can hold: what is stored in
// it, in the struct around it, and, when x comes from a parameter, that
// field of the parameter, which callers substitute (see subst).
func (e *engine) fieldOf(x ssa.Value, path []int, name string) Value {
	// Start from the struct the fields are selected from: &s.A.B is
	// field path A.B of s.
	for len(path) <= maxPath {
		if fa, ok := x.(*ssa.FieldAddr); ok {
			x, path = fa.X, append([]int{fa.Field}, path...)
		} else if f, ok := x.(*ssa.Field); ok {
			x, path = f.X, append([]int{f.Field}, path...)
		} else {
			break
		}
	}
	if len(path) > maxPath {
		return e.wholeOf(x, name)
	}
	key := fieldKey{x, pathKey(path)}
	if e.inField[key] {
		return Value{Finite: true} // a cycle: the other edges give the rest
	}
	e.inField[key] = true
	defer delete(e.inField, key)

	r := Value{Finite: true}
	if _, ok := x.Type().Underlying().(*types.Pointer); ok {
		r = e.pathWrites(x, path, name)
	}
	switch v := x.(type) {
	case *ssa.Alloc, *ssa.Const:
		// Zeroed memory, or a zero value: only the writes count.
		return r
	case *ssa.Parameter:
		p := e.param(v)
		if p.Param > 0 {
			return join(r, fieldOfParam(p.Param-1, path, name))
		}
		if !p.Origin.Safe() {
			p.Culprit = name
		}
		return join(r, p)
	case *ssa.UnOp:
		if fv, ok := v.X.(*ssa.FreeVar); ok && v.Op == token.MUL && isStructPointer(v.Type()) {
			// req.Name in a closure that captures req.
			return join(r, e.capturedField(fv, path, name))
		}
		if v.Op == token.MUL && isStructPointer(v.X.Type()) {
			return join(r, e.fieldOf(v.X, path, name))
		}
	case *ssa.Phi:
		for _, edge := range v.Edges {
			r = join(r, e.fieldOf(edge, path, name))
		}
		return r
	case *ssa.FreeVar:
		fn := v.Parent()
		idx := slices.Index(fn.FreeVars, v)
		if mcs := e.closures[fn]; len(mcs) > 0 && idx >= 0 {
			b := Value{Finite: true}
			for _, mc := range mcs {
				b = join(b, e.fieldOf(mc.Bindings[idx], path, name).Flatten())
			}
			return join(r, captured(fn, idx, b, path, name))
		}
	}
	return join(r, e.wholeOf(x, name))
}

// wholeOf is the origin of a struct (or what a pointer points to) whose
// fields are not followed, as the origin of one of its fields named name.
func (e *engine) wholeOf(x ssa.Value, name string) Value {
	base := e.eval(x).Flatten()
	if !base.Origin.Safe() {
		base.Culprit = name
	}
	if base.DependsOnParams() {
		base.ParamPath = name
	}
	base.Param, base.Path = 0, nil
	return base
}

// pathWrites is the join of what is written into field path of the struct
// addr points to: stores to the field and into it, stores of whole
// structs, and what calls and closures given addr may write.
func (e *engine) pathWrites(addr ssa.Value, path []int, name string) Value {
	r := Value{Finite: true}
	for _, instr := range e.writers(addr) {
		switch i := instr.(type) {
		case *ssa.Store:
			if i.Addr == addr {
				r = join(r, e.fieldOf(i.Val, path, name))
			}
		case *ssa.FieldAddr:
			if i.Field != path[0] {
				continue
			}
			if len(path) == 1 {
				r = join(r, e.writes(i, true))
			} else {
				r = join(r, e.pathWrites(i, path[1:], name))
			}
		case *ssa.MakeClosure:
			for j, b := range i.Bindings {
				if fn, ok := i.Fn.(*ssa.Function); ok && b == addr && j < len(fn.FreeVars) {
					w := e.pathWrites(fn.FreeVars[j], path, name)
					w.forgetParams()
					r = join(r, w)
				}
			}
		case ssa.CallInstruction:
			if i.Common() != e.calling {
				r = join(r, e.writeOf(instr, addr, false))
			}
		default:
			r = join(r, e.writeOf(instr, addr, false))
		}
	}
	return r
}

// join is Union, except that a value joined with nothing is kept whole,
// exactly the parameter or field it is.
func join(r, w Value) Value {
	if isNothing(r) {
		return w
	}
	if isNothing(w) {
		return r
	}
	return Union(r, w)
}

// isNothing reports whether v is the empty set of constant strings: what
// was never written.
func isNothing(v Value) bool {
	return v.Finite && len(v.Consts) == 0 && v.Origin == Constant && !v.DependsOnParams() && !v.Listed
}

func pathKey(path []int) string {
	var b strings.Builder
	writePath(&b, path)
	return b.String()
}

func isStructPointer(t types.Type) bool {
	p, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	_, ok = p.Elem().Underlying().(*types.Struct)
	return ok
}

// fieldType is the type of field path of t, a struct or a pointer to
// one, or nil.
func fieldType(t types.Type, path []int) types.Type {
	for _, i := range path {
		st, ok := deref(t).Underlying().(*types.Struct)
		if !ok || i >= st.NumFields() {
			return nil
		}
		t = st.Field(i).Type()
	}
	return t
}

// element is the origin of the element an IndexAddr points to.
func (e *engine) element(v *ssa.IndexAddr) Value {
	x := e.eval(v.X)
	if c, ok := v.Index.(*ssa.Const); ok && x.Listed {
		if i, ok := constIndex(c); ok && i < len(x.Elems) && !anySpread(x.Elems[:i+1]) {
			return Union(x.Elems[i], e.writes(v, true))
		}
	}
	r := x.Flatten()
	if !r.Origin.Safe() {
		r.Culprit = describe(v)
	}
	return Union(r, e.writes(v, true))
}

// writes is the join of everything stored through addr (and, if deep,
// through addresses derived from it), including writes by calls that are
// known to fill what they are given.
func (e *engine) writes(addr ssa.Value, deep bool) Value {
	r := Value{Finite: true}
	for _, instr := range e.writers(addr) {
		r = join(r, e.writeOf(instr, addr, deep))
	}
	return r
}

// writers returns, once per address, the instructions using addr that
// may write through it, in order: what writes and pathWrites join. The
// others — loads, debug references, comparisons, and addresses derived
// from addr that are only read in turn — write nothing, and are left out
// so that each read of a field does not scan every other use of the
// struct: a handler that reads req.Name in each of 10,000 switch cases
// made the reads quadratic.
func (e *engine) writers(addr ssa.Value) []ssa.Instruction {
	if ws, ok := e.writerIdx[addr]; ok {
		return ws
	}
	var ws []ssa.Instruction
	if refs := addr.Referrers(); refs != nil {
		for _, instr := range *refs {
			if e.mayWrite(instr) {
				ws = append(ws, instr)
			}
		}
	}
	e.writerIdx[addr] = ws
	return ws
}

// mayWrite reports whether instr, a use of some address, may write
// through it for writeOf or pathWrites: every instruction they give a
// value for, except an address derived from it that nothing writes
// through.
func (e *engine) mayWrite(instr ssa.Instruction) bool {
	switch i := instr.(type) {
	case *ssa.Store, *ssa.MapUpdate, *ssa.MakeClosure, *ssa.MakeInterface, ssa.CallInstruction:
		return true
	case *ssa.FieldAddr, *ssa.IndexAddr, *ssa.Slice:
		return len(e.writers(i.(ssa.Value))) > 0
	}
	return false
}

// writeOf is what one instruction using addr writes through it.
func (e *engine) writeOf(instr ssa.Instruction, addr ssa.Value, deep bool) Value {
	r := Value{Finite: true}
	switch i := instr.(type) {
	case *ssa.Store:
		if i.Addr == addr {
			r = e.eval(i.Val)
		}
	case *ssa.MapUpdate:
		if i.Map == addr {
			r = e.eval(i.Value)
		}
	case *ssa.FieldAddr, *ssa.IndexAddr, *ssa.Slice:
		if deep {
			// A write into a part, or from an offset on, does not
			// start the whole.
			r = e.writes(i.(ssa.Value), true)
			r.Prefix = ""
		}
	case *ssa.MakeClosure:
		for j, b := range i.Bindings {
			if b == addr {
				if fn, ok := i.Fn.(*ssa.Function); ok && j < len(fn.FreeVars) {
					w := e.writes(fn.FreeVars[j], deep)
					w.forgetParams()
					r = Union(r, w)
				}
			}
		}
	case *ssa.MakeInterface:
		r = e.interfaceWrites(i)
	case ssa.CallInstruction:
		r = e.callWrites(i.Common(), addr)
	}
	return r
}

// callWrites is what a call may write through addr, one of its operands.
func (e *engine) callWrites(c *ssa.CallCommon, addr ssa.Value) Value {
	if c.Value == addr {
		return Value{Finite: true}
	}
	if b, ok := c.Value.(*ssa.Builtin); ok {
		switch b.Name() {
		case "copy":
			if len(c.Args) == 2 && c.Args[0] == addr {
				return e.eval(c.Args[1])
			}
		case "append":
			// append may write into the array of its first operand.
			if len(c.Args) == 2 && c.Args[0] == addr {
				return e.eval(c.Args[1]).Flatten()
			}
		}
		return Value{Finite: true}
	}
	obj, recv, args := callee(c)
	if w, ok := modelWrites(e, obj, recv, args, addr); ok {
		return w
	}
	if recv != nil && recv == addr {
		// A method called on the value is assumed to read it, as getters
		// do; see the package documentation.
		return Value{Finite: true}
	}
	if _, ok := addr.Type().Underlying().(*types.Pointer); !ok {
		return Value{Finite: true} // slices and maps passed on are not followed
	}
	return of(NonConstant, describe(addr)+" as written by "+calleeName(obj, c)+"(...)")
}

// interfaceWrites is what calls may write through an address converted to
// an interface: decoders and scanners fill it; printing reads it.
func (e *engine) interfaceWrites(mi *ssa.MakeInterface) Value {
	r := Value{Finite: true}
	refs := mi.Referrers()
	if refs == nil {
		return r
	}
	if _, ok := mi.X.Type().Underlying().(*types.Pointer); !ok {
		return r
	}
	for _, instr := range *refs {
		call, ok := instr.(ssa.CallInstruction)
		if !ok {
			continue
		}
		obj, recv, args := callee(call.Common())
		if w, ok := modelWrites(e, obj, recv, args, mi); ok {
			r = Union(r, w)
			continue
		}
		if obj != nil && obj.Pkg() != nil {
			switch obj.Pkg().Path() {
			case "fmt", "log", "log/slog", "errors", "testing", "reflect", "sort", "slices":
				continue
			}
		}
		r = Union(r, of(NonConstant, describe(mi.X)+" as filled by "+calleeName(obj, call.Common())+"(...)"))
	}
	return r
}

// callResult is the origin of result idx of a call.
func (e *engine) callResult(c *ssa.CallCommon, idx int) Value {
	if b, ok := c.Value.(*ssa.Builtin); ok {
		if b.Name() == "append" && len(c.Args) == 2 {
			x, y := e.eval(c.Args[0]), e.eval(c.Args[1])
			if x.Listed && y.Listed {
				return withElems(append(slices.Clip(x.Elems), y.Elems...))
			}
			if x.Listed && !y.Listed && isSlice(c.Args[1].Type()) {
				y.Spread = true
				return withElems(append(slices.Clip(x.Elems), y))
			}
			return Union(x.Flatten(), y.Flatten())
		}
		return of(NonConstant, b.Name()+"(...)")
	}
	obj, recv, args := callee(c)
	// The client's sanitisers win over the engine's models, which see
	// os.Executable as non-constant.
	if obj != nil && e.cfg.Sanitiser != nil && e.cfg.Sanitiser(obj) {
		return Value{Origin: Sanitised}
	}
	if r, ok := e.model(obj, recv, args, idx, c); ok {
		return r
	}
	if isExternalSource(obj) {
		if recv != nil {
			return of(External, describe(recv)+"."+obj.Name()+"(...)")
		}
		return of(External, calleeName(obj, c)+"(...)")
	}
	if c.IsInvoke() && e.cfg.ConventionalResult != nil && e.cfg.ConventionalResult(c.Method) {
		return e.conventionalResult(c, idx)
	}
	if fn := c.StaticCallee(); fn != nil {
		if s := e.summaryOf(fn); s != nil && idx < len(s.Results) {
			// Not judged at an instruction: a check of a variable
			// the callee captures counts only where its sinks are
			// judged (see capturedFieldAt), and results are kept.
			outer := e.at
			e.at = nil
			args := calleeArgs(c, fn)
			r := e.subst(c, s.Results[idx], args, e.evalArgs(args))
			e.at = outer
			if !r.Origin.Safe() && r.Culprit == "" {
				r.Culprit = calleeName(obj, c) + "(...)"
			}
			return r
		}
	}
	return of(NonConstant, calleeName(obj, c)+"(...)")
}

// conventionalResult is the origin of result idx of c, a call of an
// interface method whose result is conventionally constant text (see
// Config.ConventionalResult): what the implementations in sight return
// for c's operands, constant text when they return nothing else.
func (e *engine) conventionalResult(c *ssa.CallCommon, idx int) Value {
	r := unknownConstant
	args := append([]ssa.Value{c.Value}, c.Args...)
	for _, m := range e.textImplementations(c.Method) {
		if e.summarizing(m) {
			continue
		}
		s := e.importFact(m)
		if s == nil || idx >= len(s.Results) {
			continue
		}
		outer := e.at
		e.at = nil
		v := e.subst(c, s.Results[idx], args, e.evalArgs(args))
		e.at = outer
		if !v.Origin.Safe() && v.Culprit == "" {
			v.Culprit = Name(m) + "(...)"
		}
		r = Union(r, v)
	}
	return r
}

// textImplementations returns the methods declared in the package or its
// direct imports that implement interface method m, in a stable order.
func (e *engine) textImplementations(m *types.Func) []*types.Func {
	if ms, ok := e.textImpls[m]; ok {
		return ms
	}
	var ms []*types.Func
	if recv := m.Signature().Recv(); recv != nil {
		if it, ok := recv.Type().Underlying().(*types.Interface); ok {
			for _, p := range append([]*types.Package{e.pass.Pkg}, e.pass.Pkg.Imports()...) {
				for c := range concreteMethods(p) {
					if c.Name() == m.Name() && types.Implements(c.Signature().Recv().Type(), it) {
						ms = append(ms, c)
					}
				}
			}
		}
	}
	e.textImpls[m] = ms
	return ms
}

// subst is Subst for call c with operands args, whose origins are argv: a
// field of a parameter takes the origin of that field of the operand, as
// written before the call (what the callee writes there it sees itself).
func (e *engine) subst(c *ssa.CallCommon, v Value, args []ssa.Value, argv []Value) Value {
	return subst(v, argv, func(p int, path []int) Value {
		outer := e.calling
		e.calling = c
		defer func() { e.calling = outer }()
		name := describe(args[p])
		t := args[p].Type()
		if capturedVar(args[p]) && isStructPointer(deref(t)) {
			// What a closure made or called at e.at reads of
			// the struct a variable it captures points to.
			for st, k := deref(t), 0; k < len(path) && st != nil; k++ {
				name = selectField(name, fieldName(st, path[k]))
				st = fieldType(st, path[k:k+1])
			}
			return e.capturedFieldAt(args[p], path, name)
		}
		for _, i := range path {
			name = selectField(name, fieldName(t, i))
			if t = fieldType(t, []int{i}); t == nil {
				return argv[p]
			}
		}
		return e.field(args[p], path, name)
	})
}

// capturedFieldAt is the origin of field path of the struct that x, a
// variable captured by a closure made or called at e.at, points to
// there: constant when every path to e.at checked that field against an
// allow list and nothing may have written it since.
func (e *engine) capturedFieldAt(x ssa.Value, path []int, name string) Value {
	var fn *ssa.Function
	switch x := x.(type) {
	case *ssa.Alloc:
		fn = x.Parent()
	case *ssa.FreeVar:
		fn = x.Parent()
	}
	if at := e.at; at != nil && fn != nil && at.Parent() == fn && len(path) <= maxPath {
		f := varField{x, pathKey(path), true}
		if len(e.guardsOf(fn).fields[f]) > 0 && e.checkedRead(fn, at, at, f, path, false) {
			return unknownConstant
		}
	}
	return e.varField(x, path, name)
}

func (e *engine) evalArgs(args []ssa.Value) []Value {
	vs := make([]Value, len(args))
	for i, a := range args {
		vs[i] = e.eval(a)
	}
	return vs
}

// summaryOf returns the summary of a called function: computed for this
// package, imported from a fact otherwise; nil if there is none.
func (e *engine) summaryOf(fn *ssa.Function) *Summary {
	if o := fn.Origin(); o != nil {
		fn = o
	}
	if fn.Pkg == e.pkg && len(fn.Blocks) > 0 {
		return e.summarize(fn)
	}
	if obj, ok := fn.Object().(*types.Func); ok {
		return e.importFact(obj)
	}
	return nil
}

func (e *engine) importFact(obj types.Object) *Summary {
	if obj == nil {
		return nil
	}
	if s, ok := e.imported[obj]; ok {
		return s
	}
	if obj.Pkg() == e.pass.Pkg {
		// summarize keeps what it computes; a summary asked for while
		// it is being computed stands in for it at that call only.
		if f, ok := obj.(*types.Func); ok {
			if fn := e.funcOf(f); fn != nil {
				return e.summarize(fn)
			}
		}
		return nil
	}
	var s *Summary
	f := e.cfg.NewFact()
	if e.pass.ImportObjectFact(obj, f) {
		s = f.summary()
	}
	e.imported[obj] = s
	return s
}

// resummarize computes once more the summaries that used one still in
// progress, with the first values of those standing in for them, so that
// which sinks a caller sees does not depend on the order the functions
// were summarised in (a method that reaches, through an interface, one
// whose summary was in progress then). Findings already made are not
// made twice (see report).
func (e *engine) resummarize() {
	if len(e.pending) == 0 {
		return
	}
	e.prev = make(map[*ssa.Function]*Summary, len(e.pending))
	for fn := range e.pending {
		e.prev[fn] = e.sums[fn]
		delete(e.sums, fn)
	}
	e.pending = make(map[*ssa.Function]bool)
	// Values and implementations found with the first summaries.
	e.memo = make(map[ssa.Value]Value)
	e.tentMemo = make(map[ssa.Value]tentative)
	e.tentList = nil
	e.impls = make(map[implKey][]*types.Func)
	for _, fn := range e.funcs {
		if _, ok := e.prev[fn]; ok {
			e.summarize(fn)
		}
	}
}

// summarize computes the summary of one of the package's functions, judging
// the sinks it reaches on the way.
func (e *engine) summarize(fn *ssa.Function) *Summary {
	if s, ok := e.sums[fn]; ok {
		if s == nil {
			// Recursion: the function's results are not known yet;
			// its first summary stands in for it in the second pass.
			// A function that calls itself sees its own sinks
			// anyway.
			e.sawPending = e.sawPending || fn != e.current
			if p := e.prev[fn]; p != nil {
				return p
			}
			return &Summary{Results: make([]Value, fn.Signature.Results().Len())}
		}
		if e.pending[fn] {
			e.sawPending = true
		}
		return s
	}
	outer, caller := e.sawPending, e.current
	e.sawPending, e.current = false, fn
	defer func() {
		if e.sawPending {
			e.pending[fn] = true
		}
		e.sawPending = e.sawPending || outer
		e.current = caller
	}()
	e.sums[fn] = nil
	if e.pruned != nil && fn.Synthetic == "" {
		if obj, ok := fn.Object().(*types.Func); ok && e.pruned.stubbed[obj] {
			e.incomplete = true
		}
	}
	s := &Summary{}
	n := fn.Signature.Results().Len()
	if n > 0 {
		s.Results = make([]Value, n)
		seen := false
		defers := slices.ContainsFunc(fn.Blocks, func(b *ssa.BasicBlock) bool {
			return slices.ContainsFunc(b.Instrs, func(i ssa.Instruction) bool { _, ok := i.(*ssa.Defer); return ok })
		})
		for _, b := range fn.Blocks {
			ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
			if !ok || len(ret.Results) != n {
				continue
			}
			// A result checked against an allow list on every
			// path to this return, or replaced by constant text
			// when it fails the check, is constant text here: the
			// caller of a helper that normalises its parameter
			// (if d != "asc" && d != "desc" { d = "asc" }; return d)
			// gets checked text, as it would inline. Every return
			// must be so for the result to be. A function that
			// defers calls may change its named results after the
			// check (defer func() { clause += " " + raw }()): its
			// results are taken as they are.
			rs := e.evalArgs(ret.Results)
			if !defers {
				rs = e.evalGuarded(fn, ret, ret.Results, false)
			}
			for i, r := range rs {
				if !seen {
					s.Results[i] = r
				} else {
					s.Results[i] = Union(s.Results[i], r)
				}
			}
			seen = true
		}
		if !seen {
			for i := range s.Results {
				s.Results[i] = of(NonConstant, "")
			}
		}
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if e.idle {
				continue
			}
			switch instr := instr.(type) {
			case ssa.CallInstruction:
				e.scanCall(fn, instr, s)
			case *ssa.MakeClosure:
				e.scanClosure(fn, instr, s)
			}
		}
	}
	e.sums[fn] = s
	return s
}

// scanCall judges the sinks a call reaches: the call itself, or sinks
// inside the functions it may call.
func (e *engine) scanCall(fn *ssa.Function, call ssa.CallInstruction, s *Summary) {
	c := call.Common()
	obj, _, args := callee(c)
	if e.cfg.Sink != nil {
		if k := e.sinkAt(call, obj, args); k != nil {
			site := e.directSite(fn, call, k)
			e.decide(fn, c.Pos(), site, s, e.where(c.Pos()))
			// What the sink does with the text inside (pgxpool's
			// Exec passing it to Conn.Exec, and on) is the same
			// fault again, told in the library's terms.
			return
		}
		if c.IsInvoke() && e.cfg.SinkObject != nil {
			// q.Query(text), q a Querier of the package's own
			// that *sql.DB implements: judged as the first such
			// sink, in a stable order, and named by the method
			// called, since q may hold any of them.
			for _, m := range e.sinkImplementations(c.Method) {
				if k := e.cfg.Sink(m, args); k != nil {
					named := *k
					if recv := c.Method.Signature().Recv(); recv != nil && types.Unalias(recv.Type()) != recv.Type().Underlying() {
						// Named unless the interface is a literal,
						// whose text is too long for a message.
						named.Callee = Name(c.Method)
					}
					site := e.directSite(fn, call, &named)
					e.decide(fn, c.Pos(), site, s, e.where(c.Pos()))
					return
				}
			}
		}
	}
	for _, t := range e.targets(c) {
		if len(t.sum.Sinks) == 0 {
			continue
		}
		e.judgeSummary(fn, call, c, c.Pos(), t, s)
	}
}

// sinkAt asks the client whether call, of callee with operands args, is a
// sink: through SinkCall when the client gives it.
func (e *engine) sinkAt(call ssa.CallInstruction, callee types.Object, args []ssa.Value) *Sink {
	if e.cfg.SinkCall != nil {
		return e.cfg.SinkCall(call, callee, args)
	}
	return e.cfg.Sink(callee, args)
}

// judgeSummary judges, at instruction at of fn (reported at pos), the
// sinks of t's summary with t's operands: those of call c, or what a
// closure made at at captures (c nil).
func (e *engine) judgeSummary(fn *ssa.Function, at ssa.Instruction, c *ssa.CallCommon, pos token.Pos, t target, s *Summary) {
	outer := e.at
	e.at = at
	defer func() { e.at = outer }()
	argv := e.evalGuarded(fn, at, t.args, false)
	var optv []Value // argv with the caller's option checks
	if e.cfg.OptionChecks {
		optv = e.evalGuarded(fn, at, t.args, true)
	}
	for _, su := range t.sum.Sinks {
		site := &Site{Kind: su.Kind, Callee: su.Callee, Where: su.Where, Extra: su.Extra, Via: joinVia(t.name, su.Via)}
		for _, a := range su.Args {
			site.Args = append(site.Args, e.subst(c, a, t.args, argv))
		}
		if optv != nil {
			// A value checked on the way, by the callee or by
			// this caller, is checked at the sink.
			checked := su.Checked
			if len(checked) != len(su.Args) {
				checked = su.Args
			}
			for _, a := range checked {
				site.Checked = append(site.Checked, e.substChecked(c, a, t.args, argv, optv))
			}
		}
		e.decide(fn, pos, site, s, su.Where)
	}
}

// substChecked is subst for a summarised sink's operand, with the
// caller's checked arguments optv when the operand is exactly a parameter
// (git(args ...string) running exec.Command("git", args...)), and its
// plain arguments argv otherwise: a value the callee changes
// (strings.Fields, TrimSpace, a part of it) may start with "-" although
// the caller's did not, and the engine does not tell a parameter stored
// unchanged in a slice from one changed on the way.
func (e *engine) substChecked(c *ssa.CallCommon, v Value, args []ssa.Value, argv, optv []Value) Value {
	if v.Param != 0 && len(v.Path) == 0 {
		return e.subst(c, v, args, optv)
	}
	return e.subst(c, v, args, argv)
}

// directSite is the site of a sink called by call, in fn.
func (e *engine) directSite(fn *ssa.Function, call ssa.CallInstruction, k *Sink) *Site {
	site := &Site{Kind: k.Kind, Callee: k.Callee, Extra: k.Extra, Args: e.evalGuarded(fn, call, k.Args, false)}
	if e.cfg.OptionChecks {
		site.Checked = e.evalGuarded(fn, call, k.Args, true)
	}
	return site
}

// target is a function a call may reach, with the call's operands in the
// order of its parameters.
type target struct {
	name string
	sum  *Summary
	args []ssa.Value
}

func (e *engine) targets(c *ssa.CallCommon) []target {
	if c.IsInvoke() {
		var ts []target
		for _, m := range e.implementations(c.Method, namedPkg(c.Value.Type())) {
			if s := e.importFact(m); s != nil {
				ts = append(ts, target{Name(m), s, append([]ssa.Value{c.Value}, c.Args...)})
			}
		}
		return ts
	}
	fn := c.StaticCallee()
	if fn == nil {
		return nil
	}
	s := e.summaryOf(fn)
	if s == nil {
		return nil
	}
	if _, ok := c.Value.(*ssa.MakeClosure); ok && e.escapes[fn] {
		// A closure also handed on: its sinks were judged where it
		// was made (see scanClosure), and its parameters are not
		// followed.
		return nil
	}
	return []target{{funcName(fn), s, calleeArgs(c, fn)}}
}

// calleeArgs returns the operands of call c in the order of the parameters
// of the summary of fn, its static callee. A method value, run := r.run,
// has the method's summary, whose first parameter is the receiver the
// value is bound to; a closure called where it is made has parameters for
// the variables it captures after its own (see captured).
func calleeArgs(c *ssa.CallCommon, fn *ssa.Function) []ssa.Value {
	mc, ok := c.Value.(*ssa.MakeClosure)
	if !ok {
		return c.Args
	}
	if len(mc.Bindings) == 1 && strings.HasSuffix(fn.Name(), "$bound") {
		return append([]ssa.Value{mc.Bindings[0]}, c.Args...)
	}
	return append(slices.Clip(c.Args), mc.Bindings...)
}

// scanClosure judges, where closure mc is made in fn, the
// sinks its captured variables reach when it is handed on (to a function
// that runs it later, a goroutine, a variable), and so may run anywhere:
// the closure's summary substitutes what mc binds for its free
// variables, its own parameters being of unknown origin. A closure only
// called where it is made is judged at each of those calls instead, with
// its arguments too (see calleeArgs), never at both.
func (e *engine) scanClosure(fn *ssa.Function, mc *ssa.MakeClosure, s *Summary) {
	clo, ok := mc.Fn.(*ssa.Function)
	if !ok || clo.Parent() == nil || !e.escapes[clo] {
		return
	}
	sum := e.summaryOf(clo)
	if sum == nil || len(sum.Sinks) == 0 {
		return
	}
	// The closure's own parameters are not followed where it runs
	// (see param): its Parameters stand for themselves.
	args := make([]ssa.Value, 0, len(clo.Params)+len(mc.Bindings))
	for _, p := range clo.Params {
		args = append(args, p)
	}
	args = append(args, mc.Bindings...)
	e.judgeSummary(fn, mc, nil, mc.Pos(), target{funcName(clo), sum, args}, s)
}

// decide applies the client's verdict on a site found in fn.
func (e *engine) decide(fn *ssa.Function, pos token.Pos, site *Site, s *Summary, where string) {
	d := e.cfg.Judge(site)
	if d.Defer && s != nil {
		deps := false
		for _, a := range site.Args {
			deps = deps || a.DependsOnParams()
		}
		if deps {
			su := SinkUse{Kind: site.Kind, Callee: site.Callee, Where: where, Via: site.Via, Extra: site.Extra, Args: site.Args}
			if len(site.Checked) == len(site.Args) {
				su.Checked = site.Checked
			}
			long := viaElided(su.Via)
			for _, old := range s.Sinks {
				if old.Kind != su.Kind || old.Callee != su.Callee {
					continue
				}
				if !long && old.Where == su.Where && old.Via == su.Via {
					return
				}
				if long && old.Extra == su.Extra && e.covers(&old, &su) {
					return
				}
			}
			s.Sinks = append(s.Sinks, su)
			return
		}
	}
	if d.Message != "" {
		e.report(pos, d, site, "")
	}
}

// covers reports whether sink use b, of the same kind, callee and extra
// as a, adds nothing to a summary that has a: whatever a caller passes, b
// is reported only where a is, with no worse origin, and so never named
// (report keeps the first of the sinks a call reaches with the worst
// origin). That holds when their operands are the same, or, for a client
// whose verdict depends only on the origin of the operands joined
// (Config.OriginVerdict), when b's depend on no parameter or field that
// a's do not and are no worse themselves. decide asks only of sinks
// reached along a chain longer than a message names (see joinVia): a
// summary would otherwise hold every sink down a chain of n calls, n² in
// all along the chain, and the chains that differ only in the calls a
// message leaves out would be told apart by nothing.
func (e *engine) covers(a, b *SinkUse) bool {
	if len(a.Args) != len(b.Args) || len(a.Checked) != len(b.Checked) {
		return false
	}
	if reflect.DeepEqual(a.Args, b.Args) && reflect.DeepEqual(a.Checked, b.Checked) {
		return true
	}
	if !e.cfg.OriginVerdict || len(a.Args) == 0 {
		return false
	}
	qa, qb := a.Args[0], b.Args[0]
	for i := 1; i < len(a.Args); i++ {
		qa, qb = Concat(qa, a.Args[i]), Concat(qb, b.Args[i])
	}
	if qb.Origin > qa.Origin {
		return false
	}
	for _, p := range qb.Params {
		if !slices.Contains(qa.Params, p) {
			return false
		}
	}
	for _, f := range qb.Fields {
		if !slices.ContainsFunc(qa.Fields, func(g FieldRef) bool { return f.compare(g) == 0 }) {
			return false
		}
	}
	return true
}

// report reports d at the call at pos: once for each sink a call reaches,
// however many paths through helpers lead there. A helper that reaches
// one sink along several chains (each level calling the next twice) would
// otherwise report the call once per chain, and the chains can be many.
// Findings that differ in distinct are kept apart: each sink a registered
// handler's request reaches is a fault of its own (checkForeignHandlers).
//
// Of the chains, the one kept is the first whose text has the most
// dangerous origin: a path where the text is external input wins over one
// where it is only non-constant.
func (e *engine) report(pos token.Pos, d Decision, site *Site, distinct string) {
	f := Finding{Pos: pos, End: pos, Message: d.Message, Category: d.Category}
	key := strings.Join([]string{strconv.Itoa(int(pos)), site.Kind, site.Callee, d.Category, distinct}, "\x00")
	worst := Constant
	for _, a := range site.Args {
		worst = max(worst, a.Origin)
	}
	if r, ok := e.reported[key]; ok {
		if worst > r.origin {
			e.findings[r.index].Message = d.Message
			e.reported[key] = reported{r.index, worst}
		}
		return
	}
	if call := callAt(e.pass.Files, pos); call != nil {
		f.Pos, f.End = call.Pos(), call.End()
	}
	e.reported[key] = reported{len(e.findings), worst}
	e.findings = append(e.findings, f)
}

// reported is a finding made, by its index in engine.findings, and the
// origin of the text it is about.
type reported struct {
	index  int
	origin Origin
}

// where renders a position as "pkg/file.go:LINE", the last element of the
// package's path before the file's name, independent of the machine: a
// caller in another package meets the sink only by this name, and two
// packages often each have a db.go.
func (e *engine) where(pos token.Pos) string {
	p := analysisutil.Position(e.pass.Fset, pos) // as the driver reports it
	if !p.IsValid() {
		return ""
	}
	return path.Base(e.pass.Pkg.Path()) + "/" + filepath.Base(p.Filename) + ":" + strconv.Itoa(p.Line)
}

// exported reports whether fn's summary may be worth exporting: fn is one
// of ownExported's, with a result that holds text, or a checking helper's
// result (see exportFacts).
func (e *engine) exported(fn *ssa.Function) bool {
	obj, ok := e.ownExported(fn)
	return ok && (textResult(obj) || checkResult(obj))
}

// textResult reports whether one of f's results holds text.
func textResult(f *types.Func) bool {
	results := f.Signature().Results()
	for i := range results.Len() {
		if holdsText(results.At(i).Type()) {
			return true
		}
	}
	return false
}

// ownExported returns the function or method fn declares, if it is one of
// the package's own, written in its source and exported: the ones other
// packages may call and learn facts of.
func (e *engine) ownExported(fn *ssa.Function) (*types.Func, bool) {
	obj, ok := fn.Object().(*types.Func)
	if !ok || obj.Pkg() != e.pass.Pkg || fn.Synthetic != "" || !obj.Exported() {
		return nil, false
	}
	return obj, true
}

// exportFacts exports the summaries worth exporting: of functions and of
// package-level variables with a known origin.
func (e *engine) exportFacts() {
	fns := make([]*ssa.Function, 0, len(e.sums))
	for fn := range e.sums {
		fns = append(fns, fn)
	}
	sort.Slice(fns, func(i, j int) bool {
		return fns[i].Pos() < fns[j].Pos() || fns[i].Pos() == fns[j].Pos() && fns[i].String() < fns[j].String()
	})
	for _, fn := range fns {
		s := e.sums[fn]
		obj, ok := e.ownExported(fn)
		if !ok || s == nil {
			continue
		}
		// Only results that hold text are worth carrying; callers treat
		// the others as unknown, which is what NonConstant says.
		out := Summary{Sinks: s.Sinks, Results: slices.Clone(s.Results)}
		results := obj.Signature().Results()
		for i := range out.Results {
			if !holdsText(results.At(i).Type()) {
				out.Results[i] = Value{Origin: NonConstant}
			}
		}
		// What a checking helper checks (computed by run), for
		// callers of other packages to take its true (or nil) result
		// for the check, as callers in this package do.
		out.checks = e.helpers[fn]
		if !out.interesting() {
			continue
		}
		f := e.cfg.NewFact()
		*f.summary() = out
		e.pass.ExportObjectFact(obj, f)

	}
	scope := e.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		v, ok := scope.Lookup(name).(*types.Var)
		if !ok || !v.Exported() {
			continue
		}
		g, ok := e.pkg.Members[name].(*ssa.Global)
		if !ok {
			continue
		}
		if !holdsText(v.Type()) {
			continue
		}
		r := e.global(g)
		if r.Origin >= NonConstant || r.DependsOnParams() {
			continue
		}
		f := e.cfg.NewFact()
		f.summary().Results = []Value{r}
		e.pass.ExportObjectFact(v, f)
	}
}

func constIndex(c *ssa.Const) (int, bool) {
	if c.Value == nil {
		return 0, false
	}
	i, err := strconv.Atoi(c.Value.ExactString())
	return i, err == nil && i >= 0
}

// exportsText reports whether pkg declares what exportFacts may export a
// fact about when no call reaches a sink: an exported function or method
// with a result that holds text or that may be a checking helper's
// (checkResult), or an exported variable that holds text.
func exportsText(pkg *types.Package) bool {
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		switch obj := scope.Lookup(name).(type) {
		case *types.Func:
			if obj.Exported() && (textResult(obj) || checkResult(obj)) {
				return true
			}
		case *types.Var:
			if obj.Exported() && holdsText(obj.Type()) {
				return true
			}
		case *types.TypeName:
			if obj.IsAlias() {
				continue
			}
			if named, ok := obj.Type().(*types.Named); ok {
				for m := range named.Methods() {
					if m.Exported() && (textResult(m) || checkResult(m)) {
						return true
					}
				}
			}
		}
	}
	return false
}

// holdsText reports whether a variable of type t holds text: a string, or a
// slice, array or map of strings.
func holdsText(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0
	case *types.Slice:
		return holdsText(u.Elem())
	case *types.Array:
		return holdsText(u.Elem())
	case *types.Map:
		return holdsText(u.Elem())
	}
	return false
}
