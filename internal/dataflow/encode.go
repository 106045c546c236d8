package dataflow

import (
	"encoding/binary"
	"errors"
)

// Facts are encoded once per package by every driver (gob in unitchecker
// and go vet, and for each inherited fact under analysistest's sanity
// check). gob describes a recursive struct type anew for every encoder,
// which costs far more than the summaries themselves, so Summary encodes
// itself in a small binary form of its own.

// GobEncode implements gob.GobEncoder.
func (s *Summary) GobEncode() ([]byte, error) {
	var w writer
	w.int(len(s.Results))
	for _, r := range s.Results {
		w.value(r)
	}
	w.int(len(s.Sinks))
	for _, k := range s.Sinks {
		w.str(k.Kind)
		w.str(k.Callee)
		w.str(k.Where)
		w.str(k.Via)
		w.str(k.Extra)
		w.int(len(k.Args))
		for _, a := range k.Args {
			w.value(a)
		}
		w.int(len(k.Checked))
		for _, a := range k.Checked {
			w.value(a)
		}
	}
	w.int(len(s.checks))
	for _, c := range s.checks {
		w.int(int(c.kind))
		w.int(c.list)
	}
	return w.buf, nil
}

// GobDecode implements gob.GobDecoder.
func (s *Summary) GobDecode(data []byte) error {
	r := reader{buf: data}
	*s = Summary{}
	if n := r.int(); n > 0 {
		s.Results = make([]Value, n)
		for i := range s.Results {
			s.Results[i] = r.value(0)
		}
	}
	if n := r.int(); n > 0 {
		s.Sinks = make([]SinkUse, n)
		for i := range s.Sinks {
			k := &s.Sinks[i]
			k.Kind, k.Callee, k.Where, k.Via, k.Extra = r.str(), r.str(), r.str(), r.str(), r.str()
			if m := r.int(); m > 0 {
				k.Args = make([]Value, m)
				for j := range k.Args {
					k.Args[j] = r.value(0)
				}
			}
			if m := r.int(); m > 0 {
				k.Checked = make([]Value, min(m, 64))[:0]
				for range m {
					k.Checked = append(k.Checked, r.value(0))
				}
			}
		}
	}
	if n := r.int(); n > 0 && r.err == nil {
		s.checks = make([]paramCheck, 0, min(n, 64))
		for range n {
			c := paramCheck{kind: checkKind(r.int()), list: r.int()}
			if c.kind > checksListed {
				r.err = errCorrupt
				break
			}
			s.checks = append(s.checks, c)
		}
	}
	return r.err
}

const (
	flagFinite = 1 << iota
	flagListed
	flagSpread
)

type writer struct{ buf []byte }

func (w *writer) int(i int)    { w.buf = binary.AppendUvarint(w.buf, uint64(i)) }
func (w *writer) str(s string) { w.int(len(s)); w.buf = append(w.buf, s...) }

func (w *writer) ints(is []int) {
	w.int(len(is))
	for _, i := range is {
		w.int(i)
	}
}

func (w *writer) value(v Value) {
	flags := 0
	if v.Finite {
		flags |= flagFinite
	}
	if v.Listed {
		flags |= flagListed
	}
	if v.Spread {
		flags |= flagSpread
	}
	w.int(int(v.Origin))
	w.int(flags)
	w.str(v.Culprit)
	w.str(v.ParamPath)
	w.int(v.Param)
	w.int(len(v.Params))
	for _, p := range v.Params {
		w.int(p)
	}
	w.ints(v.Path)
	w.int(len(v.Fields))
	for _, f := range v.Fields {
		w.int(f.Param)
		w.ints(f.Path)
	}
	w.int(len(v.Consts))
	for _, c := range v.Consts {
		w.str(c)
	}
	w.str(v.Prefix)
	w.int(len(v.Elems))
	for _, e := range v.Elems {
		w.value(e)
	}
}

type reader struct {
	buf []byte
	err error
}

var errCorrupt = errors.New("dataflow: corrupt summary fact")

func (r *reader) int() int {
	if r.err != nil {
		return 0
	}
	u, n := binary.Uvarint(r.buf)
	if n <= 0 || u > uint64(len(r.buf))*8+1<<20 {
		r.err = errCorrupt
		return 0
	}
	r.buf = r.buf[n:]
	return int(u)
}

func (r *reader) str() string {
	n := r.int()
	if r.err != nil || n > len(r.buf) {
		r.err = errCorrupt
		return ""
	}
	s := string(r.buf[:n])
	r.buf = r.buf[n:]
	return s
}

func (r *reader) ints() []int {
	n := r.int()
	if n == 0 || r.err != nil {
		return nil
	}
	is := make([]int, 0, min(n, 64))
	for range n {
		is = append(is, r.int())
	}
	return is
}

func (r *reader) value(depth int) Value {
	if depth > 64 {
		r.err = errCorrupt
		return Value{}
	}
	var v Value
	v.Origin = Origin(r.int())
	flags := r.int()
	v.Finite, v.Listed, v.Spread = flags&flagFinite != 0, flags&flagListed != 0, flags&flagSpread != 0
	v.Culprit = r.str()
	v.ParamPath = r.str()
	v.Param = r.int()
	if n := r.int(); n > 0 && r.err == nil {
		v.Params = make([]int, 0, min(n, 64))
		for range n {
			v.Params = append(v.Params, r.int())
		}
	}
	v.Path = r.ints()
	if n := r.int(); n > 0 && r.err == nil {
		v.Fields = make([]FieldRef, 0, min(n, 64))
		for range n {
			v.Fields = append(v.Fields, FieldRef{r.int(), r.ints()})
		}
	}
	if n := r.int(); n > 0 && r.err == nil {
		v.Consts = make([]string, 0, min(n, 64))
		for range n {
			v.Consts = append(v.Consts, r.str())
		}
	}
	v.Prefix = r.str()
	if n := r.int(); n > 0 && r.err == nil {
		v.Elems = make([]Value, 0, min(n, 64))
		for range n {
			v.Elems = append(v.Elems, r.value(depth+1))
		}
	}
	return v
}
