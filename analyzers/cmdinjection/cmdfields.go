package cmdinjection

import (
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/microsec-lint/microsec-lint/internal/dataflow"
)

// cmdFields adds to k, the sink of call, the operands the code gives the
// *exec.Cmd the call returns: the text of the readers stored in its Stdin
// (strings.NewReader(script)), then the parts of the environment stored
// in its Env. k.Extra says how many readers follow the program and the
// arguments, and what each part of the environment is (see envPart and
// fieldOperands).
func cmdFields(k *dataflow.Sink, call ssa.CallInstruction) {
	v := call.Value()
	if v == nil || !isCmd(v.Type()) {
		return
	}
	var stdin []ssa.Value
	var env []envPart
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
	kinds := make([]byte, len(env))
	for i, p := range env {
		k.Args = append(k.Args, p.v)
		kinds[i] = p.kind
	}
	k.Extra = strconv.Itoa(len(stdin)) + "," + string(kinds)
}

// Kinds of the parts of an environment.
const (
	envList  = 'l' // a list of entries
	envEntry = 'e' // one entry, "NAME=value"
	envOwn   = 'o' // one entry built only from the program's own environment and constants
)

// envPart is a part of an environment set through Cmd.Env.
type envPart struct {
	kind byte
	v    ssa.Value
}

// envOperand is the origin of a part of an environment.
type envOperand struct {
	kind byte
	v    dataflow.Value
}

// fieldOperands returns the operands cmdFields added to a site: the
// standard input texts, then the parts of the environment.
func fieldOperands(s *dataflow.Site) (stdin []dataflow.Value, env []envOperand) {
	a, kinds, ok := strings.Cut(s.Extra, ",")
	if !ok || len(s.Args) < 2 {
		return nil, nil
	}
	n, err := strconv.Atoi(a)
	if err != nil || 2+n+len(kinds) != len(s.Args) {
		return nil, nil
	}
	for i, v := range s.Args[2+n:] {
		env = append(env, envOperand{kinds[i], v})
	}
	return s.Args[2 : 2+n], env
}

// envParts adds to parts those an environment v is made of: the operands
// of append (append(os.Environ(), "A="+a)), of each value a phi joins,
// the entries of a slice literal or of append's variadic arguments, or v
// itself as a list.
func envParts(v ssa.Value, parts []envPart, seen map[ssa.Value]bool) []envPart {
	if seen[v] {
		return parts
	}
	seen[v] = true
	switch x := v.(type) {
	case *ssa.Call:
		if b, ok := x.Call.Value.(*ssa.Builtin); ok && b.Name() == "append" && len(x.Call.Args) == 2 {
			parts = envParts(x.Call.Args[0], parts, seen)
			return envParts(x.Call.Args[1], parts, seen)
		}
	case *ssa.Phi:
		for _, e := range x.Edges {
			parts = envParts(e, parts, seen)
		}
		return parts
	case *ssa.UnOp:
		if fa, ok := x.X.(*ssa.FieldAddr); ok && x.Op == token.MUL && isCmd(fa.X.Type()) && fieldName(fa) == "Env" {
			// cmd.Env = append(cmd.Env, ...): what was stored
			// before is judged where it was stored.
			return parts
		}
	case *ssa.Slice:
		if entries, ok := literalEntries(x); ok {
			for _, e := range entries {
				kind := byte(envEntry)
				if ownEnvText(e, make(map[ssa.Value]bool)) {
					kind = envOwn
				}
				parts = append(parts, envPart{kind, e})
			}
			return parts
		}
	}
	return append(parts, envPart{envList, v})
}

// literalEntries returns the elements of s, a slice of an array that the
// function only fills element by element ([]string{a, b}, or the
// variadic arguments of append), in order.
func literalEntries(s *ssa.Slice) ([]ssa.Value, bool) {
	arr, ok := s.X.(*ssa.Alloc)
	if !ok || s.Low != nil || s.High != nil || s.Max != nil {
		return nil, false
	}
	at, ok := deref(arr.Type()).Underlying().(*types.Array)
	if !ok {
		return nil, false
	}
	out := make([]ssa.Value, at.Len())
	for _, r := range *arr.Referrers() {
		if r == s {
			continue
		}
		ia, ok := r.(*ssa.IndexAddr)
		if !ok {
			return nil, false
		}
		c, ok := ia.Index.(*ssa.Const)
		if !ok {
			return nil, false
		}
		i := c.Int64()
		st := stores(ia)
		if i < 0 || i >= at.Len() || len(st) != 1 || len(*ia.Referrers()) != 1 || out[i] != nil {
			return nil, false
		}
		out[i] = st[0].Val
	}
	if slices.Contains(out, nil) {
		return nil, false
	}
	return out, true
}

// deref returns what t points to, or t.
func deref(t types.Type) types.Type {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// ownEnvText reports whether v is text built only from constants and the
// program's own environment and directories: os.Getenv, os.LookupEnv,
// os.UserHomeDir, os.Getwd, os.TempDir, os.Executable, joined with + or
// filepath.Join, filepath.Dir or path.Join, or chosen among them.
func ownEnvText(v ssa.Value, seen map[ssa.Value]bool) bool {
	if seen[v] {
		return true
	}
	seen[v] = true
	switch x := v.(type) {
	case *ssa.Const:
		return true
	case *ssa.BinOp:
		return x.Op == token.ADD && ownEnvText(x.X, seen) && ownEnvText(x.Y, seen)
	case *ssa.Phi:
		for _, e := range x.Edges {
			if !ownEnvText(e, seen) {
				return false
			}
		}
		return true
	case *ssa.Extract:
		if c, ok := x.Tuple.(*ssa.Call); ok && x.Index == 0 {
			return ownEnvCall(c, seen)
		}
	case *ssa.Call:
		return ownEnvCall(x, seen)
	}
	return false
}

// ownEnvCall reports whether c returns the program's own environment or
// directories, or joins paths made only of them (see ownEnvText).
func ownEnvCall(c *ssa.Call, seen map[ssa.Value]bool) bool {
	fn := c.Call.StaticCallee()
	if fn == nil || fn.Pkg == nil || fn.Signature.Recv() != nil {
		return false
	}
	switch fn.Pkg.Pkg.Path() + "." + fn.Name() {
	case "os.Getenv", "os.LookupEnv", "os.UserHomeDir", "os.Getwd", "os.TempDir", "os.Executable":
		return true
	case "path/filepath.Join", "path/filepath.Dir", "path.Join", "path.Dir":
		for _, a := range c.Call.Args {
			if s, ok := a.(*ssa.Slice); ok {
				entries, ok := literalEntries(s)
				if !ok {
					return false
				}
				for _, e := range entries {
					if !ownEnvText(e, seen) {
						return false
					}
				}
			} else if !ownEnvText(a, seen) {
				return false
			}
		}
		return true
	}
	return false
}

// searchPathVariables are variables that list where a program looks for
// the programs, libraries or modules it runs or loads. Set from the
// program's own environment and fixed directories, they give the child
// nothing it did not inherit.
var searchPathVariables = []string{
	"PATH", "PYTHONPATH", "PERL5LIB", "RUBYLIB", "NODE_PATH",
	"LD_LIBRARY_PATH", "DYLD_LIBRARY_PATH", "DYLD_FALLBACK_LIBRARY_PATH",
}

// judgeEnv reports a variable of the environment set through Cmd.Env whose
// value the program runs or loads as code (see runsValue) set to text that
// is not constant, unless it is a search path built from the program's
// own environment (see searchPathVariables); and an entry that comes from
// external input with no constant name.
func judgeEnv(s *dataflow.Site, env []envOperand, prog string) dataflow.Decision {
	of := ""
	if prog != "" {
		of = " of " + prog
	}
	var d dataflow.Decision
	for _, part := range env {
		list := []dataflow.Value{part.v}
		if part.kind == envList {
			list = elems(part.v)
		}
		for _, el := range list {
			if el.Spread {
				// Entries not known one by one: the program's own
				// environment, os.Environ(), is external input too,
				// and cannot be told from others once passed on.
				d.Defer = d.Defer || el.DependsOnParams()
				continue
			}
			lead := el.Lead()
			if !nameSet(lead) {
				v := el.Flatten()
				if part.kind == envOwn {
					continue
				}
				if v.Origin == dataflow.External {
					return report(s, "environment entry"+of, v, nameAdvice, "")
				}
				d.Defer = d.Defer || v.DependsOnParams()
				continue
			}
			name, _, _ := strings.Cut(lead, "=")
			if !runsValue(lead) || part.kind == envOwn && slices.Contains(searchPathVariables, name) {
				continue
			}
			v := el.Flatten()
			if !v.Origin.Safe() {
				return report(s, "command in environment variable "+strconv.Quote(lead+"...")+of, v, "the value of this variable is run or loaded as code: choose it from a fixed set of constants", "")
			}
			d.Defer = d.Defer || v.DependsOnParams()
		}
	}
	return d
}

// nameAdvice is the advice for an environment entry whose name is not
// constant.
const nameAdvice = "its name can set a variable the program runs or loads (LD_PRELOAD, GIT_SSH_COMMAND): choose the name from a fixed set of constants"

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
