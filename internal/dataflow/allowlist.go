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

// allowListed is the origin of re.ReplaceAllString(src, repl), or of
// ReplaceAllLiteralString, when the client takes identifier text as safe
// (Config.IdentifierSafe) and the call leaves nothing in src but letters,
// digits and underscores: re replaces every run of other characters, as
// regexp.MustCompile("[^a-zA-Z0-9]+") does, with repl, itself made of those
// characters. Table names are cleaned so (go-micro v5's postgres stores).
func (e *engine) allowListed(recv ssa.Value, args []ssa.Value) bool {
	if !e.cfg.IdentifierSafe || recv == nil || len(args) != 2 {
		return false
	}
	repl, ok := args[1].(*ssa.Const)
	if !ok || repl.Value == nil || repl.Value.Kind() != goconstant.String || !identChars(goconstant.StringVal(repl.Value)) {
		return false
	}
	patterns, ok := e.regexpPatterns(recv, 0)
	if !ok || len(patterns) == 0 {
		return false
	}
	for _, p := range patterns {
		if !removesAllButIdentChars(p) {
			return false
		}
	}
	return true
}

// regexpPatterns returns the patterns of every regexp.MustCompile (or
// Compile) call whose result v may hold: the call itself, a package
// variable or a struct field (of any value of its type) that only such
// calls write. ok is false when some write is of something else.
func (e *engine) regexpPatterns(v ssa.Value, depth int) (patterns []string, ok bool) {
	if depth > 4 {
		return nil, false
	}
	switch v := v.(type) {
	case *ssa.Call:
		return compiledPattern(v.Common())
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok && v.Index == 0 {
			return compiledPattern(call.Common())
		}
	case *ssa.UnOp:
		if v.Op != token.MUL {
			return nil, false
		}
		switch addr := v.X.(type) {
		case *ssa.Global:
			return e.storedPatterns(func(a ssa.Value) bool { return a == addr }, depth)
		case *ssa.FieldAddr:
			t, field := addr.X.Type(), addr.Field
			return e.storedPatterns(func(a ssa.Value) bool {
				fa, ok := a.(*ssa.FieldAddr)
				return ok && fa.Field == field && types.Identical(fa.X.Type(), t)
			}, depth)
		}
	}
	return nil, false
}

// storedPatterns returns the patterns of every value that the package's
// functions store at an address isAddr accepts.
func (e *engine) storedPatterns(isAddr func(ssa.Value) bool, depth int) ([]string, bool) {
	var out []string
	for _, fn := range e.funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				st, ok := instr.(*ssa.Store)
				if !ok || !isAddr(st.Addr) {
					continue
				}
				ps, ok := e.regexpPatterns(st.Val, depth+1)
				if !ok {
					return nil, false
				}
				out = append(out, ps...)
			}
		}
	}
	return out, true
}

// compiledPattern returns the pattern of regexp.MustCompile(p) or
// regexp.Compile(p), p a constant.
func compiledPattern(c *ssa.CallCommon) ([]string, bool) {
	fn := c.StaticCallee()
	if fn == nil {
		return nil, false
	}
	obj := fn.Object()
	if obj == nil || obj.Pkg() == nil || obj.Pkg().Path() != "regexp" || (obj.Name() != "MustCompile" && obj.Name() != "Compile") || len(c.Args) != 1 {
		return nil, false
	}
	k, ok := c.Args[0].(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != goconstant.String {
		return nil, false
	}
	return []string{goconstant.StringVal(k.Value)}, true
}

// removesAllButIdentChars reports whether pattern matches one character,
// or runs of them, out of a class that holds every character but letters,
// digits and underscores (or some of them): replacing its matches leaves
// only those.
func removesAllButIdentChars(pattern string) bool {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return false
	}
	re = re.Simplify()
	if re.Op == syntax.OpPlus || re.Op == syntax.OpStar {
		re = re.Sub[0]
	}
	if re.Op != syntax.OpCharClass {
		return false
	}
	// re.Rune holds the class as sorted ranges; what it does not hold
	// survives, and must be identifier characters.
	next := rune(0)
	for i := 0; i+1 < len(re.Rune); i += 2 {
		if !identRange(next, re.Rune[i]-1) {
			return false
		}
		next = re.Rune[i+1] + 1
	}
	return identRange(next, unicode.MaxRune)
}

// identRange reports whether every character from lo to hi is an ASCII
// letter, digit or underscore (an empty range is).
func identRange(lo, hi rune) bool {
	for r := lo; r <= hi; r++ {
		if !identChar(r) {
			return false
		}
	}
	return true
}

func identChars(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return !identChar(r) }) < 0
}

func identChar(r rune) bool {
	return r == '_' || '0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
}
