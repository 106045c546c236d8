package dataflow

import (
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/microsec-lint/microsec-lint/internal/gomicro"
)

// Checks of struct fields. SSA reads a field anew at each use: in
//
//	if !allowedSort[req.Sort] {
//		return errBadSort
//	}
//	db.Query("SELECT * FROM users ORDER BY " + req.Sort)
//
// the checked req.Sort and the one in the query are two loads of the
// same address. The second is as safe as the first when every path to
// it passed a check of that field of the same variable, and nothing
// could have written the field after the check.

// varField is a field of a variable: field path of the struct base
// points to (mem), or of the struct value base.
type varField struct {
	base ssa.Value
	path string // see pathKey
	mem  bool
}

// fieldOfVar returns the field of a variable that v reads: a load
// *(&x.A.B) or a selection x.A.B of a struct value. Through memory, the
// path goes on through the pointers it loads (x.Page.Sort, Page a
// pointer field) and through the generated getters of protobuf messages
// (x.GetPage().GetSort(), see protoGetter), which read the same fields.
// first is the instruction that reads memory first on the way to v: the
// loading of the outermost pointer (x.Page), or v itself.
func (e *engine) fieldOfVar(v ssa.Value) (f varField, path []int, first ssa.Instruction, ok bool) {
	var x ssa.Value
	mem := false
	switch v := v.(type) {
	case *ssa.UnOp, *ssa.Call:
		mem = true
		x = v
	walk:
		for len(path) <= maxPath {
			switch y := x.(type) {
			case *ssa.UnOp:
				if _, isField := y.X.(*ssa.FieldAddr); y.Op != token.MUL || !isField {
					break walk
				}
				for x = y.X; ; {
					fa, ok := x.(*ssa.FieldAddr)
					if !ok {
						break
					}
					path = append(path, fa.Field)
					x = fa.X
				}
				first = y
			case *ssa.Call:
				recv, i, ok := e.protoGetter(y)
				if !ok {
					break walk
				}
				path = append(path, i)
				x = recv
				first = y
			default:
				break walk
			}
		}
	case *ssa.Field:
		for x = v; ; {
			f, ok := x.(*ssa.Field)
			if !ok {
				break
			}
			path = append(path, f.Field)
			x = f.X
		}
		first = v
	default:
		return varField{}, nil, nil, false
	}
	if len(path) > maxPath {
		return varField{}, nil, nil, false
	}
	if u, ok := x.(*ssa.UnOp); ok && len(path) > 0 && u.Op == token.MUL && capturedVar(u.X) {
		// req.Sort, req a variable captured by a closure, which
		// reads req anew at each use: a field of what it points to.
		x, first = u.X, u
	}
	if len(path) == 0 {
		// A variable captured by a closure is read anew at each use
		// too, in the function that makes the closure and in the
		// closure: the whole of it.
		u, ok := x.(*ssa.UnOp)
		if !mem || !ok || u.Op != token.MUL || !capturedVar(u.X) {
			return varField{}, nil, nil, false
		}
		return varField{u.X, "", true}, nil, u, true
	}
	for i, j := 0, len(path)-1; i < j; i, j = i+1, j-1 {
		path[i], path[j] = path[j], path[i]
	}
	return varField{x, pathKey(path), mem}, path, first, true
}

// fieldAddrOf returns the variable and field path that the address addr
// selects, going through loaded pointers and generated getters as
// fieldOfVar does, and first, the instruction that reads memory first on
// the way (nil when none does: &x.A.B).
func (e *engine) fieldAddrOf(addr ssa.Value) (base ssa.Value, path []int, first ssa.Instruction) {
	x := addr
	for len(path) <= maxPath {
		switch y := x.(type) {
		case *ssa.FieldAddr:
			path = append(path, y.Field)
			x = y.X
			continue
		case *ssa.UnOp:
			if _, isField := y.X.(*ssa.FieldAddr); y.Op == token.MUL && isField && len(path) > 0 {
				first = y
				x = y.X
				continue
			}
		case *ssa.Call:
			if recv, i, ok := e.protoGetter(y); ok && len(path) > 0 {
				path = append(path, i)
				first = y
				x = recv
				continue
			}
		}
		break
	}
	for i, j := 0, len(path)-1; i < j; i, j = i+1, j-1 {
		path[i], path[j] = path[j], path[i]
	}
	return x, path, first
}

// protoGetter recognises a call of a generated protobuf getter,
// x.GetSort(), and returns x and the index of the field it returns. The
// method must belong to a message (its type has a method ProtoMessage)
// with a field of the getter's name and result type and, when it is of
// the analysed package, have the body protoc-gen-go writes: it reads
// nothing but that field of x and returns it or the zero value. Of
// another package, whose bodies are not read, a text getter must have a
// fact that shows it built from that field alone (see
// summaryAllowsField); a getter of a nested message is taken on trust
// from its name, field and mark. A method named Get of any other type is
// not the field.
func (e *engine) protoGetter(c *ssa.Call) (ssa.Value, int, bool) {
	if c.Call.IsInvoke() || len(c.Call.Args) != 1 {
		return nil, 0, false
	}
	fn := c.Call.StaticCallee()
	if fn == nil || fn.Origin() != nil || fn.Signature.Recv() == nil {
		return nil, 0, false
	}
	i, ok := e.protoGetters[fn]
	if !ok {
		i = -1
		if k, isGetter := protoGetterField(fn); isGetter && getter(e.pkg, fn) {
			if fn.Pkg == e.pkg && returnsField(fn, k) || fn.Pkg != e.pkg && e.summaryAllowsField(fn, k) {
				i = k
			}
		}
		e.protoGetters[fn] = i
	}
	if i < 0 {
		return nil, 0, false
	}
	return c.Call.Args[0], i, true
}

// summaryAllowsField reports whether what the fact of fn, a getter of
// another package, says of its text result leaves it being field i of
// its receiver: built from that field alone, and constants. A getter
// whose fact shows it reads another field, another parameter or
// anything not constant, or that has no fact (its package was not
// analysed, or what it returns is unknown), is not the field. A result
// that is no text (a nested message) has no such fact: its name is
// taken on trust.
func (e *engine) summaryAllowsField(fn *ssa.Function, i int) bool {
	if !isString(fn.Signature.Results().At(0).Type()) {
		return true
	}
	s := e.importFact(fn.Object())
	if s == nil || len(s.Results) != 1 {
		return false
	}
	r := s.Results[0]
	if r.Finite {
		return false // constant only: not the field
	}
	return r.Origin == Constant && len(r.Params) == 0 && len(r.Fields) == 1 &&
		r.Fields[0].Param == 0 && len(r.Fields[0].Path) == 1 && r.Fields[0].Path[0] == i
}

// returnsField reports whether every return of fn, a method, gives field
// i of its receiver as loaded there, or a constant zero value.
func returnsField(fn *ssa.Function, i int) bool {
	if len(fn.Params) != 1 || len(fn.Blocks) == 0 {
		return false
	}
	recv := fn.Params[0]
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		if len(ret.Results) != 1 {
			return false
		}
		switch r := ret.Results[0].(type) {
		case *ssa.Const:
			if !r.IsNil() && !(r.Value != nil && (r.Value.ExactString() == `""` || r.Value.ExactString() == "0" || r.Value.ExactString() == "false")) {
				return false
			}
		case *ssa.UnOp:
			fa, isField := r.X.(*ssa.FieldAddr)
			if r.Op != token.MUL || !isField || fa.X != recv || fa.Field != i {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// checkedRead reports whether the reading r of field f (at path) is of
// text that a check of f let through on every path to it: the field is
// checked, or holds a constant fallback, at r, and nothing may write it
// between the reading's start (first, which loads the pointer r reads
// through) and r, so that the pointer is still the variable's.
func (e *engine) checkedRead(fn *ssa.Function, r, first ssa.Instruction, f varField, path []int, option bool) bool {
	run := e.uncheckedField(fn, f, path, option)
	b := r.Block()
	if b == nil {
		return false
	}
	checked := !run.entered[b]
	found := false
	for _, in := range b.Instrs {
		if in == r {
			found = true
			break
		}
		if run.fallbacks[in] {
			checked = true
		} else if run.writes[in] {
			checked = false
		}
	}
	return found && checked && (first == r || !writtenBetween(first, r, run.writes))
}

// writtenBetween reports whether an instruction in writes lies on a path
// from a to b, both left out.
func writtenBetween(a, b ssa.Instruction, writes map[ssa.Instruction]bool) bool {
	if len(writes) == 0 {
		return false
	}
	ab, bb := a.Block(), b.Block()
	ia, ib := indexIn(ab, a), indexIn(bb, b)
	if ia < 0 || ib < 0 {
		return true
	}
	if ab == bb && ia < ib {
		for _, in := range ab.Instrs[ia+1 : ib] {
			if writes[in] {
				return true
			}
		}
		return false
	}
	for _, in := range ab.Instrs[ia+1:] {
		if writes[in] {
			return true
		}
	}
	for _, in := range bb.Instrs[:ib] {
		if writes[in] {
			return true
		}
	}
	// A path ends on entering bb.
	between := entered(ab, bb, false)
	for x := range between {
		for _, in := range x.Instrs {
			if writes[in] {
				return true
			}
		}
	}
	return false
}

// entered returns the blocks entered after a on the paths from a to b:
// with withB, b too, where such a path ends; without, up to b, left out.
func entered(a, b *ssa.BasicBlock, withB bool) map[*ssa.BasicBlock]bool {
	toB := map[*ssa.BasicBlock]bool{b: true} // the blocks that reach b
	work := []*ssa.BasicBlock{b}
	for len(work) > 0 {
		x := work[len(work)-1]
		work = work[:len(work)-1]
		for _, p := range x.Preds {
			if !toB[p] {
				toB[p] = true
				work = append(work, p)
			}
		}
	}
	between := make(map[*ssa.BasicBlock]bool)
	work = append(work[:0], a)
	for len(work) > 0 {
		x := work[len(work)-1]
		work = work[:len(work)-1]
		if withB && x == b {
			continue // past the end
		}
		for _, s := range x.Succs {
			if toB[s] && !between[s] && (withB || s != b) {
				between[s] = true
				work = append(work, s)
			}
		}
	}
	return between
}

func indexIn(b *ssa.BasicBlock, in ssa.Instruction) int {
	if b == nil {
		return -1
	}
	for i, x := range b.Instrs {
		if x == in {
			return i
		}
	}
	return -1
}

type fieldGuardKey struct {
	fn     *ssa.Function
	f      varField
	option bool
}

// fieldRun is what uncheckedField finds: the blocks of a function entered
// with a field not checked since it was last written, the instructions
// that may write the field, and among them the stores of a constant
// fallback into it.
type fieldRun struct {
	entered   map[*ssa.BasicBlock]bool
	writes    map[ssa.Instruction]bool
	fallbacks map[ssa.Instruction]bool
}

// uncheckedField returns the blocks of fn that can be entered with field
// f not checked since fn's entry or since the last instruction that may
// have written it. A check counts only when nothing may write the field
// between its reading and the branch. A store of constant text into the
// field itself (if !allowed[req.Dir] { req.Dir = "asc" }) leaves it as
// safe as a check does (see fallbackStores).
func (e *engine) uncheckedField(fn *ssa.Function, f varField, path []int, option bool) fieldRun {
	key := fieldGuardKey{fn, f, option}
	if r, ok := e.fieldRuns[key]; ok {
		return r
	}
	var writes, fallbacks map[ssa.Instruction]bool
	if f.mem {
		writes = fieldWrites(fn, f.base, path)
		fallbacks = e.fallbackStores(f, path, writes, option)
	}
	skip := make(map[edge]bool)
	for _, g := range e.guardsOf(fn).fields[f] {
		if !option && g.option {
			continue
		}
		if _, _, first, ok := e.fieldOfVar(g.checked); ok && !writtenAfter(first, g.block, writes) {
			skip[edge{g.block, g.succ}] = true
		}
	}
	// The last write in each block, which decides what the field holds
	// where the block ends: checked after a fallback, unchecked after
	// any other write.
	const (
		noWrite = iota
		written
		fellBack
	)
	last := make(map[*ssa.BasicBlock]int)
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			if fallbacks[in] {
				last[b] = fellBack
			} else if writes[in] {
				last[b] = written
			}
		}
	}
	entered := make(map[*ssa.BasicBlock]bool)
	var work []*ssa.BasicBlock
	enter := func(b *ssa.BasicBlock) {
		if !entered[b] {
			entered[b] = true
			work = append(work, b)
		}
	}
	enter(fn.Blocks[0])
	// After a write, the field is unchecked until the next check.
	for _, b := range fn.Blocks {
		if last[b] == written {
			for i, s := range b.Succs {
				if !skip[edge{b, i}] {
					enter(s)
				}
			}
		}
	}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if last[b] == fellBack {
			continue
		}
		for i, s := range b.Succs {
			if !skip[edge{b, i}] {
				enter(s)
			}
		}
	}
	r := fieldRun{entered, writes, fallbacks}
	e.fieldRuns[key] = r
	return r
}

// fallbackStores returns the stores among writes that put constant text
// (see fallback) into field path of f's variable itself. A store through
// a pointer loaded from the variable (req.Page.Sort = "id") counts only
// when nothing may write the field between that loading and the store:
// otherwise the pointer may no longer be the variable's.
func (e *engine) fallbackStores(f varField, path []int, writes map[ssa.Instruction]bool, option bool) map[ssa.Instruction]bool {
	var out map[ssa.Instruction]bool
	for in := range writes {
		st, ok := in.(*ssa.Store)
		if !ok || !isString(st.Val.Type()) {
			continue
		}
		base, q, first := e.fieldAddrOf(st.Addr)
		if base != f.base || pathKey(q) != f.path || !e.fallback(st.Val, option) {
			continue
		}
		if first != nil && writtenBetween(first, st, writes) {
			continue
		}
		if out == nil {
			out = make(map[ssa.Instruction]bool)
		}
		out[st] = true
	}
	return out
}

// writtenAfter reports whether an instruction that may write the field
// lies on a path from the reading r to the end of b, whose If branches on
// what r read: in r's block after r, in b, or in any block between.
func writtenAfter(r ssa.Instruction, b *ssa.BasicBlock, writes map[ssa.Instruction]bool) bool {
	if len(writes) == 0 {
		return false
	}
	rb := r.Block()
	between := entered(rb, b, true)
	after := false
	for _, in := range rb.Instrs {
		if in == r {
			after = true
		} else if after && writes[in] {
			return true
		}
	}
	// r's block again, through a loop, runs whole.
	for x := range between {
		for _, in := range x.Instrs {
			if writes[in] {
				return true
			}
		}
	}
	return false
}

// fieldWrites returns the instructions of fn that may write field path of
// the struct base points to: stores to it or to a struct around it, calls
// given a pointer to it or to a struct around it, and, unless base is a
// local variable whose address is not taken elsewhere, stores through
// other pointers to the same field or struct type (which may point to
// the same struct) and calls given such pointers. When a closure holds
// base, every call may write the field. For a variable captured by a
// closure, base is the variable, read anew at each use (see
// capturedFieldWrites).
func fieldWrites(fn *ssa.Function, base ssa.Value, path []int) map[ssa.Instruction]bool {
	if len(path) > 0 && capturedVar(base) {
		return capturedFieldWrites(fn, base, path)
	}
	// types[k] is the struct type that holds path[k].
	structs := make([]types.Type, len(path))
	t := base.Type()
	// indirect: the path goes through a pointer field (req.Page.Sort),
	// whose struct other pointers may reach, base local or not.
	indirect := false
	for k, i := range path {
		if _, ok := t.Underlying().(*types.Pointer); ok && k > 0 {
			indirect = true
		}
		t = deref(t)
		structs[k] = t
		st, ok := t.Underlying().(*types.Struct)
		if !ok || i >= st.NumFields() {
			return nil
		}
		t = st.Field(i).Type()
	}
	final := t
	if len(path) == 0 {
		final = deref(t) // a captured variable itself
	}
	local := false
	if a, ok := base.(*ssa.Alloc); ok {
		local = !addressTaken(a) && !indirect
	}
	captured := false
	var held heldPointers
	if _, ok := base.(*ssa.FreeVar); ok {
		// Another closure of the variable, or the function that
		// made this one, may write it when any call runs.
		captured = true
	}
	if !local {
		captured = captured || boundInClosure(fn, base)
		held = holdersOf(base, path)
		if indirect {
			held.add(innerHolders(fn, base, path, structs))
		}
		captured = captured || held.captured
	}
	// around reports whether addr points to the field or a struct around
	// it, in base itself or, unless base is local, maybe elsewhere.
	around := func(addr ssa.Value) bool {
		root, q := addrPath(addr)
		if root == base {
			return isPrefix(q, path)
		}
		if local {
			return false
		}
		if a, ok := root.(*ssa.Alloc); ok && !addressTaken(a) {
			return false // another local variable
		}
		if _, ok := addr.Type().Underlying().(*types.Pointer); !ok {
			return false
		}
		elem := deref(addr.Type())
		for k, s := range structs {
			if types.Identical(elem, s) {
				return true
			}
			if fa, ok := addr.(*ssa.FieldAddr); ok && fa.Field == path[k] && types.Identical(deref(fa.X.Type()), s) {
				return true
			}
		}
		switch addr.(type) {
		case *ssa.FieldAddr, *ssa.IndexAddr, *ssa.Global, *ssa.Alloc:
			return false
		}
		// A pointer of unknown making to text may point to the field.
		return types.Identical(elem, final)
	}
	pkg := fn.Pkg
	var w map[ssa.Instruction]bool
	mark := func(in ssa.Instruction) {
		if w == nil {
			w = make(map[ssa.Instruction]bool)
		}
		w[in] = true
	}
	var ops []*ssa.Value
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			switch in := in.(type) {
			case *ssa.Store:
				if around(in.Addr) {
					mark(in)
				}
			case ssa.CallInstruction:
				if (captured || held.escaped && !builtinCall(in.Common())) && !inert(in.Common()) {
					mark(in)
					continue
				}
				ops = in.Operands(ops[:0])
				for _, op := range ops {
					if (given(*op, around) || held.given(*op)) && !readsOnly(pkg, in.Common(), *op) {
						mark(in)
						break
					}
				}
			}
		}
	}
	return w
}

// heldPointers are the values of a function that may hold the pointer to
// a struct, or to a struct inside it around a field, other than the
// pointer and its field addresses themselves: interfaces made from it,
// conversions, results of calls given it, local variables, lists and
// structs it is stored in, and what is loaded from them.
type heldPointers struct {
	aliases map[ssa.Value]bool
	// escaped: stored where other code may find it (a package
	// variable, a struct of unknown making, a map, a channel), so that
	// any call may write through it.
	escaped bool
	// captured: a closure holds it.
	captured bool
}

// add merges o into h.
func (h *heldPointers) add(o heldPointers) {
	for v := range o.aliases {
		h.aliases[v] = true
	}
	h.escaped = h.escaped || o.escaped
	h.captured = h.captured || o.captured
}

// innerHolders returns the values of fn that may hold a pointer to one of
// the structs a path through pointers goes through past base's own
// (structs[k], k > 0), found from every value of fn of such a pointer
// type: a page made in the function and put in the request (req.Page =
// p) is reached through p as well, which a closure may hold.
func innerHolders(fn *ssa.Function, base ssa.Value, path []int, structs []types.Type) heldPointers {
	h := heldPointers{aliases: make(map[ssa.Value]bool)}
	inner := func(v ssa.Value) int {
		if v == base {
			return -1
		}
		p, ok := v.Type().Underlying().(*types.Pointer)
		if !ok {
			return -1
		}
		for k := 1; k < len(structs); k++ {
			if types.Identical(p.Elem(), structs[k]) {
				return k
			}
		}
		return -1
	}
	from := func(v ssa.Value) {
		if k := inner(v); k > 0 {
			h.add(holdersOf(v, path[k:]))
			h.aliases[v] = true
		}
	}
	for _, p := range fn.Params {
		from(p)
	}
	for _, fv := range fn.FreeVars {
		from(fv)
	}
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			if v, ok := in.(ssa.Value); ok {
				from(v)
			}
		}
	}
	return h
}

// holdersOf follows the pointer base through the values of its function
// that may hold it; field addresses of base count when they lead to the
// field at path.
func holdersOf(base ssa.Value, path []int) heldPointers {
	h := heldPointers{aliases: make(map[ssa.Value]bool)}
	// A package variable, or a pointer read from one, is where any
	// function may find it.
	root := base
	if u, ok := root.(*ssa.UnOp); ok && u.Op == token.MUL {
		root = addrRoot(u.X)
	}
	if _, ok := addrRoot(root).(*ssa.Global); ok {
		h.escaped = true
	}
	var work []ssa.Value
	alias := func(v ssa.Value) {
		if v != nil && !h.aliases[v] && mayHoldPointer(v.Type()) {
			h.aliases[v] = true
			work = append(work, v)
		}
	}
	work = append(work, base)
	for len(work) > 0 {
		v := work[len(work)-1]
		work = work[:len(work)-1]
		if v.Referrers() == nil {
			continue
		}
		for _, r := range *v.Referrers() {
			switch r := r.(type) {
			case *ssa.MakeInterface, *ssa.ChangeType, *ssa.ChangeInterface, *ssa.Convert,
				*ssa.MultiConvert, *ssa.TypeAssert, *ssa.Phi, *ssa.Slice, *ssa.SliceToArrayPointer,
				*ssa.IndexAddr, *ssa.Index, *ssa.Lookup, *ssa.Extract, *ssa.Call:
				// A call given it may return it.
				alias(r.(ssa.Value))
			case *ssa.FieldAddr:
				if _, q := addrPath(r); v != base || isPrefix(q, path) {
					alias(r)
				}
			case *ssa.Field:
				if v != base {
					alias(r)
				}
			case *ssa.UnOp:
				if r.Op == token.MUL && v != base {
					alias(r) // a pointer it may hold
				}
			case *ssa.Store:
				if r.Val != v {
					continue
				}
				// Stored in a local variable, list or struct: that
				// holds it; anywhere else, other code may find it.
				if root := addrRoot(r.Addr); isAlloc(root) {
					alias(root)
				} else {
					h.escaped = true
				}
			case *ssa.MapUpdate, *ssa.Send:
				h.escaped = true
			case *ssa.MakeClosure:
				h.captured = true
			}
		}
	}
	delete(h.aliases, base)
	return h
}

func isAlloc(v ssa.Value) bool {
	_, ok := v.(*ssa.Alloc)
	return ok
}

// mayHoldPointer reports whether a value of type t may hold a pointer:
// not text, numbers or booleans, nor arrays and structs of them only.
func mayHoldPointer(t types.Type) bool {
	switch t := t.Underlying().(type) {
	case *types.Basic:
		return t.Kind() == types.UnsafePointer
	case *types.Array:
		return mayHoldPointer(t.Elem())
	case *types.Struct:
		for i := range t.NumFields() {
			if mayHoldPointer(t.Field(i).Type()) {
				return true
			}
		}
		return false
	case *types.Tuple:
		for i := range t.Len() {
			if mayHoldPointer(t.At(i).Type()) {
				return true
			}
		}
		return false
	}
	return true
}

// addrRoot returns the value an address is selected from by fields and
// elements.
func addrRoot(addr ssa.Value) ssa.Value {
	for {
		switch a := addr.(type) {
		case *ssa.FieldAddr:
			addr = a.X
		case *ssa.IndexAddr:
			addr = a.X
		default:
			return addr
		}
	}
}

// given reports whether a call's operand x may hold the pointer.
func (h heldPointers) given(x ssa.Value) bool {
	return h.aliases[x]
}

// builtinCall reports whether c calls a builtin (len, append), which
// reaches nothing it is not given.
// inert reports whether a call cannot run code of the program: a static
// call of a standard library function given only basic values, directly,
// as interfaces or in a variadic list (log.Printf("by %s", sort),
// strings.ToLower(s)). A closure that holds a checked variable cannot run
// during it, nor can code that finds an escaped pointer. A value of a
// type with methods may run them (fmt calls String), and is not basic.
func inert(c *ssa.CallCommon) bool {
	fn := c.StaticCallee()
	if fn == nil || fn.Pkg == nil || c.IsInvoke() || fn.Parent() != nil || !inertPkgs[fn.Pkg.Pkg.Path()] {
		return false
	}
	var basic func(x ssa.Value) bool
	basic = func(x ssa.Value) bool {
		if s, ok := x.(*ssa.Slice); ok {
			a, ok := s.X.(*ssa.Alloc)
			return ok && !slices.ContainsFunc(storedIn(a), func(v ssa.Value) bool { return !basic(v) })
		}
		if mi, ok := x.(*ssa.MakeInterface); ok {
			x = mi.X
		}
		_, ok := x.Type().(*types.Basic)
		return ok
	}
	return !slices.ContainsFunc(c.Args, func(a ssa.Value) bool { return !basic(a) })
}

// inertPkgs are standard library packages whose functions, given basic
// values, call no code of the program.
var inertPkgs = map[string]bool{
	"fmt": true, "log": true, "log/slog": true, "strings": true, "strconv": true,
	"errors": true, "bytes": true, "unicode/utf8": true, "path": true,
	"path/filepath": true, "net/url": true, "time": true, "math": true,
	"encoding/hex": true, "encoding/base64": true,
}

func builtinCall(c *ssa.CallCommon) bool {
	_, ok := c.Value.(*ssa.Builtin)
	return ok && !c.IsInvoke()
}

// given reports whether a call's operand x is, or holds as an interface
// or in the elements of a variadic call's list, a pointer for which
// around holds.
func given(x ssa.Value, around func(ssa.Value) bool) bool {
	if s, ok := x.(*ssa.Slice); ok {
		if a, ok := s.X.(*ssa.Alloc); ok {
			for _, v := range storedIn(a) {
				if given(v, around) {
					return true
				}
			}
		}
		return false
	}
	if mi, ok := x.(*ssa.MakeInterface); ok {
		x = mi.X
	}
	return x != nil && around(x)
}

// addrPath returns the value an address is selected from by fields, and
// the path of the fields.
func addrPath(addr ssa.Value) (ssa.Value, []int) {
	var q []int
	for {
		fa, ok := addr.(*ssa.FieldAddr)
		if !ok {
			break
		}
		q = append([]int{fa.Field}, q...)
		addr = fa.X
	}
	return addr, q
}

func isPrefix(q, path []int) bool {
	if len(q) > len(path) {
		return false
	}
	for i := range q {
		if q[i] != path[i] {
			return false
		}
	}
	return true
}

// addressTaken reports whether the address of a, or of a field in it, is
// used otherwise than to load, store or select a field.
func addressTaken(a ssa.Value) bool {
	refs := a.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return true
			}
		case *ssa.Store:
			if r.Val == a {
				return true
			}
		case *ssa.FieldAddr:
			if addressTaken(r) {
				return true
			}
		case *ssa.DebugRef:
		default:
			return true
		}
	}
	return false
}

// capturedFieldWrites returns the instructions of fn that may write
// field path of the struct that base, a variable captured by a closure,
// points to: stores to the variable, every call (which may run a closure
// that writes either), and what may write the field through the pointers
// read from it.
func capturedFieldWrites(fn *ssa.Function, base ssa.Value, path []int) map[ssa.Instruction]bool {
	w := make(map[ssa.Instruction]bool)
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			switch in := in.(type) {
			case *ssa.Store:
				if in.Addr == base {
					w[in] = true
				}
			case ssa.CallInstruction:
				if !builtinCall(in.Common()) && !inert(in.Common()) {
					w[in] = true
				}
			}
		}
	}
	if refs := base.Referrers(); refs != nil {
		for _, r := range *refs {
			if u, ok := r.(*ssa.UnOp); ok && u.Op == token.MUL && u.Parent() == fn {
				for in := range fieldWrites(fn, u, path) {
					w[in] = true
				}
			}
		}
	}
	return w
}

// capturedVar reports whether x is a variable captured by a closure: a
// free variable of one, or a local variable a closure is made with.
func capturedVar(x ssa.Value) bool {
	switch x := x.(type) {
	case *ssa.FreeVar:
		return true
	case *ssa.Alloc:
		if refs := x.Referrers(); refs != nil {
			for _, r := range *refs {
				if _, ok := r.(*ssa.MakeClosure); ok {
					return true
				}
			}
		}
	}
	return false
}

// boundInClosure reports whether a closure made in fn holds v, or a field
// address of it.
func boundInClosure(fn *ssa.Function, v ssa.Value) bool {
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			mc, ok := in.(*ssa.MakeClosure)
			if !ok {
				continue
			}
			for _, x := range mc.Bindings {
				if root, _ := addrPath(x); root == v {
					return true
				}
			}
		}
	}
	return false
}

// readsOnly reports whether a call given x only reads what x points to:
// printing and logging, and getters called on it (see getter).
func readsOnly(pkg *ssa.Package, c *ssa.CallCommon, x ssa.Value) bool {
	obj, recv, _ := callee(c)
	if obj == nil {
		return false
	}
	if mi, ok := x.(*ssa.MakeInterface); ok && recv == nil {
		x = mi.X
	}
	if recv != nil && recv == x && !c.IsInvoke() && getter(pkg, c.StaticCallee()) {
		return true
	}
	if obj.Pkg() != nil {
		switch obj.Pkg().Path() {
		case "fmt", "log", "log/slog":
			// Not the Scan functions, which fill what they are given.
			return !strings.Contains(obj.Name(), "can")
		case "encoding/json", "encoding/xml":
			return strings.HasPrefix(obj.Name(), "Marshal")
		}
		// go-micro's logger, which its service template calls with the
		// request ("Received Greeter.Call request: %v", req).
		if _, rel, ok := gomicro.Split(obj.Pkg().Path()); ok && rel == "logger" {
			return true
		}
	}
	return false
}

// getter reports whether fn provably writes nothing: for a function of
// the analysed package pkg, its body stores nothing and calls nothing (a
// generated protobuf getter: if x != nil { return x.F }; return ""); for
// another package's (whose body is not read: the program is shared), a
// getter GetF or String of a generated protobuf message (a
// method ProtoMessage marks it), GetF where the message has a field F.
// Other methods named Get are not trusted: a body may write the field.
func getter(pkg *ssa.Package, fn *ssa.Function) bool {
	if fn == nil {
		return false
	}
	if o := fn.Origin(); o != nil {
		fn = o
	}
	if fn.Pkg == pkg {
		if len(fn.Blocks) == 0 {
			return false
		}
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				switch in.(type) {
				case *ssa.Store, *ssa.MapUpdate, *ssa.Send, ssa.CallInstruction, *ssa.MakeClosure:
					return false
				}
			}
		}
		return true
	}
	if fn.Signature.Recv() == nil || fn.Signature.Params().Len() != 0 || fn.Signature.Results().Len() != 1 {
		return false
	}
	recv := fn.Signature.Recv().Type()
	ptr, ok := recv.(*types.Pointer)
	if !ok {
		return false
	}
	named, ok := ptr.Elem().(*types.Named)
	if !ok {
		return false
	}
	if _, ok := named.Underlying().(*types.Struct); !ok {
		return false
	}
	if !protoMessage(recv, named) {
		return false
	}
	if fn.Name() == "String" {
		return true
	}
	_, ok = protoGetterField(fn)
	return ok
}

// protoMessage reports whether recv, a pointer to named, is a generated
// protobuf message: it has a method ProtoMessage.
func protoMessage(recv types.Type, named *types.Named) bool {
	return types.NewMethodSet(recv).Lookup(named.Obj().Pkg(), "ProtoMessage") != nil
}

// protoGetterField returns the index of field F when fn is a method GetF
// of a generated protobuf message (see protoMessage) that has a field F
// of GetF's result type, and takes nothing else.
func protoGetterField(fn *ssa.Function) (int, bool) {
	sig := fn.Signature
	if sig.Recv() == nil || sig.Params().Len() != 0 || sig.Results().Len() != 1 {
		return 0, false
	}
	ptr, ok := sig.Recv().Type().(*types.Pointer)
	if !ok {
		return 0, false
	}
	named, ok := ptr.Elem().(*types.Named)
	if !ok || named.TypeParams().Len() > 0 {
		return 0, false
	}
	st, ok := named.Underlying().(*types.Struct)
	if !ok || !protoMessage(ptr, named) {
		return 0, false
	}
	name := fn.Name()
	if len(name) <= 3 || name[:3] != "Get" {
		return 0, false
	}
	for i := range st.NumFields() {
		if f := st.Field(i); f.Name() == name[3:] && types.Identical(f.Type(), sig.Results().At(0).Type()) {
			return i, true
		}
	}
	return 0, false
}
