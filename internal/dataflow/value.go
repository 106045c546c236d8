package dataflow

import (
	"slices"
	"strconv"
	"strings"
)

// Origin classifies where the text of a value can have come from. Origins
// are ordered: joining two values keeps the greater origin, so a value built
// from a constant and a parameter of a handler is External.
type Origin uint8

// The origins, from the safest to the most dangerous.
const (
	// Constant text: literals, constants, and values combined or chosen
	// from them (concatenation, formatting, a switch, a map literal).
	Constant Origin = iota
	// IntegerOnly text can hold digits, signs and the like but no quote or
	// separator: strconv formatting, %d-style verbs, numbers, time layouts.
	IntegerOnly
	// Sanitised text went through a quoting function such as
	// pq.QuoteIdentifier.
	Sanitised
	// NonConstant text is built from something the analysis cannot show to
	// be constant: the result of an unknown call, a field of an unknown
	// object, a parameter of a function whose callers are not visible.
	NonConstant
	// External text comes from outside the program: a go-micro handler
	// request, a subscriber message, go-micro metadata, an HTTP request,
	// os.Args, the environment, a command-line flag, a broker message body.
	External
)

// Safe reports whether text of this origin cannot carry an injection:
// constant, integer-only or sanitised text.
func (o Origin) Safe() bool { return o <= Sanitised }

func (o Origin) String() string {
	switch o {
	case Constant:
		return "constant"
	case IntegerOnly:
		return "integer-only"
	case Sanitised:
		return "sanitised"
	case NonConstant:
		return "non-constant"
	case External:
		return "external"
	}
	return "origin(" + strconv.Itoa(int(o)) + ")"
}

// maxConsts bounds the set of constant strings a value keeps; a larger set
// is forgotten (the value stays Constant, its possible strings unknown).
const maxConsts = 32

// Value is the symbolic origin of one SSA value, relative to the parameters
// of the function it belongs to. A summary keeps Values whose Params refer
// to the summarised function's parameters; a caller substitutes its own
// arguments for them (see Subst).
//
// The zero Value is the constant empty set: the identity of Union.
type Value struct {
	// Origin is the join of everything the value is built from, leaving
	// out the parameters listed in Params.
	Origin Origin
	// Culprit names, in source terms, the first part of the value that has
	// the origin Origin when that origin is not safe: "req.Name",
	// "os.Getenv(...)", "parameter name".
	Culprit string
	// Params lists the parameters (in SSA order, the receiver first) the
	// value is built from as a whole, sorted.
	Params []int
	// Fields lists the fields of parameters (structs, or pointers to
	// them) the value is built from, sorted: a caller substitutes the
	// origin of that field of its argument, not of the whole argument.
	Fields []FieldRef
	// ParamPath names the first part built from a parameter, such as
	// "req.Name"; callers use it when the argument itself has no name.
	ParamPath string
	// Param is 1 + the index of the parameter the value is exactly, or 0;
	// with Path, the value is exactly that field of the parameter.
	Param int
	Path  []int
	// Consts are the possible strings of the value when Finite.
	Consts []string
	// Finite reports that Consts lists every string the value can be. It
	// implies Origin == Constant and no Params.
	Finite bool
	// Prefix is constant text that every string the value can be starts
	// with, whatever its origin ("--branch=" of "--branch="+name), or "";
	// see Lead.
	Prefix string
	// Elems are the elements of a slice or array value, in order, when
	// Listed. An element with Spread set stands for all the elements of
	// the slice it describes.
	Elems  []Value
	Listed bool
	Spread bool
}

// FieldRef names a field of a parameter: Path lists the field indices
// from the parameter's struct inwards (cfg.A.B), through pointers.
type FieldRef struct {
	Param int
	Path  []int
}

func (f FieldRef) compare(g FieldRef) int {
	if f.Param != g.Param {
		return f.Param - g.Param
	}
	return slices.Compare(f.Path, g.Path)
}

// fieldOfParam is the Value that is exactly field path of parameter idx.
func fieldOfParam(idx int, path []int, name string) Value {
	path = slices.Clip(slices.Clone(path))
	return Value{Param: idx + 1, Path: path, Fields: []FieldRef{{idx, path}}, ParamPath: name}
}

// constant returns the Value of constant text s.
func constant(s string) Value {
	return Value{Consts: []string{s}, Finite: true}
}

// unknownConstant is constant text whose strings are not known.
var unknownConstant = Value{}

// of returns a Value of origin o whose culprit is culprit.
func of(o Origin, culprit string) Value {
	v := Value{Origin: o}
	if !o.Safe() {
		v.Culprit = culprit
	}
	return v
}

// Worst returns the origin of v once its parameters are known to have the
// given origin: the origin a caller would see in the worst case.
func (v Value) Worst(param Origin) Origin {
	if v.DependsOnParams() && param > v.Origin {
		return param
	}
	return v.Origin
}

// DependsOnParams reports whether v is built from a parameter.
func (v Value) DependsOnParams() bool { return len(v.Params) > 0 || len(v.Fields) > 0 }

// forgetParams drops what v says about parameters, for a value that moves
// into another function (a closure's captured variable).
func (v *Value) forgetParams() {
	v.Params, v.Fields, v.Param, v.Path = nil, nil, 0, nil
}

// Const returns the single string v can be, if there is exactly one.
func (v Value) Const() (string, bool) {
	if v.Finite && len(v.Consts) == 1 {
		return v.Consts[0], true
	}
	return "", false
}

// Lead returns constant text that every string v can be starts with: the
// common prefix of its strings when they are known, Prefix otherwise.
func (v Value) Lead() string {
	if !v.Finite || len(v.Consts) == 0 {
		return v.Prefix
	}
	lead := v.Consts[0]
	for _, c := range v.Consts[1:] {
		lead = commonPrefix(lead, c)
	}
	return lead
}

// isEmptySet reports whether v is the constant empty set, which Union
// leaves the other operand's lead to.
func (v Value) isEmptySet() bool {
	return v.Finite && len(v.Consts) == 0 && !v.Listed
}

func commonPrefix(a, b string) string {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return a[:n]
}

// mergeOrigin folds the origin, culprit and parameters of w into v: the
// part common to union and concatenation.
func (v *Value) mergeOrigin(w Value) {
	if w.Origin > v.Origin || (w.Origin == v.Origin && v.Culprit == "") {
		v.Origin = w.Origin
		v.Culprit = w.Culprit
	}
	if w.DependsOnParams() {
		if v.ParamPath == "" {
			v.ParamPath = w.ParamPath
		}
		for _, p := range w.Params {
			if i, found := slices.BinarySearch(v.Params, p); !found {
				v.Params = slices.Insert(slices.Clip(v.Params), i, p)
			}
		}
		for _, f := range w.Fields {
			if i, found := slices.BinarySearchFunc(v.Fields, f, FieldRef.compare); !found {
				v.Fields = slices.Insert(slices.Clip(v.Fields), i, f)
			}
		}
	}
	v.Param, v.Path = 0, nil
}

// Union is the value that is either a or b: a phi, a switch, the values of
// a map literal.
func Union(a, b Value) Value {
	if a.Param != 0 && a.Param == b.Param && slices.Equal(a.Path, b.Path) && !a.Listed && !b.Listed {
		return a
	}
	r := Value{Origin: a.Origin, Culprit: a.Culprit, ParamPath: a.ParamPath, Params: a.Params, Fields: a.Fields}
	r.mergeOrigin(b)
	switch {
	case a.isEmptySet():
		r.Prefix = b.Lead()
	case b.isEmptySet():
		r.Prefix = a.Lead()
	default:
		r.Prefix = commonPrefix(a.Lead(), b.Lead())
	}
	if a.Finite && b.Finite && !r.DependsOnParams() && r.Origin == Constant {
		r.Finite = true
		r.Consts = slices.Clone(a.Consts)
		for _, s := range b.Consts {
			if !slices.Contains(r.Consts, s) {
				r.Consts = append(r.Consts, s)
			}
		}
		if len(r.Consts) > maxConsts {
			r.Consts, r.Finite = nil, false
		}
		slices.Sort(r.Consts)
	}
	if a.Listed && b.Listed && len(a.Elems) == len(b.Elems) {
		r.Listed = true
		r.Elems = make([]Value, len(a.Elems))
		for i := range a.Elems {
			r.Elems[i] = Union(a.Elems[i], b.Elems[i])
			r.Elems[i].Spread = a.Elems[i].Spread || b.Elems[i].Spread
		}
	}
	return r
}

// Concat is the text of a followed by the text of b.
func Concat(a, b Value) Value {
	r := Value{Origin: a.Origin, Culprit: a.Culprit, ParamPath: a.ParamPath, Params: a.Params, Fields: a.Fields}
	r.mergeOrigin(b)
	if c, ok := a.Const(); ok {
		r.Prefix = c + b.Lead()
	} else {
		r.Prefix = a.Lead()
	}
	if a.Finite && b.Finite && !r.DependsOnParams() && len(a.Consts)*len(b.Consts) <= maxConsts {
		r.Finite = true
		for _, x := range a.Consts {
			for _, y := range b.Consts {
				r.Consts = append(r.Consts, x+y)
			}
		}
		slices.Sort(r.Consts)
		r.Consts = slices.Compact(r.Consts)
	}
	return r
}

// Flatten is the join of a value with all its elements: the origin of a
// slice used as a whole. It keeps no Prefix: what is taken from a value as
// a whole (a substring, a byte, a field decoded from it, the join of
// elements) need not start as the value does.
func (v Value) Flatten() Value {
	if !v.Listed {
		v.Spread = false
		v.Prefix = ""
		return v
	}
	r := Value{Origin: v.Origin, Culprit: v.Culprit, ParamPath: v.ParamPath, Params: v.Params, Fields: v.Fields, Finite: true}
	for _, e := range v.Elems {
		r = Union(r, e.Flatten())
	}
	if len(v.Elems) == 0 {
		r.Finite = false
	}
	return r
}

// withElems returns the slice value with elements elems: its own origin is
// the join of the elements'.
func withElems(elems []Value) Value {
	r := Value{Listed: true, Elems: elems}
	for _, e := range elems {
		r.mergeOrigin(e)
	}
	r.Finite = false
	return r
}

// Subst returns v as seen by a caller that passes args for the parameters
// of v's function. A parameter without an argument is NonConstant. A field
// of a parameter takes the origin of the whole argument; the engine, which
// sees the arguments' SSA values, substitutes the field itself.
func Subst(v Value, args []Value) Value { return subst(v, args, nil) }

// subst is Subst with field, if not nil, giving the origin of the field at
// path of argument p.
func subst(v Value, args []Value, field func(p int, path []int) Value) Value {
	arg := func(p int) Value {
		if p >= 0 && p < len(args) {
			return args[p]
		}
		return of(NonConstant, "an argument")
	}
	argField := func(f FieldRef) Value {
		if field != nil && f.Param >= 0 && f.Param < len(args) {
			return field(f.Param, f.Path)
		}
		return arg(f.Param)
	}
	if v.Param > 0 && !v.Listed {
		var a Value
		if v.Path != nil {
			a = argField(FieldRef{v.Param - 1, v.Path})
		} else {
			a = arg(v.Param - 1)
		}
		if a.Culprit == "" && v.ParamPath != "" && !a.Origin.Safe() {
			a.Culprit = v.ParamPath
		}
		a.Spread = v.Spread
		return a
	}
	r := Value{Origin: v.Origin, Culprit: v.Culprit, Finite: v.Finite, Consts: v.Consts, Prefix: v.Prefix, Spread: v.Spread}
	add := func(a Value) {
		a = a.Flatten()
		if a.Culprit == "" && !a.Origin.Safe() {
			a.Culprit = v.ParamPath
		}
		r.mergeOrigin(a)
		r.Finite, r.Consts = false, nil
	}
	for _, p := range v.Params {
		add(arg(p))
	}
	for _, f := range v.Fields {
		add(argField(f))
	}
	if v.Listed {
		r.Listed = true
		for _, e := range v.Elems {
			s := subst(e, args, field)
			if e.Spread && s.Listed {
				r.Elems = append(r.Elems, s.Elems...)
				continue
			}
			r.Elems = append(r.Elems, s)
		}
	}
	return r
}

// String renders v compactly, for facts in tests and for debugging.
func (v Value) String() string {
	var b strings.Builder
	b.WriteString(v.Origin.String())
	if v.Finite {
		b.WriteString("{" + strings.Join(quoteAll(v.Consts), ",") + "}")
	}
	if v.Param > 0 {
		b.WriteString("=p" + strconv.Itoa(v.Param-1))
		writePath(&b, v.Path)
	} else if v.DependsOnParams() {
		b.WriteString("+p")
		for i, p := range v.Params {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString(strconv.Itoa(p))
		}
		for i, f := range v.Fields {
			if i > 0 || len(v.Params) > 0 {
				b.WriteString(",")
			}
			b.WriteString(strconv.Itoa(f.Param))
			writePath(&b, f.Path)
		}
	}
	if v.Listed {
		b.WriteString("[")
		for i, e := range v.Elems {
			if i > 0 {
				b.WriteString(" ")
			}
			if e.Spread {
				b.WriteString("...")
			}
			b.WriteString(e.String())
		}
		b.WriteString("]")
	}
	return b.String()
}

// writePath renders the field indices of a path as ".2.0".
func writePath(b *strings.Builder, path []int) {
	for _, i := range path {
		b.WriteString("." + strconv.Itoa(i))
	}
}

func quoteAll(ss []string) []string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = `"` + s + `"`
	}
	return q
}
