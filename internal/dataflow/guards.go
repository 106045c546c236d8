package dataflow

import (
	goconstant "go/constant"
	"go/token"
	"go/types"
	"regexp/syntax"
	"strings"
	"unicode"

	"golang.org/x/tools/go/ssa"
)

// A guard is a branch that a value takes only when it passed an allow
// list: a comparison with a constant, a lookup in an unexported package
// map filled with constant keys (see constantKeys), a constant list's
// slices.Contains, a whole-string regexp match of identifier characters. Text checked so is safe wherever every path to
// it went through such a branch, as in
//
//	if !allowedSort[col] {
//		return errBadSort
//	}
//	db.Query("SELECT * FROM users ORDER BY " + col)
//
// and in the body of a switch on col whose default returns. A value that
// fails the check and is replaced by constant text (a phi of the checked
// value and the constant, see checkedOrFallback) is safe too, and so is a
// field of a variable read again after its check (see fieldguards.go).

// guardEdge is a branch of an If: the successor Succs[succ] of block.
type guardEdge struct {
	block *ssa.BasicBlock
	succ  int
	// option: the check only rejects text starting with "-", which keeps
	// a command's argument from being read as an option (see
	// Site.Checked).
	option bool
	// checked is the value the If checks.
	checked ssa.Value
}

// fnGuards are the checks of one function: by the value checked, and by
// the field of a variable it was read from (see fieldOfVar), since each
// reading of req.Sort is a value of its own.
type fnGuards struct {
	vals   map[ssa.Value][]guardEdge
	fields map[varField][]guardEdge
}

// guardsOf returns, for each value of fn that some If checks against an
// allow list, the branches taken only when the check passed.
func (e *engine) guardsOf(fn *ssa.Function) *fnGuards {
	if g, ok := e.guards[fn]; ok {
		return g
	}
	g := &fnGuards{}
	for _, b := range fn.Blocks {
		if len(b.Instrs) == 0 || len(b.Succs) != 2 {
			continue
		}
		br, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		for _, c := range e.checksOf(br.Cond) {
			ge := guardEdge{b, c.succ, c.option, c.v}
			if g.vals == nil {
				g.vals = make(map[ssa.Value][]guardEdge)
			}
			g.vals[c.v] = append(g.vals[c.v], ge)
			if f, _, _, isField := e.fieldOfVar(c.v); isField {
				if g.fields == nil {
					g.fields = make(map[varField][]guardEdge)
				}
				g.fields[f] = append(g.fields[f], ge)
			}
		}
	}
	if len(g.vals) > 0 {
		e.splitChecks(g)
	}
	e.guards[fn] = g
	return g
}

// guardedAt returns the values of fn that args are built from and that
// every path from fn's entry to instruction at checks against an allow
// list on the way, or nil. A reading of a field of a variable counts when
// every path to it checked the same field and nothing wrote it since (see
// checkedRead); so does a variable captured by a closure, as at reads it,
// and a reading of one inside the closure.
func (e *engine) guardedAt(fn *ssa.Function, at ssa.Instruction, args []ssa.Value, option bool) map[ssa.Value]bool {
	b := at.Block()
	guards := e.guardsOf(fn)
	if b == nil || len(fn.Blocks) == 0 || len(guards.vals) == 0 {
		return nil
	}
	var out map[ssa.Value]bool
	vals, exact := e.builtFrom(fn, args, guards)
	for _, v := range vals {
		// An option check counts only for text that keeps its start.
		option := option && exact[v]
		ok := false
		if _, checked := guards.vals[v]; checked {
			ok = !e.reachableUnchecked(fn, v, option)[b]
		}
		if f, path, first, isField := e.fieldOfVar(v); !ok && isField && len(guards.fields[f]) > 0 {
			ok = e.checkedRead(fn, v.(ssa.Instruction), first, f, path, option)
		}
		if a, isAlloc := v.(*ssa.Alloc); !ok && isAlloc {
			// A variable that a closure made or called at at
			// captures: what it holds there.
			if f := (varField{a, "", true}); len(guards.fields[f]) > 0 {
				ok = e.checkedRead(fn, at, at, f, nil, option)
			}
		}
		if phi, isPhi := v.(*ssa.Phi); !ok && isPhi {
			ok = e.checkedOrFallback(fn, phi, option)
		}
		if ok {
			if out == nil {
				out = make(map[ssa.Value]bool)
			}
			out[v] = true
		}
	}
	return out
}

// builtFrom returns the values that args are built from within fn and
// that guards check, directly or as a field of a variable, following
// operands (at most maxCone of them). exact holds those that args hold
// unchanged or at their start (the left of a concatenation, an element of
// a list of arguments), through phis, on every way to them: a check of a
// leading "-" says nothing of text made from the value otherwise
// (v[1:], strings.TrimSpace(v)), which may start with "-" again.
func (e *engine) builtFrom(fn *ssa.Function, args []ssa.Value, guards *fnGuards) (out []ssa.Value, exact map[ssa.Value]bool) {
	const maxCone = 4096
	type item struct {
		v     ssa.Value
		exact bool
	}
	seen := make(map[item]bool)
	found := make(map[ssa.Value]bool)
	inexact := make(map[ssa.Value]bool)
	var work []item
	for _, a := range args {
		work = append(work, item{a, true})
	}
	var ops []*ssa.Value
	for len(work) > 0 && len(seen) < maxCone {
		it := work[len(work)-1]
		work = work[:len(work)-1]
		v := it.v
		if v == nil || seen[it] {
			continue
		}
		seen[it] = true
		if !it.exact {
			inexact[v] = true
		}
		if !found[v] {
			if _, ok := guards.vals[v]; ok {
				found[v] = true
			} else if f, _, _, ok := e.fieldOfVar(v); ok && len(guards.fields[f]) > 0 {
				found[v] = true
			} else if _, ok := v.(*ssa.Phi); ok {
				found[v] = true // maybe a fallback: see checkedOrFallback
			} else if a, ok := v.(*ssa.Alloc); ok && len(guards.fields[varField{a, "", true}]) > 0 {
				found[v] = true // a captured variable, checked before
			}
			if found[v] {
				out = append(out, v)
			}
		}
		in, ok := v.(ssa.Instruction)
		if !ok || in.Parent() != fn {
			continue
		}
		if a, ok := v.(*ssa.Alloc); ok {
			// What is stored in it, or in its elements and fields:
			// the arguments of a variadic call.
			for _, x := range storedIn(a) {
				work = append(work, item{x, it.exact})
			}
		}
		ops = in.Operands(ops[:0])
		for i, op := range ops {
			if *op == nil {
				continue
			}
			keep := false
			if it.exact {
				switch v := v.(type) {
				case *ssa.Phi, *ssa.ChangeType:
					keep = true
				case *ssa.Slice:
					_, keep = v.X.(*ssa.Alloc) // a list of arguments
					keep = keep && i == 0
				case *ssa.BinOp:
					keep = v.Op == token.ADD && i == 0 && isString(v.Type())
				}
			}
			work = append(work, item{*op, keep})
		}
	}
	exact = make(map[ssa.Value]bool, len(out))
	for _, v := range out {
		exact[v] = !inexact[v]
	}
	return out, exact
}

// checkedOrFallback reports whether each value a phi can take is checked
// on the way in, or a fallback that replaces a value failing the check,
// as in
//
//	if dir != "asc" && dir != "desc" {
//		dir = "asc"
//	}
//
// A fallback is constant text or, for a check of a leading "-" (option),
// text that starts with constant text other than "-" ("./"+name).
func (e *engine) checkedOrFallback(fn *ssa.Function, phi *ssa.Phi, option bool) bool {
	guards := e.guardsOf(fn)
	blk := phi.Block()
	checked := false
	for i, x := range phi.Edges {
		if i >= len(blk.Preds) {
			return false
		}
		pred := blk.Preds[i]
		if _, ok := guards.vals[x]; ok && e.checkedOnEdge(fn, x, pred, blk, option) {
			checked = true
			continue
		}
		if !e.fallback(x, option) {
			return false
		}
	}
	return checked
}

// checkedOnEdge reports whether every path from fn's entry along the edge
// from pred to succ checks v.
func (e *engine) checkedOnEdge(fn *ssa.Function, v ssa.Value, pred, succ *ssa.BasicBlock, option bool) bool {
	if !e.reachableUnchecked(fn, v, option)[pred] {
		return true
	}
	for i, s := range pred.Succs {
		if s != succ {
			continue
		}
		guarded := false
		for _, g := range e.guardsOf(fn).vals[v] {
			guarded = guarded || g.block == pred && g.succ == i && (option || !g.option)
		}
		if !guarded {
			return false
		}
	}
	return true
}

// fallback reports whether x is a value that may replace one failing a
// check: constant text, or, for an option check, text that starts with
// constant text that is not an option or a setting.
func (e *engine) fallback(x ssa.Value, option bool) bool {
	if e.readsVariable(x) {
		return false
	}
	v := e.eval(x)
	if v.Origin == Constant && !v.DependsOnParams() {
		return true
	}
	lead := v.Lead()
	return option && lead != "" && !strings.HasPrefix(lead, "-") && !strings.Contains(lead, "=")
}

// readsVariable reports whether x is built from a package variable that
// may hold other than its initial value: one of another package, an
// exported one (other packages may set it), or one the package sets
// outside its initialiser. The engine takes such a variable for the join
// of what the package stores in it, which is no constant fallback.
func (e *engine) readsVariable(x ssa.Value) bool {
	seen := make(map[ssa.Value]bool)
	work := []ssa.Value{x}
	var ops []*ssa.Value
	for len(work) > 0 && len(seen) < 256 {
		v := work[len(work)-1]
		work = work[:len(work)-1]
		if v == nil || seen[v] {
			continue
		}
		seen[v] = true
		if g, ok := v.(*ssa.Global); ok {
			if g.Pkg != e.pkg || g.Object() == nil || g.Object().Exported() {
				return true
			}
			for _, in := range e.globals[g] {
				if st, ok := in.(*ssa.Store); ok && st.Parent().Name() != "init" {
					return true
				}
			}
			continue
		}
		in, ok := v.(ssa.Instruction)
		if !ok {
			continue
		}
		for _, op := range in.Operands(ops[:0]) {
			work = append(work, *op)
		}
	}
	return len(seen) >= 256
}

// storedIn returns the values stored in a, its elements or its fields.
func storedIn(a *ssa.Alloc) []ssa.Value {
	var out []ssa.Value
	var store func(addr ssa.Value)
	store = func(addr ssa.Value) {
		if addr.Referrers() == nil {
			return
		}
		for _, r := range *addr.Referrers() {
			switch r := r.(type) {
			case *ssa.Store:
				if r.Addr == addr {
					out = append(out, r.Val)
				}
			case *ssa.IndexAddr:
				store(r)
			case *ssa.FieldAddr:
				store(r)
			}
		}
	}
	store(a)
	return out
}

// reachableUnchecked returns the blocks of fn that can be reached from its
// entry without passing a check of v (an allow list, or with option set
// also a rejection of a leading "-"), computed once for each value.
func (e *engine) reachableUnchecked(fn *ssa.Function, v ssa.Value, option bool) map[*ssa.BasicBlock]bool {
	key := guardKey{fn, v, option}
	if r, ok := e.unchecked[key]; ok {
		return r
	}
	skip := make(map[edge]bool)
	for _, g := range e.guardsOf(fn).vals[v] {
		if option || !g.option {
			skip[edge{g.block, g.succ}] = true
		}
	}
	seen := map[*ssa.BasicBlock]bool{fn.Blocks[0]: true}
	work := []*ssa.BasicBlock{fn.Blocks[0]}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		for i, s := range b.Succs {
			if !skip[edge{b, i}] && !seen[s] {
				seen[s] = true
				work = append(work, s)
			}
		}
	}
	e.unchecked[key] = seen
	return seen
}

type guardKey struct {
	fn     *ssa.Function
	v      ssa.Value
	option bool
}

type edge struct {
	block *ssa.BasicBlock
	succ  int
}

// check is a value a condition checks: the branch succ is taken only by
// allowed values, or with option, by values that do not start with "-".
type check struct {
	v      ssa.Value
	succ   int
	option bool
}

// checksOf returns the values cond checks: itself, or through a helper
// of the package (see helperChecks).
func (e *engine) checksOf(cond ssa.Value) []check {
	if v, succ, ok := e.allowCheck(cond); ok {
		return []check{{v, succ, false}}
	}
	if v, succ, ok := optionCheck(cond); ok {
		return []check{{v, succ, true}}
	}
	return e.helperCheck(cond)
}

// optionCheck recognises strings.HasPrefix(v, "-") and v[0] == '-',
// which hold for the values a command would read as options, and
// strings.HasPrefix(v, P) for constant P not starting with "-", which
// holds for none of them, and returns the branch that only other values
// take. (v[0] panics on empty text, so
// a branch after it is taken only by text that has a first byte.)
func optionCheck(cond ssa.Value) (ssa.Value, int, bool) {
	if v, succ, ok := emptyCheck(cond); ok {
		return v, succ, true
	}
	if c, ok := cond.(*ssa.BinOp); ok && (c.Op == token.EQL || c.Op == token.NEQ) {
		x, y := c.X, c.Y
		if _, isConst := x.(*ssa.Const); isConst {
			x, y = y, x
		}
		ix, isIndex := x.(*ssa.Index)
		k, isConst := y.(*ssa.Const)
		if !isIndex || !isConst || !isString(ix.X.Type()) || !isConstInt(ix.Index, 0) || !isConstInt(k, '-') {
			return nil, 0, false
		}
		if c.Op == token.EQL {
			return ix.X, 1, true
		}
		return ix.X, 0, true
	}
	call, ok := cond.(*ssa.Call)
	if !ok {
		return nil, 0, false
	}
	fn := call.Common().StaticCallee()
	if fn == nil || fn.Object() == nil || fn.Object().Pkg() == nil || fn.Object().Pkg().Path() != "strings" || fn.Name() != "HasPrefix" {
		return nil, 0, false
	}
	args := call.Common().Args
	if k, ok := args[1].(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == goconstant.String {
		switch p := goconstant.StringVal(k.Value); {
		case p == "-":
			return args[0], 1, true
		case p != "" && p[0] != '-':
			// A value that starts with "https://" does not start
			// with "-".
			return args[0], 0, true
		}
	}
	return nil, 0, false
}

// emptyCheck recognises v == "", v != "", len(v) == 0, len(v) != 0 and
// len(v) > 0 for text v, and returns the branch only empty text takes:
// an empty argument is no option, so the check that guards a command's
// argument is often written len(v) > 0 && v[0] == '-'.
func emptyCheck(cond ssa.Value) (ssa.Value, int, bool) {
	c, ok := cond.(*ssa.BinOp)
	if !ok {
		return nil, 0, false
	}
	x, y := c.X, c.Y
	if _, isConst := x.(*ssa.Const); isConst {
		x, y = y, x
		if c.Op == token.GTR || c.Op == token.LSS {
			return nil, 0, false // 0 < len(v) and the like: not worth the cases
		}
	}
	k, isConst := y.(*ssa.Const)
	if !isConst {
		return nil, 0, false
	}
	v := x
	if n, isLen := lenOf(x); isLen {
		if !isConstInt(k, 0) {
			return nil, 0, false
		}
		v = n
	} else if !isEmptyString(k) {
		return nil, 0, false
	}
	if !isString(v.Type()) {
		return nil, 0, false
	}
	switch c.Op {
	case token.EQL:
		return v, 0, true
	case token.NEQ:
		return v, 1, true
	case token.GTR:
		if v != x { // len(v) > 0
			return v, 1, true
		}
	}
	return nil, 0, false
}

// lenOf returns v when x is len(v).
func lenOf(x ssa.Value) (ssa.Value, bool) {
	call, ok := x.(*ssa.Call)
	if !ok {
		return nil, false
	}
	if b, isBuiltin := call.Common().Value.(*ssa.Builtin); isBuiltin && b.Name() == "len" && len(call.Common().Args) == 1 {
		return call.Common().Args[0], true
	}
	return nil, false
}

// allowCheck recognises a condition that holds only for allowed values of
// v, and returns the branch (0 when it holds, 1 when it does not) that
// only such values take.
func (e *engine) allowCheck(cond ssa.Value) (v ssa.Value, succ int, ok bool) {
	switch c := cond.(type) {
	case *ssa.BinOp:
		// col == "asc"; col != "asc" leaves col allowed when it fails.
		if c.Op != token.EQL && c.Op != token.NEQ {
			return nil, 0, false
		}
		x, y := c.X, c.Y
		if _, isConst := x.(*ssa.Const); isConst {
			x, y = y, x
		}
		if k, isConst := y.(*ssa.Const); !isConst || k.Value == nil || isEmptyString(k) {
			// col == v, v an element of a constant list (for _, v
			// := range columns).
			if !isString(x.Type()) {
				return nil, 0, false
			}
			if e.constantElem(y) {
				if _, isConst := x.(*ssa.Const); !isConst && !e.constantElem(x) {
					return x, boolSucc(c.Op == token.NEQ), true
				}
			}
			if e.constantElem(x) {
				if _, isConst := y.(*ssa.Const); !isConst && !e.constantElem(y) {
					return y, boolSucc(c.Op == token.NEQ), true
				}
			}
			return nil, 0, false
		}
		if _, isConst := x.(*ssa.Const); isConst || !isString(x.Type()) {
			// Text only: a byte of it (v[0] == '-') is no allow list.
			return nil, 0, false
		}
		if c.Op == token.NEQ {
			return x, 1, true
		}
		return x, 0, true
	case *ssa.Lookup:
		// allowed[col], a map of booleans.
		if !c.CommaOk && isBool(c.Type()) && e.constantKeys(c.X) {
			return c.Index, 0, true
		}
	case *ssa.Extract:
		// _, ok := allowed[col]
		if l, isLookup := c.Tuple.(*ssa.Lookup); isLookup && c.Index == 1 && e.constantKeys(l.X) {
			return l.Index, 0, true
		}
	case *ssa.Call:
		return e.allowCall(c.Common())
	}
	return nil, 0, false
}

// boolSucc is the branch of an If that a condition's holding (false)
// or failing (true) takes.
func boolSucc(fails bool) int {
	if fails {
		return 1
	}
	return 0
}

// constantElem reports whether x is an element read from a list of
// constant text (list[i], and so the variable of a range over it): a
// list whose origin is constant, as slices.Contains wants, or the list
// parameter of a helper being read as if its caller passed one (see
// listChecks).
func (e *engine) constantElem(x ssa.Value) bool {
	load, ok := x.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return false
	}
	ia, ok := load.X.(*ssa.IndexAddr)
	if !ok {
		return false
	}
	if e.assumedList != nil && ia.X == e.assumedList {
		return true
	}
	if _, isParam := ia.X.(*ssa.Parameter); isParam {
		return false
	}
	return e.fixedList(ia.X)
}

// fixedList reports whether list is an allow list: constant text, not
// read from a package variable that may hold other than its initial value
// (readsVariable: one of another package, an exported one, or one the
// package sets outside its initialiser), whose elements code the engine
// does not see may change.
func (e *engine) fixedList(list ssa.Value) bool {
	v := e.eval(list)
	return v.Origin == Constant && len(v.Params) == 0 && len(v.Fields) == 0 && !e.readsVariable(list)
}

// constantKeys reports whether m is an allow list: a map made in the
// function (allowed := map[string]bool{...}) or an unexported package map
// made by its initialiser, to which the code adds entries only with
// constant keys, and which it passes to nothing else. A map the request
// brings, one that collects what callers sent, or one a function fills
// (json.Decode(&m), maps.Copy) is no allow list.
func (e *engine) constantKeys(m ssa.Value) bool {
	if mm, ok := m.(*ssa.MakeMap); ok {
		return onlyConstantUse(mm, nil)
	}
	load, ok := m.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return false
	}
	g, ok := load.X.(*ssa.Global)
	if !ok || g.Pkg != e.pkg || g.Object() == nil || g.Object().Exported() {
		return false
	}
	if r, ok := e.allowMaps[g]; ok {
		return r
	}
	// Globals keep no referrers: every use is found in the package's
	// functions.
	r := true
	var ops []*ssa.Value
	for _, fn := range e.funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				ops = instr.Operands(ops[:0])
				for _, op := range ops {
					if *op != ssa.Value(g) {
						continue
					}
					switch in := instr.(type) {
					case *ssa.UnOp:
						r = r && in.Op == token.MUL && onlyConstantUse(in, nil)
					case *ssa.Store:
						// Made by the initialiser: var allowed = map[...]{...}.
						mm, isMake := in.Val.(*ssa.MakeMap)
						r = r && in.Addr == g && fn.Name() == "init" && isMake && onlyConstantUse(mm, g)
					default:
						r = false // its address taken: anything may fill it
					}
				}
			}
		}
	}
	e.allowMaps[g] = r
	return r
}

// onlyConstantUse reports whether a map value is only looked up, ranged
// over, given entries with constant keys, or stored in home.
func onlyConstantUse(m ssa.Value, home ssa.Value) bool {
	if m.Referrers() == nil {
		return true
	}
	for _, ref := range *m.Referrers() {
		switch in := ref.(type) {
		case *ssa.Lookup, *ssa.Range, *ssa.DebugRef:
		case *ssa.Store:
			if home == nil || in.Addr != home {
				return false
			}
		case *ssa.MapUpdate:
			if _, isConst := in.Key.(*ssa.Const); !isConst {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// allowCall recognises slices.Contains(list, v) with a constant list,
// strings.EqualFold(v, "x"), and a regexp match of the whole of v against
// identifier characters (re.MatchString(v), regexp.MatchString(p, v)).
func (e *engine) allowCall(c *ssa.CallCommon) (ssa.Value, int, bool) {
	fn := c.StaticCallee()
	if fn == nil {
		return nil, 0, false
	}
	if o := fn.Origin(); o != nil {
		fn = o
	}
	obj := fn.Object()
	if obj == nil || obj.Pkg() == nil {
		return nil, 0, false
	}
	path, name := obj.Pkg().Path(), obj.Name()
	method := fn.Signature.Recv() != nil
	args := c.Args
	switch {
	case path == "slices" && name == "Contains" && len(args) == 2:
		if e.fixedList(args[0]) {
			return args[1], 0, true
		}
	case path == "strings" && name == "EqualFold" && len(args) == 2:
		for i, a := range args {
			if k, isConst := a.(*ssa.Const); isConst && !isEmptyString(k) {
				return args[1-i], 0, true
			}
		}
	case path == "regexp" && !method && name == "MatchString" && len(args) == 2:
		// The package function: MatchString(pattern, s).
		if k, isConst := args[0].(*ssa.Const); isConst && k.Value != nil && k.Value.Kind() == goconstant.String && wholeIdent(goconstant.StringVal(k.Value)) {
			return args[1], 0, true
		}
	case path == "regexp" && method && (name == "MatchString" || name == "Match") && len(args) == 2:
		// The method: its receiver is args[0].
		patterns, ok := e.regexpPatterns(args[0], 0)
		if !ok || len(patterns) == 0 {
			return nil, 0, false
		}
		for _, p := range patterns {
			if !wholeIdent(p) {
				return nil, 0, false
			}
		}
		return args[1], 0, true
	}
	return nil, 0, false
}

// wholeIdent reports whether a regexp matches only whole strings made of
// ASCII letters, digits and underscores: anchored at both ends of the
// text (^ and $ without the m flag, \A and \z), with nothing but such
// characters, classes of them and repetitions between.
func wholeIdent(pattern string) bool {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return false
	}
	re = re.Simplify()
	if re.Op != syntax.OpConcat || len(re.Sub) < 3 {
		return false
	}
	first, last := re.Sub[0], re.Sub[len(re.Sub)-1]
	if first.Op != syntax.OpBeginText || last.Op != syntax.OpEndText {
		return false
	}
	for _, s := range re.Sub[1 : len(re.Sub)-1] {
		if !identOnly(s) {
			return false
		}
	}
	return true
}

// identOnly reports whether every string re matches is made of identifier
// characters.
func identOnly(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpLiteral:
		return identChars(string(re.Rune))
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if !identRange(re.Rune[i], re.Rune[i+1]) {
				return false
			}
		}
		return true
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat, syntax.OpCapture, syntax.OpConcat, syntax.OpAlternate:
		for _, s := range re.Sub {
			if !identOnly(s) {
				return false
			}
		}
		return len(re.Sub) > 0
	case syntax.OpEmptyMatch:
		return true
	}
	return false
}

// carried reports whether v flows into a phi at the head of a loop that
// holds it (prev = col): there the phi may hold the value of an earlier
// pass, which was not checked.
func carried(v ssa.Value) bool {
	in, ok := v.(ssa.Instruction)
	if !ok || v.Referrers() == nil {
		return false
	}
	for _, r := range *v.Referrers() {
		if phi, ok := r.(*ssa.Phi); ok && phi.Block().Dominates(in.Block()) {
			return true
		}
	}
	return false
}

// isConstInt reports whether v is the integer constant n.
func isConstInt(v ssa.Value, n int64) bool {
	k, ok := v.(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != goconstant.Int {
		return false
	}
	i, exact := goconstant.Int64Val(k.Value)
	return exact && i == n
}

func isBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsBoolean != 0
}

func isEmptyString(k *ssa.Const) bool {
	return k.Value == nil || k.Value.Kind() == goconstant.String && goconstant.StringVal(k.Value) == ""
}

// evalGuarded evaluates the operands of instruction at of fn (a call, or
// the making of a closure, whose operands are then what it captures),
// taking the values that allow lists guard there (see guardedAt) as
// constant.
func (e *engine) evalGuarded(fn *ssa.Function, at ssa.Instruction, args []ssa.Value, option bool) []Value {
	vs := e.evalArgs(args)
	safe := true
	for _, v := range vs {
		safe = safe && v.Origin == Constant && len(v.Params) == 0 && len(v.Fields) == 0
	}
	if safe {
		return vs
	}
	g := e.guardedAt(fn, at, args, option)
	for v := range g {
		if carried(v) {
			// A value a phi carries on (prev = col in a loop) may be
			// the one of an earlier pass, which was not checked.
			delete(g, v)
		}
	}
	if len(g) == 0 {
		return vs
	}
	// The guarded values stand for constants here only: evaluate again,
	// apart from what other calls of fn see.
	memo, tentMemo, tentList := e.memo, e.tentMemo, e.tentList
	e.memo = make(map[ssa.Value]Value, len(g))
	for v := range g {
		e.memo[v] = unknownConstant
	}
	e.tentMemo, e.tentList = make(map[ssa.Value]tentative), nil
	vs = e.evalArgs(args)
	e.memo, e.tentMemo, e.tentList = memo, tentMemo, tentList
	return vs
}

// splitChecks adds to g, for text s whose pieces a loop checks one by
// one, a check of s on the loop's exit, as in
//
//	for _, p := range strings.Split(sort, ",") {
//		if !allowedSort[p] {
//			return errBadSort
//		}
//	}
//
// s is then its pieces joined by the constant separator, each allowed:
// safe as they are. It holds only for strings.Split with a constant
// separator (strings.Fields drops white space that the pieces never
// show), for a range over its result that nothing else writes, and when
// every pass from the loop's body back to its head goes through a check
// of the piece itself (not of text made from it, strings.TrimSpace(p)):
// a piece that fails must leave the loop other than by its exit, so
// continue is no check, and a break skips the exit, which is where s
// counts as checked.
func (e *engine) splitChecks(g *fnGuards) {
	var add []guardEdge
	var field []bool
	for p, edges := range g.vals {
		load, ok := p.(*ssa.UnOp)
		if !ok || load.Op != token.MUL {
			continue
		}
		ia, ok := load.X.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		s, ok := splitText(ia.X)
		if !ok {
			continue
		}
		head, exit, ok := rangeHead(ia.X, ia.Index)
		if !ok {
			continue
		}
		checks := make(map[edge]bool)
		for _, ge := range edges {
			if !ge.option {
				checks[edge{ge.block, ge.succ}] = true
			}
		}
		if len(checks) == 0 || !everyPassChecked(head, checks) {
			continue
		}
		add = append(add, guardEdge{head, exit, false, s})
		field = append(field, !writesIn(loopBody(head)))
	}
	for i, ge := range add {
		g.vals[ge.checked] = append(g.vals[ge.checked], ge)
		// A field read again counts as checked unless written between
		// its reading and the check (see writtenAfter), which does not
		// look past the loop's head into its body: the body must write
		// nothing.
		if f, _, _, isField := e.fieldOfVar(ge.checked); isField && field[i] {
			if g.fields == nil {
				g.fields = make(map[varField][]guardEdge)
			}
			g.fields[f] = append(g.fields[f], ge)
		}
	}
}

// plainSeparator reports whether sep, the text between checked pieces, is
// harmless wherever the whole is used: letters, digits and ", .:/+_@=",
// no quote or character a shell or SQL gives a meaning to (";rm -rf /;"
// between allowed pieces runs a command), and not starting with "-" (the
// text starts with the separator where the first piece is empty: an
// option, for a command, that no piece is).
func plainSeparator(sep string) bool {
	if strings.HasPrefix(sep, "-") {
		return false
	}
	for _, r := range sep {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune(", .:/+_@=", r) {
			return false
		}
	}
	return true
}

// splitText returns s when list is strings.Split(s, sep), sep constant
// text, that is only read: its length taken and its elements loaded.
func splitText(list ssa.Value) (ssa.Value, bool) {
	call, ok := list.(*ssa.Call)
	if !ok {
		return nil, false
	}
	fn := call.Common().StaticCallee()
	if fn == nil || fn.Object() == nil || fn.Object().Pkg() == nil || fn.Object().Pkg().Path() != "strings" || fn.Name() != "Split" {
		return nil, false
	}
	args := call.Common().Args
	k, ok := args[1].(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != goconstant.String || !plainSeparator(goconstant.StringVal(k.Value)) {
		return nil, false
	}
	for _, r := range *call.Referrers() {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.Call:
			if _, isLen := lenOf(r); !isLen {
				return nil, false
			}
		case *ssa.IndexAddr:
			for _, rr := range *r.Referrers() {
				switch rr := rr.(type) {
				case *ssa.DebugRef:
				case *ssa.UnOp:
					if rr.Op != token.MUL {
						return nil, false
					}
				default:
					return nil, false
				}
			}
		default:
			return nil, false
		}
	}
	return args[0], true
}

// rangeHead returns the head of the loop that ranges over list with index
// i, as the compiler builds for _, p := range list (i = phi + 1 at the
// head, the phi taking -1 on the way in and i on every other edge, and
// the loop going on while i < len(list)), and the branch of its If taken
// once every index was visited.
func rangeHead(list, i ssa.Value) (*ssa.BasicBlock, int, bool) {
	inc, ok := i.(*ssa.BinOp)
	if !ok || inc.Op != token.ADD || !isConstInt(inc.Y, 1) {
		return nil, 0, false
	}
	phi, ok := inc.X.(*ssa.Phi)
	if !ok || phi.Block() != inc.Block() {
		return nil, 0, false
	}
	entered := false
	for _, x := range phi.Edges {
		switch {
		case x == ssa.Value(inc):
		case isConstInt(x, -1):
			entered = true
		default:
			return nil, 0, false
		}
	}
	head := inc.Block()
	if !entered || len(head.Instrs) == 0 || len(head.Succs) != 2 {
		return nil, 0, false
	}
	br, ok := head.Instrs[len(head.Instrs)-1].(*ssa.If)
	if !ok {
		return nil, 0, false
	}
	cond, ok := br.Cond.(*ssa.BinOp)
	if !ok || cond.Op != token.LSS || cond.X != ssa.Value(inc) {
		return nil, 0, false
	}
	if n, isLen := lenOf(cond.Y); !isLen || n != list {
		return nil, 0, false
	}
	return head, 1, true
}

// loopBody returns the blocks reached from the body of the loop at head
// without passing head again.
func loopBody(head *ssa.BasicBlock) map[*ssa.BasicBlock]bool {
	body := map[*ssa.BasicBlock]bool{head.Succs[0]: true}
	work := []*ssa.BasicBlock{head.Succs[0]}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		for _, s := range b.Succs {
			if s != head && !body[s] {
				body[s] = true
				work = append(work, s)
			}
		}
	}
	return body
}

// writesIn reports whether a block of blocks stores anything or calls
// anything (which may be given a pointer to what it writes).
func writesIn(blocks map[*ssa.BasicBlock]bool) bool {
	for b := range blocks {
		for _, in := range b.Instrs {
			switch in.(type) {
			case *ssa.Store, *ssa.MapUpdate, ssa.CallInstruction:
				return true
			}
		}
	}
	return false
}

// everyPassChecked reports whether every path from the body of the loop
// at head (its If's first successor) back to head takes one of checks.
func everyPassChecked(head *ssa.BasicBlock, checks map[edge]bool) bool {
	body := head.Succs[0]
	if body == head {
		return false
	}
	seen := map[*ssa.BasicBlock]bool{body: true}
	work := []*ssa.BasicBlock{body}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		for i, s := range b.Succs {
			if checks[edge{b, i}] {
				continue
			}
			if s == head {
				return false
			}
			if !seen[s] {
				seen[s] = true
				work = append(work, s)
			}
		}
	}
	return true
}
