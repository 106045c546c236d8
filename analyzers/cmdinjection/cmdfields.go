package cmdinjection

import (
	"go/types"
	"strconv"
	"strings"

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
	var stdin, env []ssa.Value
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
			case "Env":
				env = envParts(st.Val, env, make(map[ssa.Value]bool))
			}
		}
	}
	if len(stdin)+len(env) == 0 {
		return
	}
	k.Args = append(k.Args, stdin...)
	k.Args = append(k.Args, env...)
	k.Extra = strconv.Itoa(len(stdin)) + "," + strconv.Itoa(len(env))
}

// fieldOperands returns the operands cmdFields added to a site: the
// standard input texts, then the environment's lists.
func fieldOperands(s *dataflow.Site) (stdin, env []dataflow.Value) {
	a, b, ok := strings.Cut(s.Extra, ",")
	if !ok || len(s.Args) < 2 {
		return nil, nil
	}
	n, err1 := strconv.Atoi(a)
	m, err2 := strconv.Atoi(b)
	if err1 != nil || err2 != nil || 2+n+m != len(s.Args) {
		return nil, nil
	}
	return s.Args[2 : 2+n], s.Args[2+n:]
}

// envParts adds to parts the lists an environment v is made of: the
// operands of append (append(os.Environ(), "A="+a)), of each value a phi
// joins, or v itself.
func envParts(v ssa.Value, parts []ssa.Value, seen map[ssa.Value]bool) []ssa.Value {
	if seen[v] {
		return parts
	}
	seen[v] = true
	switch x := v.(type) {
	case *ssa.Call:
		if b, ok := x.Call.Value.(*ssa.Builtin); ok && b.Name() == "append" && len(x.Call.Args) == 2 {
			parts = envParts(x.Call.Args[0], parts, seen)
			return append(parts, x.Call.Args[1])
		}
	case *ssa.Phi:
		for _, e := range x.Edges {
			parts = envParts(e, parts, seen)
		}
		return parts
	}
	return append(parts, v)
}

// judgeEnv reports a variable of the environment set through Cmd.Env (the
// lists env) whose value the program runs or loads as code (see
// runsValue) set to text that is not constant.
func judgeEnv(s *dataflow.Site, env []dataflow.Value, prog string) dataflow.Decision {
	var d dataflow.Decision
	for _, list := range env {
		for _, el := range elems(list) {
			lead := el.Lead()
			if el.Spread || !runsValue(lead) {
				continue
			}
			v := el.Flatten()
			if !v.Origin.Safe() {
				what := "command in environment variable " + strconv.Quote(lead+"...")
				if prog != "" {
					what += " of " + prog
				}
				return report(s, what, v, "the value of this variable is run or loaded as code: choose it from a fixed set of constants", "")
			}
			d.Defer = d.Defer || v.DependsOnParams()
		}
	}
	return d
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
