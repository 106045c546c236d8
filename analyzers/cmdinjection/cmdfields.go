package cmdinjection

import (
	"go/types"
	"strconv"

	"golang.org/x/tools/go/ssa"

	"github.com/microsec-lint/microsec-lint/internal/dataflow"
)

// cmdFields adds to k, the sink of call, the operands the code gives the
// *exec.Cmd the call returns: the text of the readers stored in its Stdin
// (strings.NewReader(script)), then the values stored in its Env. k.Extra
// says how many of each follow the program and the arguments (see
// fieldOperands).
func cmdFields(k *dataflow.Sink, call ssa.CallInstruction) {
	v := call.Value()
	if v == nil || !isCmd(v.Type()) {
		return
	}
	var stdin []ssa.Value
	for _, ref := range *v.Referrers() {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok || fa.X != v {
			continue
		}
		for _, st := range stores(fa) {
			switch fieldName(fa) {
			case "Stdin":
				if t := readerText(st.Val); t != nil {
					stdin = append(stdin, t)
				}
			}
		}
	}
	if len(stdin) == 0 {
		return
	}
	k.Args = append(k.Args, stdin...)
	k.Extra = strconv.Itoa(len(stdin))
}

// fieldOperands returns the operands cmdFields added to a site: the
// standard input texts.
func fieldOperands(s *dataflow.Site) (stdin []dataflow.Value) {
	if s.Extra == "" || len(s.Args) < 2 {
		return nil
	}
	n, err := strconv.Atoi(s.Extra)
	if err != nil || 2+n > len(s.Args) {
		return nil
	}
	return s.Args[2 : 2+n]
}

// isCmd reports whether t is *os/exec.Cmd.
func isCmd(t types.Type) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "os/exec" && n.Obj().Name() == "Cmd"
}

// fieldName returns the name of the field fa addresses.
func fieldName(fa *ssa.FieldAddr) string {
	p, ok := fa.X.Type().Underlying().(*types.Pointer)
	if !ok {
		return ""
	}
	st, ok := p.Elem().Underlying().(*types.Struct)
	if !ok || fa.Field >= st.NumFields() {
		return ""
	}
	return st.Field(fa.Field).Name()
}

// stores returns the stores through addr.
func stores(addr ssa.Value) []*ssa.Store {
	var out []*ssa.Store
	for _, r := range *addr.Referrers() {
		if st, ok := r.(*ssa.Store); ok && st.Addr == addr {
			out = append(out, st)
		}
	}
	return out
}

// readerText returns the text a reader made in memory from it holds
// (strings.NewReader(s), bytes.NewBufferString(s), bytes.NewReader(b)),
// or nil for another reader (a file, the program's own standard input).
func readerText(r ssa.Value) ssa.Value {
	for {
		mi, ok := r.(*ssa.MakeInterface)
		if !ok {
			break
		}
		r = mi.X
	}
	c, ok := r.(*ssa.Call)
	if !ok || len(c.Call.Args) != 1 {
		return nil
	}
	fn := c.Call.StaticCallee()
	if fn == nil || fn.Pkg == nil || fn.Signature.Recv() != nil {
		return nil
	}
	switch fn.Pkg.Pkg.Path() + "." + fn.Name() {
	case "strings.NewReader", "bytes.NewReader", "bytes.NewBuffer", "bytes.NewBufferString":
		return c.Call.Args[0]
	}
	return nil
}

// judgeStdin judges the text sent on the standard input of sh, which reads
// its script there.
func judgeStdin(s *dataflow.Site, sh *shell, stdin []dataflow.Value) dataflow.Decision {
	var d dataflow.Decision
	for _, t := range stdin {
		t = t.Flatten()
		what := "shell script on the standard input of " + sh.name
		advice := `pass values as arguments after the script's "-s --" read as "$1" or run the program without a shell`
		if sh.code {
			what = "program text on the standard input of " + sh.name
			advice = "pass values as arguments of the program or choose the program text from constants"
		}
		if !t.Origin.Safe() {
			return report(s, what, t, advice, "")
		}
		d.Defer = d.Defer || t.DependsOnParams()
	}
	return d
}
