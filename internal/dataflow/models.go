package dataflow

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/microsec-lint/microsec-lint/internal/gomicro"
)

// model returns the origin of result idx of a call to a function whose
// behaviour the analysis knows without reading it: formatting, string
// functions, sources of external input. Computed summaries would often say
// the same, but less precisely (strings.Builder's internals, for one).
func (e *engine) model(obj types.Object, recv ssa.Value, args []ssa.Value, idx int, c *ssa.CallCommon) (Value, bool) {
	if obj == nil || obj.Pkg() == nil {
		return Value{}, false
	}
	path, name, typ := obj.Pkg().Path(), obj.Name(), receiverTypeName(obj)
	all := func() Value {
		var r Value
		if recv != nil {
			r = e.eval(recv).Flatten()
		}
		for _, a := range args {
			r = Concat(r, e.eval(a).Flatten())
		}
		r.Finite, r.Consts, r.Prefix = false, nil, ""
		return r
	}
	integer := Value{Origin: IntegerOnly}
	switch path {
	case "strings", "bytes":
		if (typ == "Builder" || typ == "Buffer") && recv != nil {
			switch name {
			case "String", "Bytes":
				r := e.eval(recv).Flatten()
				r.Finite, r.Consts = false, nil
				return r, true
			}
		}
		return all(), true
	case "path", "path/filepath":
		r := all()
		if name == "Join" && len(args) == 1 && idx == 0 {
			// Join cleans the joined path: ".." cannot climb above
			// the root, so a path joined under a constant absolute
			// directory starts with "/" (filepath.Join("data",
			// "../-rf") is "-rf", under a relative one).
			if elems, ok := varargs(args[0]); ok && len(elems) > 0 {
				if c, ok := e.eval(elems[0]).Const(); ok && strings.HasPrefix(c, "/") {
					r.Prefix = "/"
				}
			}
		}
		return r, true
	case "net/url", "html", "bufio", "unicode/utf8", "mime":
		return all(), true
	case "strconv":
		switch {
		case strings.HasPrefix(name, "Format"), name == "Itoa",
			name == "AppendInt", name == "AppendUint", name == "AppendFloat", name == "AppendBool":
			if strings.HasPrefix(name, "Append") && len(args) > 0 {
				return Concat(e.eval(args[0]).Flatten(), integer), true
			}
			return integer, true
		case strings.Contains(name, "Quote"):
			return all(), true
		}
	case "regexp":
		if typ == "Regexp" && (name == "ReplaceAllString" || name == "ReplaceAllLiteralString") && idx == 0 && len(args) == 2 {
			if e.allowListed(recv, args) {
				return Value{Origin: Sanitised}, true
			}
			// The source, with parts of it replaced by the
			// replacement (and what it names of the source).
			r := Concat(e.eval(args[0]).Flatten(), e.eval(args[1]).Flatten())
			r.Finite, r.Consts, r.Prefix = false, nil, ""
			return r, true
		}
	case "fmt":
		switch name {
		case "Sprintf", "Errorf":
			return e.format(nil, args), true
		case "Sprint", "Sprintln":
			return e.printArgs(args), true
		case "Appendf":
			if len(args) > 0 {
				return Concat(e.eval(args[0]).Flatten(), e.format(nil, args[1:])), true
			}
		case "Append", "Appendln":
			if len(args) > 0 {
				return Concat(e.eval(args[0]).Flatten(), e.printArgs(args[1:])), true
			}
		}
	case "time":
		switch typ {
		case "Time", "Duration", "Month", "Weekday":
			if name == "Format" || name == "String" || name == "AppendFormat" {
				return integer, true
			}
		}
	case "encoding/hex":
		if strings.HasPrefix(name, "Encode") || name == "Dump" {
			return integer, true
		}
		return all(), true
	case "encoding/base64", "encoding/base32":
		if strings.HasPrefix(name, "Encode") {
			return integer, true
		}
		return all(), true
	case "os":
		switch name {
		case "Getenv", "LookupEnv", "Environ", "ExpandEnv", "Expand":
			return of(External, "os."+name+"(...)"), true
		case "Executable", "Getwd", "Hostname", "UserHomeDir", "UserCacheDir", "UserConfigDir", "TempDir", "ReadFile":
			return of(NonConstant, "os."+name+"()"), true
		}
	case "syscall":
		if name == "Getenv" || name == "Environ" {
			return of(External, "syscall."+name+"(...)"), true
		}
	case "net/http":
		switch typ {
		case "Header", "Cookie":
			return all(), true
		}
	case "os/exec":
		if name == "LookPath" && len(args) == 1 && idx == 0 {
			r := e.eval(args[0])
			r.Prefix = "" // a path found for the name
			return r, true
		}
	case "flag":
		return of(External, flagName(obj, args)), true
	case "io", "io/ioutil":
		if name == "ReadAll" && len(args) == 1 && idx == 0 {
			return e.eval(args[0]).Flatten(), true
		}
	case "encoding/json", "encoding/xml":
		// A decoder holds what it will read: Decode writes that through
		// its operand (see modelWrites).
		if name == "NewDecoder" && len(args) == 1 && idx == 0 {
			return e.eval(args[0]).Flatten(), true
		}
	case "github.com/jmoiron/sqlx":
		switch name {
		case "Rebind":
			if idx == 0 && len(args) > 0 {
				return e.eval(args[len(args)-1]), true
			}
		case "In", "Named":
			if idx == 0 && len(args) > 0 {
				return e.eval(args[0]), true
			}
		}
	}
	if _, rel, ok := gomicro.Split(path); ok && rel == "metadata" {
		return e.metadata(name, typ, recv, args, idx)
	}
	return Value{}, false
}

// metadata models go-micro's metadata package: the metadata of a context
// is the transport headers the caller sent (metadata.FromContext,
// metadata.Get), external input like the request; Copy and the Get method
// of a Metadata map pass on what they are given.
func (e *engine) metadata(name, typ string, recv ssa.Value, args []ssa.Value, idx int) (Value, bool) {
	switch {
	case typ == "" && (name == "FromContext" || name == "Get"):
		if idx != 0 {
			return Value{Origin: IntegerOnly}, true // whether it was there
		}
		return of(External, "metadata."+name+"(...)"), true
	case typ == "" && name == "Copy" && len(args) == 1:
		return e.eval(args[0]), true
	case typ == "Metadata" && name == "Get" && recv != nil:
		if idx != 0 {
			return Value{Origin: IntegerOnly}, true
		}
		return e.eval(recv).Flatten(), true
	}
	return Value{}, false
}

// flagName describes a flag value for messages: "flag -name".
func flagName(obj types.Object, args []ssa.Value) string {
	for _, a := range args {
		if c, ok := a.(*ssa.Const); ok && c.Value != nil && isString(c.Type()) {
			return "flag -" + constStringValue(c)
		}
	}
	return "flag." + obj.Name() + "(...)"
}

// modelWrites is what a known function writes through addr, one of its
// operands; ok is false if the function is not known.
func modelWrites(e *engine, obj types.Object, recv ssa.Value, args []ssa.Value, addr ssa.Value) (Value, bool) {
	none := Value{Finite: true}
	if obj == nil || obj.Pkg() == nil {
		return none, false
	}
	path, name, typ := obj.Pkg().Path(), obj.Name(), receiverTypeName(obj)
	argIs := func(i int) bool { return i < len(args) && args[i] == addr }
	switch path {
	case "strings", "bytes":
		if (typ == "Builder" || typ == "Buffer") && recv == addr {
			if strings.HasPrefix(name, "Write") && len(args) > 0 {
				return e.eval(args[0]).Flatten(), true
			}
			return none, true
		}
	case "fmt":
		switch name {
		case "Fprintf":
			if argIs(0) {
				return e.format(nil, args[1:]), true
			}
		case "Fprint", "Fprintln":
			if argIs(0) {
				return e.printArgs(args[1:]), true
			}
		case "Sscan", "Sscanf", "Sscanln":
			if len(args) > 0 && args[0] != addr {
				return e.eval(args[0]).Flatten(), true
			}
		case "Scan", "Scanf", "Scanln":
			return of(External, "standard input"), true
		}
		return none, true
	case "io":
		if name == "WriteString" && argIs(0) && len(args) == 2 {
			return e.eval(args[1]).Flatten(), true
		}
	case "encoding/json", "encoding/xml", "google.golang.org/protobuf/proto", "github.com/golang/protobuf/proto":
		if name == "Unmarshal" && len(args) == 2 && args[1] == addr {
			return e.eval(args[0]).Flatten(), true
		}
		if name == "Decode" && recv != nil && argIs(0) {
			return e.eval(recv).Flatten(), true
		}
	case "flag":
		if strings.HasSuffix(name, "Var") || name == "Func" {
			return of(External, flagName(obj, args)), true
		}
	}
	return none, false
}

// printArgs is the origin of fmt.Sprint's output for a variadic operand.
func (e *engine) printArgs(args []ssa.Value) Value {
	if len(args) == 0 {
		return constant("")
	}
	elems, ok := varargs(args[len(args)-1])
	if !ok {
		return e.eval(args[len(args)-1]).Flatten()
	}
	r := constant("")
	for _, x := range elems {
		r = Concat(r, e.operand(x, 'v'))
	}
	r.Finite, r.Consts, r.Prefix = false, nil, "" // a struct prints as "{...}"
	return r
}

// format is the origin of fmt.Sprintf(args[0], args[1]...), the variadic
// operand last. Verbs that print digits only make their operand
// integer-only; %s, %v and %q keep the operand's origin.
func (e *engine) format(_ *ssa.CallCommon, args []ssa.Value) Value {
	if len(args) == 0 {
		return of(NonConstant, "a format")
	}
	f := e.eval(args[0])
	var ops []ssa.Value
	known := true
	if len(args) > 1 {
		ops, known = varargs(args[len(args)-1])
	}
	text, isConst := f.Const()
	if !isConst || !known {
		r := f
		if len(args) > 1 {
			r = Concat(r, e.eval(args[len(args)-1]).Flatten())
		}
		r.Finite, r.Consts, r.Prefix = false, nil, formatLead(f.Lead())
		return r
	}
	verbs := parseVerbs(text)
	if len(verbs) == 0 && len(ops) == 0 {
		return f
	}
	r := Value{}
	used := make([]bool, len(ops))
	for _, v := range verbs {
		if v.arg < 0 || v.arg >= len(ops) {
			continue
		}
		used[v.arg] = true
		r = Concat(r, e.operand(ops[v.arg], v.verb))
	}
	for i, u := range used {
		if !u {
			r = Concat(r, e.operand(ops[i], 'v'))
		}
	}
	r.Finite, r.Consts, r.Prefix = false, nil, formatLead(text)
	return r
}

// formatLead is the text that starts every result of a format that starts
// with lead: lead up to its first verb.
func formatLead(lead string) string {
	if i := strings.IndexByte(lead, '%'); i >= 0 {
		return lead[:i]
	}
	return lead
}

// operand is the origin of one formatted operand under a verb.
func (e *engine) operand(x ssa.Value, verb rune) Value {
	t := x.Type()
	if isNumeric(t) {
		switch verb {
		case 'c', 'q', 'U':
			return e.eval(x)
		}
		if !hasStringMethod(t) {
			return Value{Origin: IntegerOnly}
		}
	}
	switch verb {
	case 'd', 'o', 'O', 'b', 'e', 'E', 'f', 'F', 'g', 'G', 't', 'p':
		if isNumeric(t) || isPointerish(t) {
			return Value{Origin: IntegerOnly}
		}
	case 'x', 'X':
		return Value{Origin: IntegerOnly}
	}
	if verb == 's' || verb == 'v' || verb == 'q' {
		if m := stringMethod(t); m != nil {
			if s := e.importFact(m); s != nil && len(s.Results) == 1 {
				return e.subst(nil, s.Results[0], []ssa.Value{x}, []Value{e.eval(x)})
			}
		}
	}
	return e.eval(x).Flatten()
}

func isPointerish(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Chan, *types.Signature:
		return true
	}
	return false
}

func hasStringMethod(t types.Type) bool { return stringMethod(t) != nil }

// stringMethod returns the String method of a concrete named type.
func stringMethod(t types.Type) *types.Func {
	if types.IsInterface(t) {
		return nil
	}
	if _, name := namedOf(t); name == "" {
		return nil
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "String")
	f, ok := obj.(*types.Func)
	if !ok || f.Signature().Params().Len() != 0 || f.Signature().Results().Len() != 1 {
		return nil
	}
	return f
}

// varargs returns the operands stored into a variadic slice built at the
// call, with interface conversions removed.
func varargs(v ssa.Value) ([]ssa.Value, bool) {
	if c, ok := v.(*ssa.Const); ok && c.Value == nil {
		return nil, true
	}
	s, ok := v.(*ssa.Slice)
	if !ok {
		return nil, false
	}
	a, ok := s.X.(*ssa.Alloc)
	if !ok {
		return nil, false
	}
	arr, ok := a.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Array)
	if !ok {
		return nil, false
	}
	ops := make([]ssa.Value, arr.Len())
	for _, r := range *a.Referrers() {
		ia, ok := r.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		c, ok := ia.Index.(*ssa.Const)
		if !ok {
			return nil, false
		}
		i, ok := constIndex(c)
		if !ok || i >= len(ops) {
			return nil, false
		}
		for _, w := range *ia.Referrers() {
			if st, ok := w.(*ssa.Store); ok && st.Addr == ia {
				x := st.Val
				if mi, ok := x.(*ssa.MakeInterface); ok {
					x = mi.X
				}
				ops[i] = x
			}
		}
	}
	for _, op := range ops {
		if op == nil {
			return nil, false
		}
	}
	return ops, true
}

// verb is one formatting directive: its verb and the operand it prints.
type verb struct {
	verb rune
	arg  int
}

// parseVerbs lists the directives of a format string with the operand each
// consumes, following fmt's rules for '*' and explicit [n] indexes.
func parseVerbs(format string) []verb {
	var vs []verb
	arg := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) && strings.IndexByte("+-# 0", format[i]) >= 0 {
			i++
		}
		index := func() {
			if i < len(format) && format[i] == '[' {
				j := strings.IndexByte(format[i:], ']')
				if j < 0 {
					return
				}
				n := 0
				for _, d := range format[i+1 : i+j] {
					if d < '0' || d > '9' {
						n = -1
						break
					}
					n = n*10 + int(d-'0')
				}
				if n > 0 {
					arg = n - 1
				}
				i += j + 1
			}
		}
		index()
		if i < len(format) && format[i] == '*' {
			vs = append(vs, verb{'d', arg})
			arg++
			i++
		}
		for i < len(format) && format[i] >= '0' && format[i] <= '9' {
			i++
		}
		if i < len(format) && format[i] == '.' {
			i++
			index()
			if i < len(format) && format[i] == '*' {
				vs = append(vs, verb{'d', arg})
				arg++
				i++
			}
			for i < len(format) && format[i] >= '0' && format[i] <= '9' {
				i++
			}
		}
		index()
		if i >= len(format) {
			break
		}
		if format[i] == '%' {
			continue
		}
		r := rune(format[i])
		vs = append(vs, verb{r, arg})
		arg++
	}
	return vs
}

// isExternalType reports whether values of type t carry external input
// whole: *http.Request, and go-micro's request, message and event types.
func isExternalType(t types.Type) bool {
	path, name := namedOf(t)
	if path == "" {
		return false
	}
	if pathIs(path, "net/http") && name == "Request" {
		_, ptr := types.Unalias(t).(*types.Pointer)
		return ptr
	}
	if _, rel, ok := gomicro.Split(path); ok {
		switch rel {
		case "server":
			return name == "Request" || name == "Message"
		case "broker":
			return name == "Event" || name == "Publication"
		}
	}
	return false
}

// isExternalSource reports whether a call returns external input: a method
// of an external type other than its context.
func isExternalSource(obj types.Object) bool {
	f, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	recv := f.Signature().Recv()
	if recv == nil || !isExternalType(recv.Type()) {
		return false
	}
	switch f.Name() {
	case "Context", "WithContext", "Clone", "Write", "WriteProxy", "ParseForm", "ParseMultipartForm", "Ack", "Error":
		return false
	}
	return true
}
