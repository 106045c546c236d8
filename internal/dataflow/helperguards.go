package dataflow

import (
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/ssa"
)

// Checks made by a helper of the package:
//
//	func validateSort(c string) error {
//		if !allowedSort[c] {
//			return errors.New("bad sort")
//		}
//		return nil
//	}
//
//	if err := validateSort(col); err != nil {
//		return err
//	}
//
// A function whose only result is a bool or an error checks a parameter
// when it can return true (or nil) only where that parameter passed a
// check; its callers then take the branch of a true (or nil) result as a
// check of the argument. The package's own functions are read; what an
// exported one checks travels to other packages in its Summary, so a
// validator kept in a package of its own (validate.Sort(col)) counts too.

// paramCheck is what a helper checks of one parameter: nothing, an allow
// list, only a leading "-", or membership of the list its parameter
// list (an index of fn.Params) holds, which is an allow list where the
// caller passes a list of constant text (see listChecks).
type paramCheck struct {
	kind checkKind
	list int
}

type checkKind uint8

const (
	noCheck checkKind = iota
	checksOption
	checksAllowed
	checksListed
)

// String renders c for fact expectations: "allowed", "option" or
// "listed(list)".
func (c paramCheck) String() string {
	switch c.kind {
	case checksOption:
		return "option"
	case checksAllowed:
		return "allowed"
	case checksListed:
		return "listed(" + strconv.Itoa(c.list) + ")"
	}
	return "none"
}

// checkResult reports whether f may be a checking helper: its only result
// is a bool or an error, and one of its parameters, or its receiver, is
// text.
func checkResult(f *types.Func) bool {
	sig := f.Signature()
	res := sig.Results()
	if res.Len() != 1 || !isBool(res.At(0).Type()) && !isError(res.At(0).Type()) {
		return false
	}
	if r := sig.Recv(); r != nil && isString(r.Type()) {
		return true
	}
	for p := range sig.Params().Variables() {
		if isString(p.Type()) {
			return true
		}
	}
	return false
}

// helperCheck returns the checks that cond, a call of a helper or the
// comparison of its error result with nil, makes of the call's operands.
func (e *engine) helperCheck(cond ssa.Value) []check {
	var call *ssa.Call
	succ := 0
	switch c := cond.(type) {
	case *ssa.Call:
		call = c
	case *ssa.BinOp:
		// err != nil, err == nil
		if c.Op != token.EQL && c.Op != token.NEQ {
			return nil
		}
		x, y := c.X, c.Y
		if _, isConst := x.(*ssa.Const); isConst {
			x, y = y, x
		}
		k, isConst := y.(*ssa.Const)
		cl, isCall := x.(*ssa.Call)
		if !isConst || k.Value != nil || !isCall || !isError(cl.Type()) {
			return nil
		}
		call = cl
		if c.Op == token.NEQ {
			succ = 1
		}
	default:
		return nil
	}
	fn := call.Common().StaticCallee()
	if fn == nil {
		return nil
	}
	var pcs []paramCheck
	if fn.Pkg == e.pkg {
		if len(fn.Blocks) == 0 {
			return nil
		}
		pcs = e.helperChecks(fn)
	} else if obj, ok := fn.Object().(*types.Func); ok && fn.Origin() == nil {
		// A function or method of another package, by its fact.
		if s := e.importFact(obj); s != nil && len(s.checks) == len(call.Call.Args) {
			pcs = s.checks
		}
	}
	var out []check
	for i, pc := range pcs {
		if pc.kind == noCheck || i >= len(call.Call.Args) {
			continue
		}
		if pc.kind == checksListed {
			if pc.list >= len(call.Call.Args) {
				continue
			}
			if !e.fixedList(call.Call.Args[pc.list]) {
				continue
			}
		}
		out = append(out, check{call.Call.Args[i], succ, pc.kind == checksOption})
	}
	return out
}

// helperChecks returns what fn checks of each of its parameters before
// it returns true, or a nil error, computed once.
func (e *engine) helperChecks(fn *ssa.Function) []paramCheck {
	if pcs, ok := e.helpers[fn]; ok {
		return pcs
	}
	e.helpers[fn] = nil // recursion checks nothing
	res := fn.Signature.Results()
	if res.Len() != 1 || !isBool(res.At(0).Type()) && !isError(res.At(0).Type()) {
		return nil
	}
	asError := isError(res.At(0).Type())
	pcs := make([]paramCheck, len(fn.Params))
	any := false
	for i, p := range fn.Params {
		if !isString(p.Type()) {
			continue
		}
		for _, option := range []bool{false, true} {
			if e.okOnlyChecked(fn, p, asError, option) {
				pcs[i] = paramCheck{kind: checksOption}
				if !option {
					pcs[i] = paramCheck{kind: checksAllowed}
				}
				any = true
				break
			}
		}
	}
	for i, pc := range e.listChecks(fn, asError) {
		if pc.kind != noCheck && pcs[i].kind == noCheck {
			pcs[i] = pc
			any = true
		}
	}
	if !any {
		pcs = nil
	}
	e.helpers[fn] = pcs
	return pcs
}

// listChecks returns, for each string parameter of fn, a check of
// membership of a list parameter when fn returns true (or a nil error)
// only after the parameter equals an element of that list, as in
//
//	func inList(s string, list []string) bool {
//		for _, v := range list {
//			if v == s {
//				return true
//			}
//		}
//		return false
//	}
//
// fn is read again for each list parameter, with that list's elements
// taken for constant text (assumedList), apart from what the rest of the
// analysis sees of fn's checks.
func (e *engine) listChecks(fn *ssa.Function, asError bool) []paramCheck {
	var pcs []paramCheck
	for li, list := range fn.Params {
		if !isStringList(list.Type()) || list.Referrers() == nil || len(*list.Referrers()) == 0 {
			continue
		}
		guards, unchecked, assumed := e.guards, e.unchecked, e.assumedList
		e.guards = map[*ssa.Function]*fnGuards{}
		e.unchecked = map[guardKey]map[*ssa.BasicBlock]bool{}
		e.assumedList = list
		for i, p := range fn.Params {
			if !isString(p.Type()) || pcs != nil && pcs[i].kind != noCheck {
				continue
			}
			if _, checked := e.guardsOf(fn).vals[p]; checked && e.okOnlyChecked(fn, p, asError, false) {
				if pcs == nil {
					pcs = make([]paramCheck, len(fn.Params))
				}
				pcs[i] = paramCheck{kind: checksListed, list: li}
			}
		}
		e.guards, e.unchecked, e.assumedList = guards, unchecked, assumed
	}
	return pcs
}

// isStringList reports whether t is a slice of strings.
func isStringList(t types.Type) bool {
	sl, ok := t.Underlying().(*types.Slice)
	return ok && isString(sl.Elem())
}

// okOnlyChecked reports whether every return of fn that can give true
// (or a nil error) comes after a check of p.
func (e *engine) okOnlyChecked(fn *ssa.Function, p *ssa.Parameter, asError, option bool) bool {
	for _, b := range fn.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || len(ret.Results) != 1 {
			continue
		}
		if !e.okImpliesChecked(fn, p, ret.Results[0], b, asError, option, 0) {
			return false
		}
	}
	return true
}

// maxPhiDepth bounds the phis okImpliesChecked follows into each other
// (a loop's phis can form a cycle).
const maxPhiDepth = 8

// okImpliesChecked reports whether x, a result of fn that reaches the end
// of block b, is true (or nil) only when p passed a check.
func (e *engine) okImpliesChecked(fn *ssa.Function, p *ssa.Parameter, x ssa.Value, b *ssa.BasicBlock, asError, option bool, depth int) bool {
	if k, ok := x.(*ssa.Const); ok {
		if asError && k.Value != nil || !asError && (k.Value == nil || !goconstantBool(k)) {
			return true // never ok
		}
		return !e.reachableUnchecked(fn, p, option)[b]
	}
	if asError {
		if nonNil(e, x) {
			return true
		}
	} else {
		for _, c := range e.checksOf(x) {
			if c.v == p && c.succ == 0 && (option || !c.option) {
				return true
			}
		}
		if not, ok := x.(*ssa.UnOp); ok && not.Op == token.NOT {
			for _, c := range e.checksOf(not.X) {
				if c.v == p && c.succ == 1 && (option || !c.option) {
					return true
				}
			}
		}
	}
	phi, ok := x.(*ssa.Phi)
	if !ok || depth >= maxPhiDepth {
		return false
	}
	blk := phi.Block()
	for i, edge := range phi.Edges {
		if i >= len(blk.Preds) {
			return false
		}
		pred := blk.Preds[i]
		if k, ok := edge.(*ssa.Const); ok {
			if asError && k.Value != nil || !asError && (k.Value == nil || !goconstantBool(k)) {
				continue
			}
			if _, guarded := e.guardsOf(fn).vals[p]; guarded && e.checkedOnEdge(fn, p, pred, blk, option) {
				continue
			}
			return false
		}
		if !e.okImpliesChecked(fn, p, edge, pred, asError, option, depth+1) {
			return false
		}
	}
	return true
}

func goconstantBool(k *ssa.Const) bool {
	return k.Value != nil && k.Value.ExactString() == "true"
}

// nonNil reports whether an error value is never nil: an error made by
// errors.New or fmt.Errorf, or held in an interface made from a value.
func nonNil(e *engine, x ssa.Value) bool {
	switch x := x.(type) {
	case *ssa.MakeInterface:
		return true
	case *ssa.Call:
		fn := x.Common().StaticCallee()
		if fn == nil || fn.Pkg == nil {
			return false
		}
		path, name := fn.Pkg.Pkg.Path(), fn.Name()
		return path == "errors" && name == "New" || path == "fmt" && name == "Errorf"
	case *ssa.UnOp:
		// A package variable set once by its initialiser.
		g, ok := x.X.(*ssa.Global)
		if !ok || x.Op != token.MUL || g.Pkg != e.pkg {
			return false
		}
		set := false
		for _, in := range e.globals[g] {
			switch in := in.(type) {
			case *ssa.UnOp:
			case *ssa.Store:
				if in.Parent().Name() != "init" || set || !nonNil(e, in.Val) {
					return false
				}
				set = true
			default:
				return false
			}
		}
		return set
	}
	return false
}
