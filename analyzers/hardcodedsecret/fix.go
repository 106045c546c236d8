package hardcodedsecret

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// suggestEnv offers to replace a string literal with a read of an
// environment variable (see readEnv) named after the place the secret goes (go-micro's own variable
// where it reads one: MICRO_AUTH_SECRET). It is offered only where the
// replacement compiles: a plain string literal, not a constant's value,
// of type string, with "os" imported or importable under that name. A
// literal found by its content alone is replaced only if the secret is all
// of it: a test fixture or a query with a key inside would not survive
// becoming an environment variable.
func (c *checker) suggestEnv(f *finding) (analysis.SuggestedFix, bool) {
	lit, ok := f.at.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING || c.values.declOf[lit] != nil || f.place.noFix {
		return analysis.SuggestedFix{}, false
	}
	if f.place.mode == modeMatch {
		if v, ok := c.constString(lit); !ok || v != f.secret {
			return analysis.SuggestedFix{}, false
		}
	}
	tv := c.pass.TypesInfo.Types[lit]
	if b, ok := tv.Type.(*types.Basic); !ok || b.Kind() != types.String && b.Kind() != types.UntypedString {
		return analysis.SuggestedFix{}, false
	}
	file := c.fileOf(lit.Pos())
	if file == nil {
		return analysis.SuggestedFix{}, false
	}
	scope := c.pass.Pkg.Scope().Innermost(lit.Pos())
	var edits []analysis.TextEdit
	switch _, obj := scope.LookupParent("os", lit.Pos()); obj := obj.(type) {
	case nil:
		edits = append(edits, importOS(file))
	case *types.PkgName:
		if obj.Imported().Path() != "os" {
			return analysis.SuggestedFix{}, false
		}
	default:
		return analysis.SuggestedFix{}, false // "os" is something else here
	}
	for _, name := range []string{"panic", "string"} {
		if _, obj := scope.LookupParent(name, lit.Pos()); obj != types.Universe.Lookup(name) {
			return analysis.SuggestedFix{}, false // the replacement would not compile
		}
	}
	if strings.HasSuffix(c.pass.Fset.Position(lit.Pos()).Filename, "_test.go") {
		// A test's fixture is better a constant than a variable every
		// test run needs.
		return analysis.SuggestedFix{}, false
	}
	env := f.place.env
	if env == "" {
		env = envName(f.kind)
	}
	edits = append(edits, analysis.TextEdit{
		Pos:     lit.Pos(),
		End:     lit.End(),
		NewText: []byte(readEnv(env)),
	})
	return analysis.SuggestedFix{
		Message:   fmt.Sprintf("Read the value from the environment variable %s, and stop if it is unset or empty", env),
		TextEdits: edits,
	}, true
}

// readEnv returns an expression that reads the environment variable env
// and panics when it is unset or empty. A plain os.Getenv would give ""
// instead: a password compared with it, or an HMAC or JWT key made of it,
// would then let anyone in.
func readEnv(env string) string {
	return fmt.Sprintf("func() string {\n\tv := os.Getenv(%s)\n\tif v == \"\" {\n\t\tpanic(%s)\n\t}\n\treturn v\n}()",
		strconv.Quote(env), strconv.Quote(env+" is not set"))
}

func (c *checker) fileOf(pos token.Pos) *ast.File {
	for _, f := range c.pass.Files {
		if f.FileStart <= pos && pos < f.FileEnd {
			return f
		}
	}
	return nil
}

// importOS returns the edit that adds import "os" to f.
func importOS(f *ast.File) analysis.TextEdit {
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		if gd.Lparen.IsValid() {
			return analysis.TextEdit{Pos: gd.Lparen + 1, End: gd.Lparen + 1, NewText: []byte("\n\t\"os\"")}
		}
		return analysis.TextEdit{Pos: gd.End(), End: gd.End(), NewText: []byte("\nimport \"os\"")}
	}
	return analysis.TextEdit{Pos: f.Name.End(), End: f.Name.End(), NewText: []byte("\n\nimport \"os\"")}
}

// envName turns a Go name, header name or kind of secret into the name of
// an environment variable: dbPassword is DB_PASSWORD, "X-Api-Key" is
// X_API_KEY, "aws access key id" is AWS_ACCESS_KEY_ID.
func envName(name string) string {
	var b strings.Builder
	prevLower := false
	for i := 0; i < len(name); i++ {
		ch := name[i]
		switch {
		case 'a' <= ch && ch <= 'z' || '0' <= ch && ch <= '9':
			b.WriteByte(byte(strings.ToUpper(string(ch))[0]))
			prevLower = true
		case 'A' <= ch && ch <= 'Z':
			nextLower := i+1 < len(name) && 'a' <= name[i+1] && name[i+1] <= 'z'
			if b.Len() > 0 && (prevLower || nextLower && i > 0 && 'A' <= name[i-1] && name[i-1] <= 'Z') {
				b.WriteByte('_')
			}
			b.WriteByte(ch)
			prevLower = false
		default:
			if b.Len() > 0 && !strings.HasSuffix(b.String(), "_") {
				b.WriteByte('_')
			}
			prevLower = false
		}
	}
	s := strings.Trim(b.String(), "_")
	if s == "" {
		return "SECRET"
	}
	return s
}
