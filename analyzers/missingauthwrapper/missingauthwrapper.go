package missingauthwrapper

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/types"
	"path"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/microsec-lint/microsec-lint/internal/analysisutil"
	"github.com/microsec-lint/microsec-lint/internal/dataflow"
	"github.com/microsec-lint/microsec-lint/internal/flagval"
	"github.com/microsec-lint/microsec-lint/internal/gomicro"
	"github.com/microsec-lint/microsec-lint/internal/ruledoc"
)

//go:embed doc.go
var docSrc []byte

// Doc is the rule's documentation, parsed from doc.go.
var Doc = ruledoc.MustParse(docSrc, "missingauthwrapper")

// Config holds the analyzer's settings; New exposes each as a flag.
type Config struct {
	// Trusted lists extra functions and methods, as "import/path.Func" or
	// "(import/path.Type).Method", that are authenticating handler
	// wrappers, return one, or verify a credential.
	Trusted []string
	// Public lists handler types that are meant to be reachable without
	// authentication, as "import/path.Type" or a pattern (path.Match) of
	// the type's or generated service's name such as "*.Health".
	Public []string
}

// DefaultConfig returns the settings of Analyzer: health checks are public.
func DefaultConfig() Config {
	// Names that end in Health (PatientHealth, AccountHealth) are often
	// the business's own handlers, so only these names are public; a
	// generated service's full name, grpc.health.v1.Health, ends in .Health.
	return Config{Public: []string{"Health", "*.Health", "HealthHandler", "HealthCheck", "HealthService", "Healthz"}}
}

// Analyzer is the missingauthwrapper analyzer with the default settings.
var Analyzer = New(DefaultConfig())

// New returns a missingauthwrapper analyzer that starts from cfg; its
// flags (-trusted, -public) change that copy only.
func New(cfg Config) *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:      "missingauthwrapper",
		Doc:       Doc.Analyzer(),
		URL:       "https://github.com/microsec-lint/microsec-lint/blob/main/docs/rules.md#missingauthwrapper",
		Requires:  []*analysis.Analyzer{gomicro.SyntaxAnalyzer},
		FactTypes: []analysis.Fact{new(authFact), new(registrarFact), new(optionsFact), new(noProviderFact)},
	}
	a.Flags.Var((*flagval.FuncList)(&cfg.Trusted), "trusted",
		`extra authenticating handler wrappers (or functions returning one, or credential checks), comma-separated "import/path.Func" or "(import/path.Type).Method"`)
	a.Flags.Var((*flagval.List)(&cfg.Public), "public",
		`handler types meant to be public, comma-separated "import/path.Type" or name patterns such as "*.Health"; replaces the default`)
	a.Run = func(pass *analysis.Pass) (any, error) {
		run(pass, &cfg)
		return nil, nil
	}
	return a
}

// authFact marks a function, method or package variable that
// authenticates.
type authFact struct {
	// Wrapper: the object is a server.HandlerWrapper (or holds one) whose
	// handler checks a credential and fails the request when it does not
	// hold.
	Wrapper bool
	// Makes: calling the function returns such a wrapper.
	Makes bool
	// Verifier: the function checks a credential (a token, an account,
	// an API key) and reports failure through its result.
	Verifier bool
	// Via: the verifier checks its text argument only through a call the
	// rule cannot see into (an auth service's client) whose result
	// decides its failure; a wrapper's call of it counts as that call
	// would: given the credential, with a result that fails the request.
	Via bool
	// Open: the wrapper (or the one the function returns) would
	// authenticate, but calls the next handler without the check on a
	// path the caller chooses, or checks with the no-op auth; it says
	// which (openMissing, openHeader, openNoop).
	Open string
}

func (*authFact) AFact() {}

func (f *authFact) String() string {
	var s []string
	if f.Wrapper {
		s = append(s, "authwrapper")
	}
	if f.Makes {
		s = append(s, "makesauthwrapper")
	}
	if f.Verifier {
		s = append(s, "verifier")
	}
	switch f.Open {
	case "":
	case openNoop:
		s = append(s, "noopauth")
	default:
		s = append(s, "failsopen")
	}
	return strings.Join(s, ",")
}

// registrarFact marks a function that registers handlers on its
// parameter number Param (a server or service); its callers are judged.
type registrarFact struct{ Param int }

func (*registrarFact) AFact() {}

func (f *registrarFact) String() string { return "registers" }

// optionsFact marks a function returning options (or an option slice)
// that install handler wrappers.
type optionsFact struct {
	Auth     bool     // one of them authenticates
	Opaque   bool     // some option could not be seen into
	Wrappers []string // names of the wrappers that do not authenticate
	// OpenWrapper names one of them that fails open, OpenWhy says when.
	OpenWrapper, OpenWhy string
}

func (*optionsFact) AFact() {}

func (f *optionsFact) String() string {
	if f.Auth {
		return "authoptions"
	}
	return "options(" + strings.Join(f.Wrappers, ",") + ")"
}

// noProviderFact marks a function returning wrapper/auth HandlerOptions
// that never carry an auth provider other than the no-op one, or carry
// none but what one of its parameters is given: AuthHandler given them
// checks only that a token is present, unless the call gives that
// parameter a provider.
type noProviderFact struct {
	// NoProvider says the options never carry a provider.
	NoProvider bool
	// AuthParam, when NoProvider is false, is one more than the index of
	// the parameter whose value is the only provider they may carry.
	AuthParam int
}

func (*noProviderFact) AFact() {}

func (f *noProviderFact) String() string {
	if f.NoProvider {
		return "noprovider"
	}
	return fmt.Sprintf("authparam(%d)", f.AuthParam-1)
}

type checker struct {
	pass    *analysis.Pass
	cfg     *Config
	model   *gomicro.Model
	trusted map[string]bool
	// litAuth caches the verdict on handler literals.
	litAuth map[*ast.FuncLit]litVerdict
	// methodLits holds, for methods returned as method values by
	// wrappers, a function literal of the method's type and body.
	methodLits map[*ast.FuncDecl]*ast.FuncLit
	// headerCopies caches copiesHeaders.
	headerCopies map[*types.Var]bool
	// authPlugin caches authPluginLinked.
	authPlugin *bool
	// cacheHits holds the lookups of the credential in a cache of
	// verified tokens (see safeCache), with whether they hold when it is
	// found: a path through that branch passed a check before.
	cacheHits map[ast.Expr]bool
	// judging holds the variables and literals whose values are being
	// judged (see valuesCheck), against cycles.
	judging map[any]bool
	// args says what the parameters of the HandlerOptions helper being
	// judged are given by the call judged (see calledOptionsAuth).
	args paramArgs
}

func run(pass *analysis.Pass, cfg *Config) {
	c := &checker{pass: pass, cfg: cfg, trusted: map[string]bool{}, litAuth: map[*ast.FuncLit]litVerdict{}, methodLits: map[*ast.FuncDecl]*ast.FuncLit{}, headerCopies: map[*types.Var]bool{}, cacheHits: map[ast.Expr]bool{}, judging: map[any]bool{}}
	for _, t := range cfg.Trusted {
		c.trusted[strings.ReplaceAll(t, "*", "")] = true
	}
	goMicro := importsGoMicro(pass.Pkg)
	if !goMicro && !c.mayVerify() {
		return
	}
	c.model = gomicro.ModelOf(pass, c.external)
	c.learnFacts()
	if !goMicro {
		// A helper package (a token check that a wrapper elsewhere
		// calls) has nothing else to say.
		return
	}
	regs := c.registrations()
	c.exportOptionHelpers()
	c.exportNoProviderHelpers()
	for _, r := range regs {
		if r.Kind == gomicro.RegHandler {
			c.check(r)
		}
	}
}

// DepBodies is the rule's analysisutil.DepBodies: it learns facts from
// the packages outside the standard library that import go-micro, a
// package of the credential checks it knows by name (a JWT library,
// crypto/subtle...) or, directly or not, a package it learns from: a
// wrapper may check a token through a helper of another package.
func DepBodies(d analysisutil.Dep, needed func(string) bool) bool {
	if d.Std {
		return false
	}
	for _, imp := range d.Imports {
		if _, _, ok := gomicro.Split(imp); ok || credentialPackages[gomicro.VersionlessPath(imp)] || needed(imp) {
			return true
		}
	}
	return false
}

// credentialPackages declare the credential checks known by name.
var credentialPackages = func() map[string]bool {
	m := make(map[string]bool)
	for path := range credentialChecks {
		m[path] = true
	}
	return m
}()

// mayVerify reports whether a package that does not import go-micro may
// still hold a credential check for a wrapper elsewhere to call: it
// imports a package of the checks known by name, or names a -trusted
// function or one known to check a credential.
func (c *checker) mayVerify() bool {
	if analysisutil.InGOROOT(c.pass) {
		return false
	}
	for _, imp := range c.pass.Pkg.Imports() {
		if credentialPackages[gomicro.VersionlessPath(imp.Path())] {
			return true
		}
	}
	if len(c.trusted) > 0 {
		for _, obj := range c.pass.TypesInfo.Uses {
			if _, ok := obj.(*types.Func); ok && c.trusted[key(obj)] {
				return true
			}
		}
	}
	return analysisutil.NamesObjectWith(c.pass, new(authFact))
}

// importsGoMicro is the cheap guard: only packages that import a go-micro
// package, directly, can build wrappers, services or registrations.
func importsGoMicro(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if _, _, ok := gomicro.Split(imp.Path()); ok {
			return true
		}
	}
	return false
}

// registrations returns the package's registrations, exporting a
// registrarFact for every function that registers on its own parameter,
// until no new function is found (helpers calling helpers).
func (c *checker) registrations() []gomicro.Registration {
	isRegistrar := func(fn *types.Func) (int, bool) {
		var f registrarFact
		if c.pass.ImportObjectFact(fn, &f) {
			return f.Param, true
		}
		return 0, false
	}
	for range 8 {
		regs := c.model.Registrations(isRegistrar)
		changed := false
		for _, r := range regs {
			if r.Kind != gomicro.RegHandler {
				continue
			}
			t := c.model.TargetOf(r, r.Module)
			if t.Param == nil {
				continue
			}
			fn, i := c.model.ParamIndex(t.Param)
			if fn == nil || c.pass.ImportObjectFact(fn, new(registrarFact)) {
				continue
			}
			c.pass.ExportObjectFact(fn, &registrarFact{Param: i})
			changed = true
		}
		if !changed {
			return regs
		}
	}
	return c.model.Registrations(isRegistrar)
}

// check reports registration r when no authenticating wrapper guards the
// servers it registers on.
func (c *checker) check(r gomicro.Registration) {
	if c.public(r) || c.servesNothing(r) {
		return
	}
	t := c.model.TargetOf(r, r.Module)
	if t.Param != nil || t.Opaque || len(t.Components) == 0 {
		return // the callers, or nobody, can tell
	}
	var first *guard
	for _, comp := range t.Components {
		g := c.guarded(comp)
		if g.ok || g.unknown {
			return
		}
		if first == nil {
			first = &g
			first.comp = comp
		}
	}
	c.pass.Report(analysis.Diagnostic{
		Pos:      r.Call.Pos(),
		End:      r.Call.End(),
		Category: "error",
		Message:  c.message(r, first),
	})
}

// servesNothing reports whether the value r registers serves no endpoint,
// so that no wrapper need guard it: go-micro's NewHandler panics on nil,
// and its servers refuse a handler whose type has no exported method (a
// function, a struct with unexported methods only). A generated
// registrar's handler, nil included, is wrapped in a type that has the
// service's methods, and a value of interface or type parameter type may
// hold any handler: those may serve.
func (c *checker) servesNothing(r gomicro.Registration) bool {
	if r.Name != "" || r.Handler == nil {
		return false
	}
	tv, ok := c.pass.TypesInfo.Types[r.Handler]
	if !ok || tv.Type == nil {
		return false
	}
	if tv.IsNil() {
		return true
	}
	if types.IsInterface(tv.Type) {
		return false
	}
	methods := types.NewMethodSet(tv.Type)
	for i := range methods.Len() {
		if methods.At(i).Obj().Exported() {
			return false
		}
	}
	return true
}

// guard is the verdict on one service or server.
type guard struct {
	ok, unknown bool
	wrappers    []string // wrappers that do not authenticate
	// openWrapper is the first of them that would authenticate but calls
	// the handler unchecked when openWhy says.
	openWrapper, openWhy string
	v2noop               bool // v2's automatic auth wrapper, with the no-op auth
	comp                 *gomicro.Component
}

func (c *checker) guarded(comp *gomicro.Component) guard {
	var g guard
	opts := c.model.ServerOptions(comp)
	v2auto := comp.Ctor.Kind == gomicro.Service && comp.Ctor.Impl == gomicro.MicroServer && comp.Ctor.Ref.Module.Version == 2
	v2auth := false
	for _, o := range opts {
		switch o.Kind {
		case gomicro.OptOpaque:
			if o.Sub != gomicro.Client {
				g.unknown = true
			}
		case gomicro.OptWrapHandler:
			if f, ok := o.Fact.(*optionsFact); ok {
				switch {
				case f.Auth:
					g.ok = true
				case f.Opaque:
					g.unknown = true
				}
				g.wrappers = append(g.wrappers, f.Wrappers...)
				g.noteOpen(f.OpenWrapper, f.OpenWhy)
				continue
			}
			args := gomicro.WrapperArgs(o)
			for i, a := range args {
				if i == len(args)-1 && o.Call.Ellipsis.IsValid() {
					g.unknown = true
					continue
				}
				switch v, name, open := c.wrapper(a, 0); v {
				case yes:
					g.ok = true
				case unknown:
					g.unknown = true
				default:
					g.wrappers = append(g.wrappers, name)
					g.noteOpen(name, open)
				}
			}
		case gomicro.OptAuth:
			if o.Sub == gomicro.NoKind && !c.isNoopAuth(o.Arg, 0) {
				v2auth = true
			}
		}
	}
	if v2auto {
		if v2auth {
			g.ok = true
		} else {
			g.v2noop = true
		}
	}
	return g
}

// noteOpen records the first wrapper that fails open.
func (g *guard) noteOpen(name, why string) {
	if why != "" && g.openWhy == "" {
		g.openWrapper, g.openWhy = name, why
	}
}

func (c *checker) message(r gomicro.Registration, g *guard) string {
	handler := c.handlerName(r)
	on, fix := "a service", "micro.WrapHandler(yourAuthWrapper)"
	comp := g.comp
	name := c.model.NameOf(comp)
	switch {
	case comp.Ctor.Kind == gomicro.Server && comp.IsDefault():
		on, fix = "the default server", "server.Init(server.WrapHandler(yourAuthWrapper))"
	case comp.Ctor.Kind == gomicro.Server && name != "":
		on, fix = "server "+name, "server.WrapHandler(yourAuthWrapper)"
	case comp.Ctor.Kind == gomicro.Server:
		on, fix = "a server", "server.WrapHandler(yourAuthWrapper)"
	case name != "":
		on = "service " + name
	}
	if moved := c.replacedAuth(comp); moved != nil {
		return handler + " registered on " + on + " with no authentication wrapper: " + types.ExprString(moved) + " comes before micro.Server, which replaces the server it wraps; give micro.Server first"
	}
	switch {
	case g.openWhy != "":
		return handler + " registered on " + on + " whose handler wrapper " + g.openWrapper + " " + weakness(g.openWhy)
	case g.v2noop:
		return handler + " registered on " + on + " whose built-in auth wrapper uses the no-op auth, which accepts every request; pass micro.Auth(jwt.NewAuth(...)) or add " + fix
	case len(g.wrappers) > 0:
		// A wrapper may check the token in a way the rule cannot know
		// (a call to an auth service): say how to declare it.
		return handler + " registered on " + on + " whose handler wrappers (" + strings.Join(dedup(g.wrappers), ", ") + ") do not authenticate; add " + fix + ", or name a check the rule does not know with -missingauthwrapper.trusted"
	}
	return handler + " registered on " + on + " with no authentication wrapper; add " + fix
}

// replacedAuth returns the first option of service comp that adds an
// authenticating wrapper to a server a later micro.Server option replaces,
// or nil.
func (c *checker) replacedAuth(comp *gomicro.Component) ast.Expr {
	for _, o := range c.model.Replaced(comp, gomicro.Server) {
		if o.Kind != gomicro.OptWrapHandler || o.Call == nil {
			continue
		}
		if f, ok := o.Fact.(*optionsFact); ok {
			if f.Auth {
				return o.Call
			}
			continue
		}
		for _, a := range gomicro.WrapperArgs(o) {
			if v, _, _ := c.wrapper(a, 0); v == yes {
				return o.Call
			}
		}
	}
	return nil
}

func dedup(s []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// handlerName names the registered handler: "handler Orders".
func (c *checker) handlerName(r gomicro.Registration) string {
	if r.Name != "" {
		return "handler " + r.Name
	}
	if n := c.handlerType(r); n != nil {
		return "handler " + n.Obj().Name()
	}
	return "a handler"
}

func (c *checker) handlerType(r gomicro.Registration) *types.Named {
	if r.Handler == nil {
		return nil
	}
	t := c.pass.TypesInfo.TypeOf(r.Handler)
	if t == nil {
		return nil
	}
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

// public reports whether the handler of r is meant to be public: its type
// or generated service name matches -public.
func (c *checker) public(r gomicro.Registration) bool {
	var names []string
	if r.Name != "" {
		names = append(names, r.Name)
	}
	if n := c.handlerType(r); n != nil {
		names = append(names, n.Obj().Name())
		if n.Obj().Pkg() != nil {
			names = append(names, n.Obj().Pkg().Path()+"."+n.Obj().Name())
		}
	}
	for _, p := range c.cfg.Public {
		for _, n := range names {
			if ok, _ := path.Match(p, n); ok {
				return true
			}
			if !strings.ContainsAny(p, "/.") {
				if ok, _ := path.Match(strings.ToLower(p), strings.ToLower(n)); ok {
					return true
				}
			}
		}
	}
	return false
}

// exportOptionHelpers exports an optionsFact for every exported function
// of the package whose result is an option or an option slice installing
// handler wrappers, so that services built in other packages see them.
func (c *checker) exportOptionHelpers() {
	for fn, decl := range c.model.Funcs() {
		res := fn.Signature().Results()
		if res.Len() == 0 {
			continue
		}
		slice := false
		t := res.At(0).Type()
		if s, ok := t.Underlying().(*types.Slice); ok {
			t, slice = s.Elem(), true
		}
		if !isOptionType(t) {
			continue
		}
		var f optionsFact
		wraps := false
		for _, e := range c.model.ReturnedValues(decl) {
			for _, o := range c.model.OptionsOf(e, slice) {
				switch o.Kind {
				case gomicro.OptOpaque:
					f.Opaque = true
				case gomicro.OptWrapHandler:
					wraps = true
					if of, ok := o.Fact.(*optionsFact); ok {
						f.Auth = f.Auth || of.Auth
						f.Opaque = f.Opaque || of.Opaque
						f.Wrappers = append(f.Wrappers, of.Wrappers...)
						if f.OpenWhy == "" {
							f.OpenWrapper, f.OpenWhy = of.OpenWrapper, of.OpenWhy
						}
						continue
					}
					for _, a := range gomicro.WrapperArgs(o) {
						switch v, name, open := c.wrapper(a, 0); v {
						case yes:
							f.Auth = true
						case unknown:
							f.Opaque = true
						default:
							f.Wrappers = append(f.Wrappers, name)
							if f.OpenWhy == "" && open != "" {
								f.OpenWrapper, f.OpenWhy = name, open
							}
						}
					}
				}
			}
		}
		if wraps || f.Opaque {
			sort.Strings(f.Wrappers)
			c.pass.ExportObjectFact(fn, &f)
		}
	}
}

// isOptionType reports whether t is an option type of go-micro's root,
// service or server package.
func isOptionType(t types.Type) bool {
	return gomicro.IsNamedType(t, "", "Option") || gomicro.IsNamedType(t, "service", "Option") || gomicro.IsNamedType(t, "server", "Option")
}

// external resolves option helpers of other packages through their
// optionsFact: they become one WrapHandler option carrying the fact.
func (c *checker) external(call *ast.CallExpr, slice bool) ([]gomicro.Option, bool) {
	fn, ok := gomicro.Callee(c.pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == c.pass.Pkg {
		return nil, false
	}
	var f optionsFact
	if !c.pass.ImportObjectFact(fn, &f) {
		// A function with no fact installs no handler wrapper.
		return []gomicro.Option{{Expr: call, Kind: gomicro.OptOther}}, true
	}
	return []gomicro.Option{{Expr: call, Kind: gomicro.OptWrapHandler, Fact: &f}}, true
}

// key names obj the way -trusted does.
func key(obj types.Object) string { return dataflow.Key(obj) }
