package hardcodedsecret

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/microsec-lint/microsec-lint/internal/analysisutil"
	"github.com/microsec-lint/microsec-lint/internal/ruledoc"
	"github.com/microsec-lint/microsec-lint/internal/secrets"
)

//go:embed doc.go
var docSrc []byte

// Doc is the rule's documentation, parsed from doc.go.
var Doc = ruledoc.MustParse(docSrc, "hardcodedsecret")

// Config holds the analyzer's settings; New exposes each as a flag.
type Config struct {
	// Tests reports findings in _test.go files and testdata packages (at
	// note level); false drops them.
	Tests bool
	// Placeholders are extra words that mark a value as a placeholder.
	Placeholders []string
}

// DefaultConfig returns the settings of Analyzer.
func DefaultConfig() Config { return Config{Tests: true} }

// Analyzer is the hardcodedsecret analyzer with the default settings.
var Analyzer = New(DefaultConfig())

// New returns a hardcodedsecret analyzer that starts from cfg; its flags
// (-tests, -placeholders) change that copy only.
func New(cfg Config) *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:      "hardcodedsecret",
		Doc:       Doc.Analyzer(),
		URL:       "https://github.com/microsec-lint/microsec-lint/blob/main/docs/rules.md#hardcodedsecret",
		FactTypes: []analysis.Fact{new(reportedConst)},
	}
	a.Flags.BoolVar(&cfg.Tests, "tests", cfg.Tests,
		"report secrets in _test.go files and testdata packages, at note level")
	a.Flags.Var((*wordList)(&cfg.Placeholders), "placeholders",
		"comma-separated words that mark a value as a placeholder, added to the built-in ones (default none)")
	a.Run = func(pass *analysis.Pass) (any, error) {
		return run(pass, cfg)
	}
	return a
}

// wordList is a flag.Value of comma-separated words; each Set adds to it.
type wordList []string

func (w *wordList) String() string { return strings.Join(*w, ",") }

func (w *wordList) Set(s string) error {
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			*w = append(*w, f)
		}
	}
	return nil
}

// reportedConst marks a package-level constant whose value this analyzer
// reported where it is declared, so that packages using it do not report
// it again.
type reportedConst struct{ Kind string }

func (*reportedConst) AFact() {}

func (f *reportedConst) String() string { return "hard-coded " + f.Kind }

// DepBodies is the rule's analysisutil.DepBodies: it learns nothing it
// needs from a dependency outside the user's modules. Its reportedConst facts
// only keep a secret from being reported twice, and a secret reported in
// a package nobody reads is better reported again where the user's code
// uses it.
func DepBodies(analysisutil.Dep, func(string) bool) bool { return false }

// place says where a value flows and what that tells about it.
type place struct {
	mode mode
	noun string // kind of secret when no detector names one
	what string // where, for messages: "auth.Credentials secret", "field Password"
	env  string // environment variable the suggested fix reads
	rank int    // the highest-ranked place of a literal describes it
	// noFix withholds the suggested fix: a map key read from the
	// environment would change which entry the map has.
	noFix bool
}

// finding is the secret found in one literal, the best place it reaches.
type finding struct {
	at     ast.Expr // the literal, concatenation or constant reference
	kind   string
	secret string
	place  place
	obj    *types.Const // the named constant at holds, if any
}

type checker struct {
	pass   *analysis.Pass
	cfg    Config
	sc     secrets.Scanner
	values *valueIndex
	found  map[token.Pos]*finding
	keys   map[types.Object]objectKey // objKey's answers for the functions called
}

// objectKey is an answer of objKey.
type objectKey struct {
	key   string
	micro bool
}

// keyOf is objKey, once per function: a package calls the same few
// functions over and over, and each key is a string made anew.
func (c *checker) keyOf(obj types.Object) (string, bool) {
	k, ok := c.keys[obj]
	if !ok {
		k.key, k.micro = objKey(obj)
		c.keys[obj] = k
	}
	return k.key, k.micro
}

func run(pass *analysis.Pass, cfg Config) (any, error) {
	if analysisutil.InGOROOT(pass) {
		// The standard library declares no secret of the user's; its
		// packages are run only to give facts to the ones that import
		// them, and it has none worth giving.
		return nil, nil
	}
	test := isTestPackage(pass.Pkg.Path())
	if test && !cfg.Tests {
		return nil, nil
	}
	c := &checker{
		pass:   pass,
		cfg:    cfg,
		sc:     secrets.Scanner{Placeholders: cfg.Placeholders},
		values: newValueIndex(pass.TypesInfo),
		found:  map[token.Pos]*finding{},
		keys:   map[types.Object]objectKey{},
	}
	// One walk of the files indexes the values and lists the nodes to
	// check, which are checked once every file is indexed (a value may be
	// assigned below its use, or in another file). The literals are
	// looked at after every other check, of every file: a check that
	// traces a value to its literal says where it is used, and of two
	// checks of equal rank the first one counts.
	var todo []ast.Node
	var lits []ast.Expr
	for _, f := range pass.Files {
		todo, lits = c.walk(f, todo, lits)
	}
	for _, n := range todo {
		c.check(n)
	}
	for _, e := range lits {
		c.consider(e, place{mode: modeMatch, what: "string literal", rank: 1})
	}
	c.report(test)
	return nil, nil
}

// isTestPackage reports whether a package holds test data: its import path
// has a testdata element. Test files are recognised one by one.
func isTestPackage(path string) bool {
	for _, e := range strings.Split(path, "/") {
		if e == "testdata" {
			return true
		}
	}
	return false
}

// consider records that expr, if it holds a secret, reaches p.
func (c *checker) consider(expr ast.Expr, p place) {
	v, ok := c.values.origin(expr)
	if !ok {
		return
	}
	if v.obj != nil && v.obj.Pkg() != c.pass.Pkg && c.pass.ImportObjectFact(v.obj, new(reportedConst)) {
		return // reported where the constant is declared
	}
	kind, secret, ok := c.classify(v.value, p)
	if !ok {
		return
	}
	pos := v.at.Pos()
	if old := c.found[pos]; old != nil && old.place.rank >= p.rank {
		return
	}
	c.found[pos] = &finding{at: v.at, kind: kind, secret: secret, place: p, obj: v.obj}
}

// classify decides whether value is a secret at a place of mode p.mode and
// returns its kind and the secret part of it.
func (c *checker) classify(value string, p place) (kind, secret string, ok bool) {
	if ms := c.sc.Scan(value); len(ms) > 0 {
		return ms[0].Kind, ms[0].Secret(value), true
	}
	switch p.mode {
	case modeSecret:
		if strings.Contains(value, "-----BEGIN ") {
			return "", "", false // a public key or certificate, or a broken key
		}
		if c.sc.IsPlaceholder(value) {
			return "", "", false
		}
		return p.noun, value, true
	case modeName:
		v := stripAuthScheme(value)
		if !c.sc.LooksLikeSecret(v) {
			return "", "", false
		}
		return p.noun, v, true
	}
	return "", "", false
}

// stripAuthScheme removes the scheme word of an Authorization value
// ("Bearer abc…" is the token "abc…").
func stripAuthScheme(v string) string {
	for _, s := range []string{"Bearer ", "bearer ", "Token ", "token ", "Bot "} {
		if strings.HasPrefix(v, s) {
			return strings.TrimSpace(v[len(s):])
		}
	}
	return v
}

// checkCall looks at the arguments of calls to sinks, at parameters named
// like secrets, at header setters and at constant-time comparisons.
func (c *checker) checkCall(call *ast.CallExpr) {
	info := c.pass.TypesInfo
	obj := typeutil.Callee(info, call)
	if s, ok := c.callSink(obj); ok {
		p := place{mode: s.mode, noun: s.noun, what: s.what, env: s.env, rank: 3}
		for i, arg := range call.Args {
			if s.arg < 0 || i == s.arg {
				c.consider(arg, p)
			}
		}
		return
	}
	if c.checkHeaderCall(call, obj) || c.checkCompareCall(call, obj) {
		return
	}
	c.checkSecretParams(call, obj)
	c.checkKeyedDefault(call, obj)
}

// checkKeyedDefault treats the text given right after a constant key
// named like a secret as that secret: the default of
// flag.String("admin-password", "...", usage), of a fallback helper
// getenv("DB_PASSWORD", "..."), a value set under that key. Both
// parameters must be strings; the strings package's functions, whose
// arguments are text to search or replace, are left out.
func (c *checker) checkKeyedDefault(call *ast.CallExpr, obj types.Object) {
	fn, ok := obj.(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() == "strings" || fn.Pkg().Path() == "bytes" {
		return
	}
	sig := fn.Signature()
	params := sig.Params()
	for i := 0; i+1 < len(call.Args) && i+1 < params.Len(); i++ {
		if sig.Variadic() && i+1 == params.Len()-1 {
			return
		}
		if !isStringType(params.At(i).Type()) || !isStringType(params.At(i+1).Type()) {
			continue
		}
		key, isConst := c.constString(call.Args[i])
		if !isConst {
			continue
		}
		if kind, ok := secrets.NameKind(key); ok {
			_, shown, ok := c.constKey(call.Args[i])
			if !ok {
				return // random-looking: not a name, maybe a secret itself
			}
			c.consider(call.Args[i+1], place{mode: modeName, noun: kind, what: named("default", shown, false), env: envName(shown), rank: 2, noFix: shown == ""})
			return
		}
	}
}

func isStringType(t types.Type) bool {
	b, ok := t.(*types.Basic)
	return ok && b.Kind() == types.String
}

// checkSecretParams treats an argument passed to a parameter named like a
// secret (Login(user, password string)) as named like one.
func (c *checker) checkSecretParams(call *ast.CallExpr, obj types.Object) {
	fn, ok := obj.(*types.Func)
	if !ok {
		return
	}
	params := fn.Signature().Params()
	for i, arg := range call.Args {
		if i >= params.Len() || fn.Signature().Variadic() && i >= params.Len()-1 {
			return
		}
		name := params.At(i).Name()
		if kind, ok := secrets.NameKind(name); ok {
			c.consider(arg, place{mode: modeName, noun: kind, what: "parameter " + name + " of " + fn.Name(), env: envName(name), rank: 2})
		}
	}
}

// secretHeaders are HTTP header names whose values are credentials but
// whose names do not say so in words NameKind knows.
var secretHeaders = map[string]bool{"authorization": true, "proxy-authorization": true}

// headerKind reports whether the header or metadata key name carries a
// credential, and what kind.
func headerKind(name string) (string, bool) {
	if secretHeaders[strings.ToLower(name)] {
		return "credential", true
	}
	return secrets.NameKind(name)
}

// checkHeaderCall handles http.Header.Set and Add, and go-micro's
// metadata.Set, with a constant credential header name.
func (c *checker) checkHeaderCall(call *ast.CallExpr, obj types.Object) bool {
	fn, ok := obj.(*types.Func)
	if !ok || fn.Pkg() == nil {
		return false
	}
	key, micro := c.keyOf(fn)
	var nameArg int
	switch {
	case !micro && (key == "net/http.Header.Set" || key == "net/http.Header.Add"):
		nameArg = 0
	case micro && key == "metadata.Set":
		nameArg = 1
	default:
		return false
	}
	if len(call.Args) < nameArg+2 {
		return true
	}
	name, shown, ok := c.constKey(call.Args[nameArg])
	if !ok {
		return true
	}
	if kind, ok := headerKind(name); ok {
		c.consider(call.Args[nameArg+1], place{mode: modeName, noun: kind, what: named("header", shown, false), env: envName(shown), rank: 2, noFix: shown == ""})
	}
	return true
}

// compareFuncs are the functions that compare their two arguments, by
// package path and name.
var compareFuncs = map[[2]string]bool{
	{"crypto/subtle", "ConstantTimeCompare"}: true,
	{"crypto/hmac", "Equal"}:                 true,
	{"strings", "EqualFold"}:                 true,
	{"strings", "Compare"}:                   true,
	{"bytes", "Equal"}:                       true,
	{"bytes", "EqualFold"}:                   true,
	{"bytes", "Compare"}:                     true,
}

// checkCompareCall handles comparisons by function (strings.EqualFold,
// bytes.Equal, subtle.ConstantTimeCompare, hmac.Equal) of a value named
// like a secret with a constant. A constant compared in constant time is
// taken for a secret whatever the other side is named: that is what
// constant-time comparison is for.
func (c *checker) checkCompareCall(call *ast.CallExpr, obj types.Object) bool {
	fn, ok := obj.(*types.Func)
	if !ok || fn.Pkg() == nil || len(call.Args) != 2 || !compareFuncs[[2]string{fn.Pkg().Path(), fn.Name()}] {
		return false
	}
	c.compare(call.Args[0], call.Args[1])
	if fn.Pkg().Path() == "crypto/subtle" || fn.Pkg().Path() == "crypto/hmac" {
		p := place{mode: modeName, noun: "secret", what: "constant-time comparison", env: "SECRET", rank: 2}
		c.consider(call.Args[0], p)
		c.consider(call.Args[1], p)
	}
	return true
}

// checkSwitch handles switch password { case "…": }: each case is a
// comparison with the switch's value.
func (c *checker) checkSwitch(sw *ast.SwitchStmt) {
	if sw.Tag == nil {
		return
	}
	for _, st := range sw.Body.List {
		if cc, ok := st.(*ast.CaseClause); ok {
			for _, e := range cc.List {
				c.compare(sw.Tag, e)
			}
		}
	}
}

// checkComparison handles x == "…" and x != "…" where x is named like a
// secret: a password or token checked against a constant.
func (c *checker) checkComparison(b *ast.BinaryExpr) {
	if b.Op == token.EQL || b.Op == token.NEQ {
		c.compare(b.X, b.Y)
	}
}

func (c *checker) compare(x, y ast.Expr) {
	for _, pair := range [][2]ast.Expr{{x, y}, {y, x}} {
		kind, name, ok := c.secretOperand(pair[0])
		if ok {
			c.consider(pair[1], place{mode: modeName, noun: kind, what: "comparison with " + name, env: envName(name), rank: 2})
		}
	}
}

// secretOperand reports whether e is named like a secret: a variable or
// field (password), a conversion of one ([]byte(token)), or a lookup with a
// constant key named like one (r.FormValue("password"), os.Getenv("TOKEN"),
// r.Header.Get("X-Api-Key"), md["Authorization"]).
func (c *checker) secretOperand(e ast.Expr) (kind, name string, ok bool) {
	e = ast.Unparen(e)
	if _, isConst := c.constString(e); isConst {
		return "", "", false
	}
	switch e := e.(type) {
	case *ast.Ident:
		kind, ok = secrets.NameKind(e.Name)
		return kind, e.Name, ok
	case *ast.SelectorExpr:
		kind, ok = secrets.NameKind(e.Sel.Name)
		return kind, e.Sel.Name, ok
	case *ast.CallExpr:
		if tv, isType := c.pass.TypesInfo.Types[e.Fun]; isType && tv.IsType() && len(e.Args) == 1 {
			return c.secretOperand(e.Args[0])
		}
		if len(e.Args) == 1 {
			if key, isName := c.constName(e.Args[0]); isName {
				kind, ok = headerKind(key)
				return kind, key, ok
			}
		}
	case *ast.IndexExpr:
		if key, isName := c.constName(e.Index); isName {
			kind, ok = headerKind(key)
			return kind, key, ok
		}
	}
	return "", "", false
}

// checkCompositeLit handles struct fields and map entries.
func (c *checker) checkCompositeLit(lit *ast.CompositeLit) {
	tv, ok := c.pass.TypesInfo.Types[lit]
	if !ok {
		return
	}
	switch u := tv.Type.Underlying().(type) {
	case *types.Struct:
		owner := namedOf(tv.Type)
		for i, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				if i < u.NumFields() {
					c.field(owner, u.Field(i).Name(), elt) // Login{"svc", "…"}
				}
				continue
			}
			if id, ok := kv.Key.(*ast.Ident); ok {
				c.field(owner, id.Name, kv.Value)
			}
		}
	case *types.Map:
		if b, ok := u.Key().Underlying().(*types.Basic); !ok || b.Info()&types.IsString == 0 {
			return
		}
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			c.mapEntry(kv)
		}
	}
}

// mapEntry handles an entry of a map keyed by strings: the value of a
// key named like a secret ("password") is that secret. A key that is
// named like a secret but looks random ("secret_Hq7Lm2Zx9Pv4Kt8W" in a
// table of client secrets) is not printed: when it looks like a secret
// it is the one reported. A key spelt in an unusual way
// ("db_password[primary]", "x-ms-az-token") names its value all the same,
// which is reported without the key.
func (c *checker) mapEntry(kv *ast.KeyValueExpr) {
	key, ok := c.constString(kv.Key)
	if !ok {
		return
	}
	kind, ok := headerKind(key)
	if !ok {
		return
	}
	_, shown, ok := c.constKey(kv.Key)
	if !ok {
		c.consider(kv.Key, place{mode: modeName, noun: kind, what: "map key", rank: 2, noFix: true})
		return
	}
	p := place{mode: modeName, noun: kind, what: named("map entry", shown, true), env: envName(shown), rank: 2, noFix: shown == ""}
	if lit, ok := ast.Unparen(kv.Value).(*ast.CompositeLit); ok {
		// url.Values{"password": {"…"}}: each of the key's values.
		p.noFix = true
		for _, elt := range lit.Elts {
			c.consider(elt, p)
		}
		return
	}
	c.consider(kv.Value, p)
}

// field records a value written to field name of a struct of type owner
// (nil when the struct type is not named).
func (c *checker) field(owner *types.Named, name string, value ast.Expr) {
	if owner != nil {
		if s, ok := fieldSink(owner, name); ok {
			c.consider(value, place{mode: s.mode, noun: s.noun, what: s.what, env: s.env, rank: 3})
			return
		}
	}
	if kind, ok := secrets.NameKind(name); ok {
		c.consider(value, place{mode: modeName, noun: kind, what: "field " + name, env: envName(name), rank: 2})
	}
}

// checkAssign handles x.Password = "…" and password := "…".
func (c *checker) checkAssign(as *ast.AssignStmt) {
	if len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, lhs := range as.Lhs {
		switch l := ast.Unparen(lhs).(type) {
		case *ast.SelectorExpr:
			sel := c.pass.TypesInfo.Selections[l]
			if sel == nil || sel.Kind() != types.FieldVal {
				continue
			}
			c.field(namedOf(sel.Recv()), l.Sel.Name, as.Rhs[i])
		case *ast.Ident:
			c.named("variable", l.Name, as.Rhs[i])
		}
	}
}

// checkValueSpec handles const and var declarations.
func (c *checker) checkValueSpec(spec *ast.ValueSpec) {
	if len(spec.Names) != len(spec.Values) {
		return
	}
	for i, id := range spec.Names {
		what := "variable"
		if _, ok := c.pass.TypesInfo.Defs[id].(*types.Const); ok {
			what = "constant"
		}
		c.named(what, id.Name, spec.Values[i])
	}
}

func (c *checker) named(what, name string, value ast.Expr) {
	if kind, ok := secrets.NameKind(name); ok {
		c.consider(value, place{mode: modeName, noun: kind, what: what + " " + name, env: envName(name), rank: 2})
	}
}

// checkSecretFunc handles the results of functions named like secrets:
// func apiKey() string { return "…" }.
func (c *checker) checkSecretFunc(fd *ast.FuncDecl) {
	kind, ok := secrets.NameKind(fd.Name.Name)
	if !ok || fd.Body == nil {
		return
	}
	p := place{mode: modeName, noun: kind, what: "result of " + fd.Name.Name, env: envName(fd.Name.Name), rank: 2}
	c.returns(fd.Body, func(ret *ast.ReturnStmt) {
		if len(ret.Results) >= 1 {
			c.consider(ret.Results[0], p)
		}
	})
}

// checkKeyFunc handles JWT key functions, func(*jwt.Token) (any, error),
// that return a constant key.
func (c *checker) checkKeyFunc(fl *ast.FuncLit) {
	sig, ok := c.pass.TypesInfo.Types[fl].Type.(*types.Signature)
	if !ok || sig.Params().Len() != 1 || sig.Results().Len() != 2 || !isJWTToken(sig.Params().At(0).Type()) {
		return
	}
	p := place{mode: modeSecret, noun: "jwt verification key", what: "jwt key function", env: "JWT_SIGNING_KEY", rank: 3}
	c.returns(fl.Body, func(ret *ast.ReturnStmt) {
		if len(ret.Results) == 2 {
			c.consider(ret.Results[0], p)
		}
	})
}

// returns calls f with the return statements of body, not those of the
// function literals inside it.
func (c *checker) returns(body *ast.BlockStmt, f func(*ast.ReturnStmt)) {
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			f(n)
		}
		return true
	})
}

// walk indexes the values of f, appends to todo the nodes of f that check
// knows, in source order, and appends to lits the string constants
// written in f that hold a literal: a recognised token, key or URL
// credential is a secret wherever it is. Of a constant expression only the
// largest is listed.
func (c *checker) walk(f *ast.File, todo []ast.Node, lits []ast.Expr) ([]ast.Node, []ast.Expr) {
	ast.Inspect(f, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.ImportSpec:
			return false
		case *ast.CallExpr, *ast.CompositeLit, *ast.AssignStmt, *ast.ValueSpec,
			*ast.BinaryExpr, *ast.FuncLit, *ast.FuncDecl, *ast.SwitchStmt:
			todo = append(todo, n)
		}
		c.values.visit(n)
		if e, ok := n.(ast.Expr); ok && mayBeConstString(e) {
			if _, ok := c.constString(e); ok {
				if containsLiteral(e) {
					lits = append(lits, e)
				}
				// Its parts are constants too, and hold nothing
				// else to check: skipping them lists only the
				// largest, in time linear in the length of a
				// long concatenation.
				return false
			}
		}
		return true
	})
	return todo, lits
}

// check makes the checks of a node that walk listed.
func (c *checker) check(n ast.Node) {
	switch n := n.(type) {
	case *ast.CallExpr:
		c.checkCall(n)
	case *ast.CompositeLit:
		c.checkCompositeLit(n)
	case *ast.AssignStmt:
		c.checkAssign(n)
	case *ast.ValueSpec:
		c.checkValueSpec(n)
	case *ast.BinaryExpr:
		c.checkComparison(n)
	case *ast.FuncLit:
		c.checkKeyFunc(n)
	case *ast.FuncDecl:
		c.checkSecretFunc(n)
	case *ast.SwitchStmt:
		c.checkSwitch(n)
	}
}

// mayBeConstString reports whether e is an expression that can be a
// constant string with a literal in it: a literal, or a concatenation,
// parentheses, conversion, min or max around one. Names hold no literal,
// and other expressions are never constant strings: looking every
// expression up in the type information was most of this walk's cost.
func mayBeConstString(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.BasicLit:
		return e.Kind == token.STRING
	case *ast.BinaryExpr, *ast.ParenExpr, *ast.CallExpr:
		return true
	}
	return false
}

// containsLiteral reports whether e has a string literal in it, as opposed
// to only naming constants declared elsewhere.
func containsLiteral(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
			found = true
		}
		return !found
	})
	return found
}

// constString returns the value of e when it is a constant string.
func (c *checker) constString(e ast.Expr) (string, bool) {
	return constStringOf(c.pass.TypesInfo, e)
}

// report emits one diagnostic per literal, in source order.
func (c *checker) report(testPkg bool) {
	fs := make([]*finding, 0, len(c.found))
	for _, f := range c.found {
		fs = append(fs, f)
	}
	sort.Slice(fs, func(i, j int) bool { return fs[i].at.Pos() < fs[j].at.Pos() })
	for _, f := range fs {
		test := testPkg || strings.HasSuffix(c.pass.Fset.File(f.at.Pos()).Name(), "_test.go")
		if test && !c.cfg.Tests {
			continue
		}
		d := analysis.Diagnostic{
			Pos:     f.at.Pos(),
			End:     f.at.End(),
			Message: c.message(f),
		}
		if test {
			d.Category = "note"
		}
		if fix, ok := c.suggestEnv(f); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
		c.pass.Report(d)
		if k := c.values.declOf[f.at]; k != nil && k.Parent() == c.pass.Pkg.Scope() {
			c.pass.ExportObjectFact(k, &reportedConst{Kind: f.kind})
		}
	}
}

// message says what the secret is and where it goes, never the secret.
func (c *checker) message(f *finding) string {
	fix := "read it from the environment or a secret manager"
	if strings.Contains(f.kind, "private key") || strings.Contains(f.kind, "key block") {
		fix = "load it from a file or a secret manager at run time"
	}
	return fmt.Sprintf("%s %s hard-coded in %s; %s", f.kind, secrets.Redact(f.secret), f.place.what, fix)
}
