package unsignedpublish

import (
	_ "embed"
	"go/ast"
	"go/constant"
	"go/types"
	"slices"
	"strconv"
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
var Doc = ruledoc.MustParse(docSrc, "unsignedpublish")

// Config holds the analyzer's settings; New exposes each as a flag.
type Config struct {
	// Signers lists extra functions whose result is a message signature,
	// client wrappers whose Publish signs, or broker wrappers (a broker
	// type's Publish that signs, a function returning such a broker), as
	// "import/path.Func" or "(import/path.Type).Method".
	Signers []string
	// Verifiers lists extra functions that check a message signature.
	Verifiers []string
}

// Analyzer is the unsignedpublish analyzer with the default settings.
var Analyzer = New(Config{})

// New returns an unsignedpublish analyzer that starts from cfg; its flags
// (-signers, -verifiers) change that copy only.
func New(cfg Config) *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:      "unsignedpublish",
		Doc:       Doc.Analyzer(),
		URL:       "https://github.com/microsec-lint/microsec-lint/blob/main/docs/rules.md#unsignedpublish",
		Requires:  []*analysis.Analyzer{gomicro.SyntaxAnalyzer},
		FactTypes: []analysis.Fact{new(signFact), new(forwardFact)},
	}
	a.Flags.Var((*flagval.Names)(&cfg.Signers), "signers",
		`extra functions returning a message signature, signing client wrappers or signing broker wrappers, comma-separated "import/path.Func" or "(import/path.Type).Method"`)
	a.Flags.Var((*flagval.Names)(&cfg.Verifiers), "verifiers",
		"extra functions that check a message signature, in the same form as -signers")
	a.Run = func(pass *analysis.Pass) (any, error) {
		run(pass, &cfg)
		return nil, nil
	}
	return a
}

// signFact marks functions and methods of a package for importers.
type signFact struct {
	// Signer: the function's result is (or carries) a signature.
	Signer bool
	// Verifier: the function checks a signature.
	Verifier bool
	// SigningClient: the function is a client.Wrapper whose client signs
	// publishes, or returns one; on a Publish method, that it signs.
	SigningClient bool
	// VerifyingWrapper: the function returns a subscriber wrapper that
	// verifies (a factory: NewSubscriberWrapper(key)). Calling it checks
	// nothing itself.
	VerifyingWrapper bool
	// SigningBroker: on a broker type's Publish method, that it signs the
	// message before publishing it; on a function returning a broker,
	// that every broker it returns is of such a type.
	SigningBroker bool
}

func (*signFact) AFact() {}

func (f *signFact) String() string {
	var s []string
	if f.Signer {
		s = append(s, "signer")
	}
	if f.Verifier {
		s = append(s, "verifier")
	}
	if f.SigningClient {
		s = append(s, "signingclient")
	}
	if f.VerifyingWrapper {
		s = append(s, "verifyingwrapper")
	}
	if f.SigningBroker {
		s = append(s, "signingbroker")
	}
	return strings.Join(s, ",")
}

// forwardFact marks a function that publishes what it is given, unsigned
// and unchanged: the broker message or the context of a publish is its
// parameter Param. Its callers are judged instead, on the argument they
// pass: the forwarder cannot sign what its callers decide, and a signed
// message passes through it.
type forwardFact struct {
	Kind       pubKind
	Param      int    // the message (broker), context (client, event) or first option (stream)
	RecvParam  int    // the client or event published through, or -1
	BodyParam  int    // the client.Message or event payload, or -1
	TopicParam int    // the topic, or -1
	Topic      string // the topic, quoted, when the forwarder names it; or ""
}

func (*forwardFact) AFact() {}

func (f *forwardFact) String() string { return "forwards(" + f.Kind.what() + ")" }

// pubKind is the API a publish goes through.
type pubKind int

const (
	pubBroker pubKind = iota // broker.Publish, Broker.Publish: the message carries the signature
	pubClient                // client.Publish, Client.Publish: the context does
	pubEvent                 // micro.Event.Publish: the context does
	pubStream                // events.Publish, Stream.Publish: the metadata option does
)

func (k pubKind) what() string {
	return [...]string{"broker publish", "publish", "event publish", "event stream publish"}[k]
}

func (k pubKind) fix() string {
	return [...]string{
		"put an HMAC or ed25519 signature of the body in Message.Header (a direct broker publish bypasses client wrappers)",
		"add a signature of the body to the context metadata or publish through a client wrapper whose Publish signs",
		"add a signature of the body to the context metadata or give the event a client wrapped by a signing client wrapper",
		"add a signature of the payload with events.WithMetadata",
	}[k]
}

type checker struct {
	pass               *analysis.Pass
	model              *gomicro.Model
	signers, verifiers map[string]bool
	entrySigned        map[*types.Var]bool
	headerSigned       map[*types.Var]bool
	ctxMemo, msgMemo   map[ctxKey]bool               // see contextSigned, messageSigned
	returns            map[*ast.FuncDecl][]ast.Expr  // see returnedValues
	callees            map[calleesKey][]types.Object // see bodyVerifies
	parents            map[ast.Node]ast.Node         // see parentOf
}

// forget drops the memos of contextSigned and messageSigned, whose answers
// change when a fact is learnt or a signed entry indexed.
func (c *checker) forget() {
	clear(c.ctxMemo)
	clear(c.msgMemo)
}

// returnedValues is the model's ReturnedValues of decl, found once.
func (c *checker) returnedValues(decl *ast.FuncDecl) []ast.Expr {
	rs, ok := c.returns[decl]
	if !ok {
		rs = c.model.ReturnedValues(decl)
		c.returns[decl] = rs
	}
	return rs
}

func run(pass *analysis.Pass, cfg *Config) {
	c := &checker{
		pass:         pass,
		signers:      map[string]bool{},
		verifiers:    map[string]bool{},
		entrySigned:  map[*types.Var]bool{},
		headerSigned: map[*types.Var]bool{},
		ctxMemo:      map[ctxKey]bool{},
		msgMemo:      map[ctxKey]bool{},
		returns:      map[*ast.FuncDecl][]ast.Expr{},
		callees:      map[calleesKey][]types.Object{},
	}
	for _, s := range cfg.Signers {
		c.signers[s] = true
	}
	for _, s := range cfg.Verifiers {
		c.verifiers[s] = true
	}
	if !importsGoMicro(pass.Pkg) && !importsCrypto(pass.Pkg) && !c.namesSigning() {
		return
	}
	c.model = gomicro.ModelOf(pass, nil)
	if !isStd(pass.Pkg.Path()) {
		c.learnFacts()
	}
	if !importsGoMicro(pass.Pkg) {
		return
	}
	c.indexSignedEntries()
	c.forget()
	c.learnForwarders()
	for _, call := range c.model.Calls() {
		c.checkPublish(call)
	}
	for _, r := range c.model.Registrations(nil) {
		if r.Kind == gomicro.RegSubscriber {
			c.checkSubscriber(r)
		}
	}
}

// isStd reports whether path is a standard library package of
// cryptography, whose functions are known by name (signers, verifiers)
// rather than learnt: ed25519.Sign checks its own signature, which does
// not make it a verifier.
func isStd(path string) bool {
	return path == "crypto" || strings.HasPrefix(path, "crypto/") || strings.HasPrefix(path, "internal/") || strings.HasPrefix(path, "vendor/")
}

func importsGoMicro(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if _, _, ok := gomicro.Split(imp.Path()); ok {
			return true
		}
	}
	return false
}

// DepBodies is the rule's analysisutil.DepBodies: it learns facts from
// packages outside the standard library that import go-micro, a package
// of the signers and verifiers it knows by name (crypto/hmac,
// crypto/ed25519, a JWT library...) or, directly or not, a package it
// learns from: a subscriber may verify through a helper of another
// package.
func DepBodies(d analysisutil.Dep, needed func(string) bool) bool {
	if d.Std {
		return false
	}
	for _, imp := range d.Imports {
		if _, _, ok := gomicro.Split(imp); ok || signingPackages[gomicro.VersionlessPath(imp)] || needed(imp) {
			return true
		}
	}
	return false
}

// namesSigning reports whether a package that imports neither go-micro
// nor a cryptography package names a -signers or -verifiers function, or
// one that a fact says signs or verifies: it may wrap it for others.
func (c *checker) namesSigning() bool {
	if len(c.signers) > 0 || len(c.verifiers) > 0 {
		for _, obj := range c.pass.TypesInfo.Uses {
			if _, ok := obj.(*types.Func); ok && (c.signers[key(obj)] || c.verifiers[key(obj)]) {
				return true
			}
		}
	}
	return analysisutil.NamesObjectWith(c.pass, new(signFact))
}

// signingPackages declare the signers and verifiers known by name.
var signingPackages = func() map[string]bool {
	m := make(map[string]bool)
	for _, t := range []gomicro.FuncTable{signers, verifiers} {
		for path := range t {
			m[path] = true
		}
	}
	return m
}()

// importsCrypto: packages that may hold signing helpers for others.
func importsCrypto(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if cryptoPath(imp.Path()) {
			return true
		}
	}
	return false
}

func cryptoPath(p string) bool {
	return strings.HasPrefix(p, "crypto") || strings.Contains(p, "jwt") || strings.Contains(p, "jose") || strings.Contains(p, "jwx")
}

// learnFacts judges the package's functions and methods, until nothing
// changes.
func (c *checker) learnFacts() {
	funcs := c.model.Funcs()
	// Answers about contexts and messages depend on the facts learnt
	// so far.
	defer c.forget()
	for range 6 {
		c.forget()
		// Which headers a Publish method signs depends on the
		// signers known so far (see publishesSigned).
		c.indexSignedEntries()
		changed := false
		for fn, decl := range funcs {
			var old signFact
			c.pass.ImportObjectFact(fn, &old)
			f := old
			sig := fn.Signature()
			if !f.Signer && sig.Results().Len() > 0 {
				for _, r := range c.returnedValues(decl) {
					if c.signed(r, 0, map[types.Object]bool{}) || c.messageSigned(r, 0) || c.contextSigned(r, 0) {
						f.Signer = true
					}
				}
			}
			if !f.Verifier && c.bodyVerifies(decl.Body, isSubscriberWrapperSig(sig)) {
				f.Verifier = true
			}
			if !f.VerifyingWrapper && sig.Results().Len() == 1 && isSubscriberWrapperType(sig.Results().At(0).Type()) {
				// A factory of verifying subscriber wrappers:
				// NewSubscriberWrapper(key) server.SubscriberWrapper,
				// every wrapper it returns verifying (not a pass-through
				// when no key is set).
				rs := c.returnedValues(decl)
				f.VerifyingWrapper = len(rs) > 0
				for _, r := range rs {
					f.VerifyingWrapper = f.VerifyingWrapper && c.verifyingWrapper(r)
				}
			}
			if !f.SigningClient {
				switch {
				case fn.Name() == "Publish" && sig.Recv() != nil && sig.Params().Len() >= 2 && gomicro.IsNamedType(sig.Params().At(1).Type(), "client", "Message"):
					f.SigningClient = c.bodySigns(decl.Body) && c.clientPublishesSigned(decl)
				case isClientWrapperSig(sig) || (sig.Results().Len() == 1 && isClientWrapperType(sig.Results().At(0).Type())):
					for _, r := range c.returnedValues(decl) {
						if c.clientWrapper(r, 0) {
							f.SigningClient = true
						}
					}
				}
			}
			if !f.SigningBroker {
				f.SigningBroker = c.learnSigningBroker(fn, decl)
			}
			if f != old {
				c.pass.ExportObjectFact(fn, &f)
				changed = true
			}
		}
		if !changed {
			return
		}
	}
}

// learnSigningBroker reports whether fn is a broker type's Publish method
// that signs the message (m.Header["X-Signature"] = sign(m.Body), then the
// wrapped broker's Publish, with no broker publish ahead of the signing),
// or returns a broker of such a type on every
// return: func Wrap(b broker.Broker) broker.Broker { return &Signing{b} }.
func (c *checker) learnSigningBroker(fn *types.Func, decl *ast.FuncDecl) bool {
	sig := fn.Signature()
	if isBrokerPublish(fn) {
		return c.publishSigns(decl.Body)
	}
	if sig.Results().Len() == 0 || !isBrokerValue(sig.Results().At(0).Type()) {
		return false
	}
	rs := c.returnedValues(decl)
	for _, r := range rs {
		if !c.brokerSigns(r, 0) {
			return false
		}
	}
	return len(rs) > 0
}

// isBrokerPublish reports whether fn is a Publish method of the shape of
// broker.Broker's: Publish(topic string, m *broker.Message, ...).
func isBrokerPublish(fn *types.Func) bool {
	sig := fn.Signature()
	if fn.Name() != "Publish" || sig.Recv() == nil || sig.Params().Len() < 2 {
		return false
	}
	p, ok := sig.Params().At(1).Type().(*types.Pointer)
	return ok && gomicro.IsNamedType(p.Elem(), "broker", "Message")
}

// isBrokerValue reports whether t is broker.Broker or a type with a
// Publish method of its shape.
func isBrokerValue(t types.Type) bool {
	if gomicro.IsNamedType(t, "broker", "Broker") {
		return true
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "Publish")
	fn, ok := obj.(*types.Func)
	return ok && isBrokerPublish(fn)
}

// brokerSigns reports whether every broker the expression e may hold
// signs what it publishes: a value of a type whose Publish signs, the
// result of a function that returns only such brokers (a -signers
// function, or one with a SigningBroker fact), or a variable every value
// of which is one of those.
func (c *checker) brokerSigns(e ast.Expr, depth int) bool {
	e = ast.Unparen(e)
	if e == nil || depth > 6 {
		return false
	}
	info := c.pass.TypesInfo
	switch x := e.(type) {
	case *ast.CallExpr:
		if fn, ok := gomicro.Callee(info, x).(*types.Func); ok && c.signingBrokerFunc(fn) {
			return true
		}
		if decl := c.model.LocalFunc(x); decl != nil {
			rs := c.returnedValues(decl)
			for _, r := range rs {
				if !c.brokerSigns(r, depth+1) {
					return false
				}
			}
			return len(rs) > 0
		}
	case *ast.Ident, *ast.SelectorExpr:
		if sel, ok := x.(*ast.SelectorExpr); ok && c.optionsBrokerSigns(sel) {
			return true
		}
		v := c.model.VarOf(x)
		if v == nil || !types.IsInterface(v.Type()) {
			break // a concrete type decides
		}
		rhs, unknown := c.model.Assigned(v)
		if unknown || len(rhs) == 0 {
			return false // a parameter, or set elsewhere
		}
		for _, r := range rhs {
			if !c.brokerSigns(r, depth+1) {
				return false
			}
		}
		return true
	}
	// A broker value of a concrete type: does its Publish sign?
	t := info.TypeOf(e)
	if t == nil || types.IsInterface(t) {
		return false
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, c.pass.Pkg, "Publish")
	fn, ok := obj.(*types.Func)
	return ok && c.signingBrokerFunc(fn)
}

// optionsBrokerSigns reports whether sel, x.Options().Broker, is a
// signing broker: the client x (cl, svc.Client()) publishes through one
// (see brokerSigning), or the last micro.Broker of each service x may be
// gives one on every path; it sets the broker the service's Options hold
// (v4 options.go:83).
func (c *checker) optionsBrokerSigns(sel *ast.SelectorExpr) bool {
	call, ok := ast.Unparen(sel.X).(*ast.CallExpr)
	if !ok || sel.Sel.Name != "Broker" || len(call.Args) != 0 {
		return false
	}
	fun, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || fun.Sel.Name != "Options" {
		return false
	}
	if gomicro.IsNamedType(c.pass.TypesInfo.TypeOf(fun.X), "client", "Client") {
		return c.brokerSigning(c.clientComponents(fun.X, 0))
	}
	if gomicro.IsNamedType(c.pass.TypesInfo.TypeOf(fun.X), "server", "Server") {
		// svc.Server().Options().Broker: micro.Broker gives the
		// service's server the broker too (v4 options.go:84-86).
		return c.lastBrokerIs(c.serverComponents(fun.X, 0), true, c.signingBrokerOption)
	}
	comps := c.model.ValueOf(fun.X).Components
	for _, comp := range comps {
		if comp.Ctor.Kind != gomicro.Service || !c.serviceBrokerSigns(comp) {
			return false
		}
	}
	return len(comps) > 0
}

// serviceBrokerSigns reports whether the last micro.Broker option of
// service svc on every path gives a signing broker, and every one applied
// after it on some paths does too.
func (c *checker) serviceBrokerSigns(svc *gomicro.Component) bool {
	var last []*gomicro.Option
	always := false
	for i := range svc.Options {
		switch o := &svc.Options[i]; {
		case o.Kind == gomicro.OptOpaque:
			return false
		case o.Kind == gomicro.OptComponent && o.Target == gomicro.Broker && o.Sub == gomicro.NoKind:
			if c.optionCertain(o) {
				last, always = last[:0], true
			}
			last = append(last, o)
		}
	}
	return always && allBrokers(last, c.signingBrokerOption)
}

// signingBrokerFunc reports whether fn signs what it publishes (a Publish
// method) or returns only brokers that do: a -signers function, or one
// with a SigningBroker fact.
func (c *checker) signingBrokerFunc(fn *types.Func) bool {
	var f signFact
	return c.signers[key(fn)] || c.pass.ImportObjectFact(fn, &f) && f.SigningBroker
}

// isSubscriberWrapperType reports whether t is server.SubscriberWrapper or
// a function of its shape.
func isSubscriberWrapperType(t types.Type) bool {
	if gomicro.IsNamedType(t, "server", "SubscriberWrapper") {
		return true
	}
	sig, ok := t.Underlying().(*types.Signature)
	return ok && isSubscriberWrapperSig(sig)
}

// verifyingWrapper reports whether a subscriber wrapper a factory returns
// is one that verifies: a literal whose handler does, or a function or a
// call of one with a Verifier fact. Values the factory was given do not
// count.
func (c *checker) verifyingWrapper(e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		return c.bodyVerifies(x.Body, true)
	case *ast.Ident:
		fn, ok := c.pass.TypesInfo.Uses[x].(*types.Func)
		return ok && c.isVerifier(fn)
	case *ast.SelectorExpr:
		fn, ok := c.pass.TypesInfo.Uses[x.Sel].(*types.Func)
		return ok && c.isVerifier(fn)
	case *ast.CallExpr:
		fn, ok := gomicro.Callee(c.pass.TypesInfo, x).(*types.Func)
		return ok && (c.isVerifier(fn) || c.makesVerifyingWrapper(fn))
	}
	return false
}

// makesVerifyingWrapper reports whether fn returns a verifying subscriber
// wrapper (its fact).
func (c *checker) makesVerifyingWrapper(fn *types.Func) bool {
	var f signFact
	return c.pass.ImportObjectFact(fn, &f) && f.VerifyingWrapper
}

// isSubscriberWrapperSig reports whether sig is func(server.SubscriberFunc)
// server.SubscriberFunc, whose check is in the handler it returns.
func isSubscriberWrapperSig(sig *types.Signature) bool {
	return sig.Params().Len() == 1 && sig.Results().Len() == 1 &&
		gomicro.IsNamedType(sig.Params().At(0).Type(), "server", "SubscriberFunc")
}

func isClientWrapperSig(sig *types.Signature) bool {
	return sig.Params().Len() == 1 && sig.Results().Len() == 1 &&
		gomicro.IsNamedType(sig.Params().At(0).Type(), "client", "Client") &&
		gomicro.IsNamedType(sig.Results().At(0).Type(), "client", "Client")
}

func isClientWrapperType(t types.Type) bool {
	if gomicro.IsNamedType(t, "client", "Wrapper") {
		return true
	}
	sig, ok := t.Underlying().(*types.Signature)
	return ok && isClientWrapperSig(sig)
}

// clientWrapper reports whether e, a client.Wrapper or a client.Client
// built by one, signs publishes: the Publish method of the client type it
// returns signs.
func (c *checker) clientWrapper(e ast.Expr, depth int) bool {
	e = ast.Unparen(e)
	if e == nil || depth > 6 {
		return false
	}
	info := c.pass.TypesInfo
	switch x := e.(type) {
	case *ast.FuncLit:
		for _, r := range c.model.ReturnedIn(x.Body) {
			if c.clientWrapper(r, depth+1) {
				return true
			}
		}
		return false
	case *ast.Ident, *ast.SelectorExpr:
		var obj types.Object
		if id, ok := x.(*ast.Ident); ok {
			obj = info.Uses[id]
		} else {
			obj = info.Uses[x.(*ast.SelectorExpr).Sel]
		}
		if fn, ok := obj.(*types.Func); ok {
			var f signFact
			return c.signers[key(fn)] || (c.pass.ImportObjectFact(fn, &f) && f.SigningClient)
		}
		if v, ok := obj.(*types.Var); ok {
			rhs, _ := c.model.Assigned(v)
			for _, r := range rhs {
				if c.clientWrapper(r, depth+1) {
					return true
				}
			}
		}
	case *ast.CallExpr:
		if fn, ok := gomicro.Callee(info, x).(*types.Func); ok {
			var f signFact
			if c.signers[key(fn)] || (c.pass.ImportObjectFact(fn, &f) && f.SigningClient) {
				return true
			}
		}
		if decl := c.model.LocalFunc(x); decl != nil {
			for _, r := range c.returnedValues(decl) {
				if c.clientWrapper(r, depth+1) {
					return true
				}
			}
		}
	}
	// A client value: does its type's Publish sign?
	t := info.TypeOf(e)
	if t == nil || types.IsInterface(t) {
		return false
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, c.pass.Pkg, "Publish")
	fn, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	var f signFact
	return c.signers[key(fn)] || (c.pass.ImportObjectFact(fn, &f) && f.SigningClient)
}

// publish is a call that publishes, as publishOf sees it.
type publish struct {
	kind    pubKind
	via     string   // the forwarder called, or ""
	signed  bool     // a signature reaches it (or its client signs)
	carrier ast.Expr // the message (broker) or context argument
	recv    ast.Expr // the client or event published through, or nil
	topic   ast.Expr // the topic argument, or nil
	body    ast.Expr // the client.Message or event payload published, or nil
	event   string   // the topic of an event publish, quoted, or ""
	// lost names the signing option of the client's service that a later
	// micro.Client option made void ("micro.WrapClient", "micro.Broker"),
	// or is "".
	lost string
}

// publishOf tells whether call publishes: through go-micro's API, or
// through a function with a forwardFact, whose argument is judged.
func (c *checker) publishOf(call *ast.CallExpr) (publish, bool) {
	arg := func(i int) ast.Expr {
		if i >= 0 && i < len(call.Args) {
			return call.Args[i]
		}
		return nil
	}
	if ref, ok := gomicro.CalleeRef(c.pass.TypesInfo, call); ok {
		var recv ast.Expr
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if _, isMethod := c.pass.TypesInfo.Selections[sel]; isMethod {
				recv = sel.X
			}
		}
		switch {
		case strings.HasPrefix(ref.Path, "broker") && (ref.Name == "Publish" || strings.HasSuffix(ref.Name, ".Publish")):
			p := publish{kind: pubBroker, carrier: arg(1), recv: recv, topic: arg(0)}
			p.signed = c.inProcess(recv) || c.messageSigned(p.carrier, 0) || c.brokerSigns(recv, 0)
			return p, true
		case ref.Path == "client" && (ref.Name == "Publish" || ref.Name == "Client.Publish"):
			p := publish{kind: pubClient, carrier: arg(0), recv: recv, body: arg(1)}
			p.signed = c.contextSigned(p.carrier, 0)
			if !p.signed && ref.Name == "Publish" {
				p.signed = c.defaultClientSigns(call, ref.Module)
			}
			if !p.signed && ref.Name == "Client.Publish" {
				p.signed, p.lost = c.clientSigning(recv)
				p.signed = p.signed || c.brokerInProcess(c.clientComponents(recv, 0), false)
			}
			return p, true
		case (ref.Path == "" || ref.Path == "service") && (ref.Name == "Event.Publish" || ref.Name == "Publisher.Publish"):
			p := publish{kind: pubEvent, carrier: arg(0), recv: recv, body: arg(1)}
			topic, cl := c.eventOf(recv)
			p.event = topic
			p.signed = c.contextSigned(p.carrier, 0)
			if !p.signed && cl != nil {
				p.signed, p.lost = c.clientSigning(cl)
				p.signed = p.signed || c.brokerInProcess(c.clientComponents(cl, 0), false)
			}
			return p, true
		case ref.Path == "events" && (ref.Name == "Publish" || ref.Name == "Stream.Publish"):
			p := publish{kind: pubStream, recv: recv, topic: arg(0)}
			p.signed = c.streamSigned(call, 2)
			if call.Ellipsis.IsValid() {
				p.carrier = arg(len(call.Args) - 1) // the caller's options, passed on
			}
			return p, true
		}
	}
	fn, _ := gomicro.Callee(c.pass.TypesInfo, call).(*types.Func)
	var f forwardFact
	if fn == nil || !c.pass.ImportObjectFact(fn, &f) {
		return publish{}, false
	}
	p := publish{kind: f.Kind, via: fn.Name(), carrier: arg(f.Param), recv: arg(f.RecvParam), body: arg(f.BodyParam), topic: arg(f.TopicParam), event: f.Topic}
	switch f.Kind {
	case pubStream:
		p.signed = c.streamSigned(call, f.Param)
	case pubBroker:
		// A broker wrapper's Publish named in -signers signs in ways
		// the rule cannot see.
		p.signed = c.messageSigned(p.carrier, 0) || isBrokerPublish(fn) && c.signingBrokerFunc(fn)
	case pubClient:
		p.signed = c.contextSigned(p.carrier, 0) || c.clientSigns(p.recv)
	case pubEvent:
		topic, cl := c.eventOf(p.recv)
		p.event = topic
		p.signed = c.contextSigned(p.carrier, 0) || (cl != nil && c.clientSigns(cl))
	}
	return p, true
}

// defaultClientSigns reports whether go-micro's default client, which
// package client.Publish (the call) publishes through (client/client.go:
// 118-120), signs when call runs: the package gives it a signing client
// before call (ahead of it outside any branch, or at the top of an init or
// main function that runs first, see atStartup), and every client it gives
// it signs. It gives one by
// assigning client.DefaultClient and, for services of module mod up to
// v5.16, with micro.Client, which sets client.DefaultClient too (v5.12
// service/options.go:104-108; not in v4 nor from v5.17). Left as go-micro
// built it, the default client does not sign.
func (c *checker) defaultClientSigns(call *ast.CallExpr, mod gomicro.Module) bool {
	fn, ok := gomicro.Callee(c.pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return false
	}
	// Each client given, and the node that gives it.
	var values, at []ast.Expr
	if g, ok := fn.Pkg().Scope().Lookup("DefaultClient").(*types.Var); ok {
		rhs, unknown := c.model.Assigned(g)
		if unknown {
			return false
		}
		values, at = rhs, rhs
	}
	for _, comp := range c.model.Components() {
		if mod.Version != 5 || comp.Ctor.Ref.Module != mod || !c.model.SharesDefaults(comp) {
			continue
		}
		for _, o := range comp.Options {
			if o.Kind != gomicro.OptComponent || o.Target != gomicro.Client || o.Sub != gomicro.NoKind {
				continue
			}
			if o.Arg == nil {
				return false
			}
			values = append(values, o.Arg)
			if o.Init != nil {
				at = append(at, o.Init)
			} else {
				at = append(at, comp.Call)
			}
		}
	}
	before := slices.ContainsFunc(at, func(n ast.Expr) bool { return c.runsBefore(n, call) || c.atStartup(n, call) })
	return before && !slices.ContainsFunc(values, func(v ast.Expr) bool { return !c.defaultValueSigns(v, mod) })
}

// defaultValueSigns reports whether client v, given to go-micro's default
// client of module mod, signs what it publishes: through a signing client
// wrapper, or through a signing broker that no service sharing the
// default client replaces: up to v5.16 such a service's micro.Broker
// calls Init on the default client, giving it its own broker.
func (c *checker) defaultValueSigns(v ast.Expr, mod gomicro.Module) bool {
	comps := c.clientComponents(v, 0)
	if signs, _ := c.wrapperSigning(v, comps); signs {
		return true
	}
	return c.brokerSigning(comps) && c.sharedBrokersAre(mod, nil, false, c.signingBrokerOption)
}

// atStartup reports whether n, which gives the default client, runs
// before call whenever call runs, because it runs first in the program:
// at the top of an init function or of main of package main, outside any
// branch, ahead of every call that function makes that may reach a
// function of the package. call must lie in a function that runs after
// it: not in that function itself (there runsBefore decides), nor in a
// package variable's initializer, nor in an init function that runs
// before it (an earlier one, or any for main).
func (c *checker) atStartup(n, call ast.Node) bool {
	if !c.topLevel(n) {
		return false
	}
	stmt, body := c.listStmt(n)
	decl, _ := c.parentOf(body).(*ast.FuncDecl)
	if decl == nil || decl.Recv != nil {
		return false
	}
	isInit := decl.Name.Name == "init"
	if !isInit && (decl.Name.Name != "main" || c.pass.Pkg.Name() != "main") {
		return false
	}
	callDecl := c.funcDeclOf(call)
	switch {
	case callDecl == nil || callDecl == decl:
		return false
	case callDecl.Recv == nil && callDecl.Name.Name == "init" && (!isInit || callDecl.Pos() < decl.Pos()):
		return false
	}
	first := true
	ast.Inspect(body, func(x ast.Node) bool {
		if x == nil || x.Pos() >= stmt.Pos() || !first {
			return false
		}
		if e, ok := x.(*ast.CallExpr); ok && c.mayReachPackage(e) {
			first = false
		}
		return first
	})
	return first
}

// funcDeclOf returns the function declaration n lies in, or nil (a
// package variable's initializer).
func (c *checker) funcDeclOf(n ast.Node) *ast.FuncDecl {
	for p := c.parentOf(n); p != nil; p = c.parentOf(p) {
		if decl, ok := p.(*ast.FuncDecl); ok {
			return decl
		}
	}
	return nil
}

// mayReachPackage reports whether call may run code of the package being
// analysed: it calls a function or method declared in it, or a function
// value the rule cannot name.
func (c *checker) mayReachPackage(call *ast.CallExpr) bool {
	switch obj := gomicro.Callee(c.pass.TypesInfo, call).(type) {
	case *types.Func:
		return obj.Pkg() == c.pass.Pkg
	case *types.Builtin, *types.TypeName:
		return false
	case nil:
		tv := c.pass.TypesInfo.Types[call.Fun]
		return !tv.IsType() && !tv.IsBuiltin()
	}
	return true
}

// streamSigned reports whether an option of an events publish, from
// argument from on, signs the payload.
func (c *checker) streamSigned(call *ast.CallExpr, from int) bool {
	for _, o := range call.Args[min(from, len(call.Args)):] {
		if c.eventOptionSigned(o) {
			return true
		}
	}
	return false
}

// forwarded returns the forwardFact of the function that publishes p with
// what it is given: p's message, or its context and what it publishes, are
// parameters of a function of the package that nothing assigns. A
// function that publishes a body of its own with its caller's context is
// a publisher, not a forwarder: only it can sign that body.
func (c *checker) forwarded(p publish) (*types.Func, *forwardFact) {
	if p.signed {
		return nil, nil
	}
	fn, i := c.paramOf(p.carrier)
	if fn == nil && (p.kind == pubClient || p.kind == pubEvent) {
		fn, i = c.contextParamOf(p.carrier)
	}
	if fn == nil {
		return nil, nil
	}
	if p.kind == pubClient || p.kind == pubEvent {
		// The caller's context alone makes no forwarder: most
		// publishers take one. The client or event must be the
		// caller's too, or the function be a Publish method (a client
		// or event wrapper) or a Publish that passes on the message
		// it is given (go-micro's client.Publish).
		recv, _ := c.paramOf(p.recv)
		body, _ := c.paramOf(p.body)
		isMethod := fn.Signature().Recv() != nil
		if recv != fn && (fn.Name() != "Publish" || (body != fn && !isMethod)) {
			return nil, nil
		}
	}
	f := &forwardFact{Kind: p.kind, Param: i, RecvParam: -1, BodyParam: -1, TopicParam: -1, Topic: p.event}
	if g, j := c.paramOf(p.recv); g == fn {
		f.RecvParam = j
	}
	if g, j := c.paramOf(p.body); g == fn {
		f.BodyParam = j
	}
	topic := p.topic
	if p.kind == pubClient {
		topic = newMessageTopic(p.body)
	}
	if g, j := c.paramOf(topic); g == fn {
		f.TopicParam = j
	} else if topic != nil {
		f.Topic = c.topic(topic)
	}
	return fn, f
}

// newMessageTopic returns the topic argument of a NewMessage call, or nil.
func newMessageTopic(e ast.Expr) ast.Expr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) == 0 {
		return nil
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "NewMessage" {
		return call.Args[0]
	}
	return nil
}

// paramOf returns the function of the package whose parameter number i e
// names, if nothing assigns it.
func (c *checker) paramOf(e ast.Expr) (*types.Func, int) {
	v := c.usedVar(e)
	if v == nil {
		return nil, -1
	}
	if rhs, unknown := c.model.Assigned(v); len(rhs) > 0 || unknown {
		return nil, -1
	}
	return c.model.ParamIndex(v)
}

// usedVar returns the variable identifier e uses, or nil.
func (c *checker) usedVar(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := c.pass.TypesInfo.Uses[id].(*types.Var)
	return v
}

// contextParamOf is paramOf for a context that its function may also
// derive from itself, keeping the caller's metadata (see derivesContext):
// ctx = metadata.MergeContext(ctx, h, false), ctx, cancel :=
// context.WithTimeout(ctx, d), ctx = w.withHeaders(ctx).
func (c *checker) contextParamOf(e ast.Expr) (*types.Func, int) {
	v := c.usedVar(e)
	if v == nil {
		return nil, -1
	}
	rhs, unknown := c.model.AssignedFirst(v)
	if unknown {
		return nil, -1
	}
	for _, r := range rhs {
		if _, ok := ast.Unparen(r).(*ast.CallExpr); !ok || !c.derivesContext(r, v, 0) {
			return nil, -1
		}
	}
	return c.model.ParamIndex(v)
}

// derivesContext reports whether e is context ctx, or a context derived
// from it that keeps its go-micro metadata: context.WithTimeout and the
// other context.With functions; metadata.MergeContext without overwrite;
// metadata.Set of a key that does not name a signature; metadata.NewContext
// with ctx's own metadata (see copiedMetadata); a function of the package
// whose every result derives from its first parameter; a function of
// another package given the context first (a tracer starting a span).
func (c *checker) derivesContext(e ast.Expr, ctx *types.Var, depth int) bool {
	e = ast.Unparen(e)
	if _, ok := e.(*ast.Ident); ok {
		return c.usedVar(e) == ctx
	}
	call, ok := e.(*ast.CallExpr)
	if !ok || len(call.Args) == 0 || depth > 4 || !c.derivesContext(call.Args[0], ctx, depth+1) {
		return false
	}
	info := c.pass.TypesInfo
	if ref, ok := gomicro.CalleeRef(info, call); ok && ref.Path == "metadata" {
		switch ref.Name {
		case "MergeContext":
			tv, ok := info.Types[call.Args[len(call.Args)-1]]
			return len(call.Args) == 3 && ok && tv.Value != nil && !constant.BoolVal(tv.Value)
		case "Set":
			key, ok := c.model.StringArg(call.Args[1])
			return len(call.Args) == 3 && ok && !signatureKey(key)
		case "NewContext":
			return len(call.Args) == 2 && c.copiedMetadata(call.Args[1], ctx)
		}
		return false // metadata.Delete, and what it does not know
	}
	fn, _ := gomicro.Callee(info, call).(*types.Func)
	if fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "context" {
		return strings.HasPrefix(fn.Name(), "With")
	}
	if decl := c.model.LocalFunc(call); decl != nil {
		params := decl.Type.Params.List
		if len(params) == 0 || len(params[0].Names) == 0 {
			return false
		}
		first, ok := info.Defs[params[0].Names[0]].(*types.Var)
		if !ok {
			return false
		}
		rhs, unknown := c.model.AssignedFirst(first)
		if unknown {
			return false
		}
		for _, r := range append(rhs, c.returnedValues(decl)...) {
			if !c.derivesContext(r, first, depth+1) {
				return false
			}
		}
		return true
	}
	return fn != nil
}

// signatureKey reports whether a metadata key may hold a message's
// signature, which setting would replace.
func signatureKey(key string) bool {
	k := strings.ToLower(key)
	return strings.Contains(k, "sig") || strings.Contains(k, "hmac")
}

// copiedMetadata reports whether e is a variable holding the metadata of
// context ctx, with entries added: read with metadata.FromContext(ctx)
// (or, where it has none, an empty literal), otherwise only passed
// through calls given it first (md = withToken(md, t)), and nothing
// deleted from it.
func (c *checker) copiedMetadata(e ast.Expr, ctx *types.Var) bool {
	md := c.usedVar(e)
	if md == nil {
		return false
	}
	rhs, unknown := c.model.AssignedFirst(md)
	read := false
	for _, r := range rhs {
		switch r := ast.Unparen(r).(type) {
		case *ast.CompositeLit:
			if len(r.Elts) > 0 {
				return false
			}
		case *ast.CallExpr:
			if len(r.Args) == 0 {
				return false
			}
			first := c.usedVar(r.Args[0])
			ref, isMicro := gomicro.CalleeRef(c.pass.TypesInfo, r)
			switch {
			case first == nil:
				return false
			case isMicro && ref.Path == "metadata" && ref.Name == "FromContext" && first == ctx:
				read = true
			case first != md:
				return false
			}
		default:
			return false
		}
	}
	if !read || unknown {
		return false
	}
	for _, call := range c.model.Calls() {
		if b, ok := c.pass.TypesInfo.Uses[calleeIdent(call)].(*types.Builtin); ok && b.Name() == "delete" && len(call.Args) > 0 {
			if c.usedVar(call.Args[0]) == md {
				return false
			}
		}
	}
	return true
}

// calleeIdent returns the identifier a call names its function by, or nil.
func calleeIdent(call *ast.CallExpr) *ast.Ident {
	id, _ := ast.Unparen(call.Fun).(*ast.Ident)
	return id
}

// learnForwarders exports a forwardFact for each function of the package
// that publishes what it is given, until no new one is found (forwarders
// calling forwarders).
func (c *checker) learnForwarders() {
	for range 8 {
		changed := false
		for _, call := range c.model.Calls() {
			p, ok := c.publishOf(call)
			if !ok {
				continue
			}
			if fn, f := c.forwarded(p); fn != nil && !c.pass.ImportObjectFact(fn, new(forwardFact)) {
				c.pass.ExportObjectFact(fn, f)
				changed = true
			}
		}
		if !changed {
			return
		}
	}
}

// checkPublish reports call if it publishes an unsigned message, unless
// it forwards what its function is given, which the callers are judged
// on.
func (c *checker) checkPublish(call *ast.CallExpr) {
	p, ok := c.publishOf(call)
	if !ok || p.signed {
		return
	}
	if fn, _ := c.forwarded(p); fn != nil {
		return
	}
	what := p.kind.what()
	if p.via != "" {
		what += " through " + p.via
	}
	topic := p.event
	switch {
	case p.kind == pubClient && p.body != nil:
		topic = c.messageTopic(p.body)
	case p.topic != nil:
		topic = c.topic(p.topic)
	}
	fix := p.kind.fix()
	switch p.lost {
	case "micro.WrapClient":
		fix = "its signing micro.WrapClient comes before micro.Client, which replaces the client it wrapped; give micro.Client first"
	case "micro.Broker":
		fix = "its signing micro.Broker comes before micro.Client, which installs a client that keeps its own broker; give micro.Client first"
	}
	c.report(call, what, topic, fix)
}

func (c *checker) report(call *ast.CallExpr, what, topic, fix string) {
	msg := what + " carries no message signature; " + fix
	if topic != "" {
		msg = what + " to topic " + topic + " carries no message signature; " + fix
	}
	c.pass.Report(analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Category: "warning", Message: msg})
}

func (c *checker) topic(e ast.Expr) string {
	if s, ok := c.model.StringArg(e); ok {
		return strconv.Quote(s)
	}
	return ""
}

// messageTopic finds the topic of a client.Message built by NewMessage.
func (c *checker) messageTopic(e ast.Expr) string {
	for depth := 0; e != nil && depth < 6; depth++ {
		e = ast.Unparen(e)
		if call, ok := e.(*ast.CallExpr); ok {
			ref, ok := gomicro.CalleeRef(c.pass.TypesInfo, call)
			if ok && ref.Path == "client" && strings.HasSuffix(ref.Name, "NewMessage") && len(call.Args) > 0 {
				return c.topic(call.Args[0])
			}
			return ""
		}
		v := c.model.VarOf(e)
		if v == nil {
			return ""
		}
		rhs, _ := c.model.Assigned(v)
		if len(rhs) != 1 {
			return ""
		}
		e = rhs[0]
	}
	return ""
}

// eventOf finds the micro.NewEvent call behind an event value: its topic
// and client expression.
func (c *checker) eventOf(e ast.Expr) (string, ast.Expr) {
	for depth := 0; e != nil && depth < 6; depth++ {
		e = ast.Unparen(e)
		if call, ok := e.(*ast.CallExpr); ok {
			ref, ok := gomicro.CalleeRef(c.pass.TypesInfo, call)
			if ok && ref.Path == "" && (ref.Name == "NewEvent" || ref.Name == "NewPublisher") && len(call.Args) == 2 {
				return c.topic(call.Args[0]), call.Args[1]
			}
			return "", nil
		}
		v := c.model.VarOf(e)
		if v == nil {
			return "", nil
		}
		rhs, _ := c.model.Assigned(v)
		if len(rhs) != 1 {
			return "", nil
		}
		e = rhs[0]
	}
	return "", nil
}

// clientSigns reports whether the client expression e goes through a
// signing client wrapper (svc.Client() of a service with micro.WrapClient,
// a client built with client.Wrap, a client value whose Publish signs) or
// publishes through a signing broker (see brokerSigning).
func (c *checker) clientSigns(e ast.Expr) bool {
	signs, _ := c.clientSigning(e)
	return signs
}

// clientSigning is clientSigns, and also names the signing option of the
// client's service that was lost, or gives "": micro.WrapClient wraps,
// and micro.Broker gives its broker to, the client the service holds when
// the option is applied, so a micro.Client option after it (in the
// constructor or a later svc.Init) installs a client it never reached
// (see gomicro's Replaced).
func (c *checker) clientSigning(e ast.Expr) (signs bool, lost string) {
	if e == nil {
		return false, ""
	}
	comps := c.clientComponents(e, 0)
	if c.brokerSigning(comps) {
		return true, ""
	}
	signs, lost = c.wrapperSigning(e, comps)
	if signs || lost != "" {
		return signs, lost
	}
	for _, comp := range comps {
		if comp.Ctor.Kind == gomicro.Service && slices.ContainsFunc(c.model.Replaced(comp, gomicro.Client), c.signingServiceBroker) {
			return false, "micro.Broker"
		}
	}
	return false, ""
}

// signingServiceBroker reports whether o is a micro.Broker option giving
// a signing broker.
func (c *checker) signingServiceBroker(o gomicro.Option) bool {
	return o.Kind == gomicro.OptComponent && o.Target == gomicro.Broker && o.Sub == gomicro.NoKind && c.signingBrokerOption(&o)
}

// wrapperSigning is clientSigning without the client's broker: whether
// client e, which comes from comps, goes through a signing client wrapper,
// or else names the signing micro.WrapClient lost.
func (c *checker) wrapperSigning(e ast.Expr, comps []*gomicro.Component) (signs bool, lost string) {
	if c.clientWrapper(e, 0) {
		return true, ""
	}
	for _, comp := range comps {
		if slices.ContainsFunc(c.model.ClientOptions(comp), c.signingWrap) {
			return true, ""
		}
		if comp.Ctor.Kind == gomicro.Service && slices.ContainsFunc(c.model.Replaced(comp, gomicro.Client), c.signingWrap) {
			lost = "micro.WrapClient"
		}
	}
	return false, lost
}

// signingWrap reports whether option o wraps a client in a signing client
// wrapper.
func (c *checker) signingWrap(o gomicro.Option) bool {
	if o.Kind != gomicro.OptWrapClient {
		return false
	}
	if o.Init != nil && o.Ref.Path == "client" && o.Ref.Name == "Wrap" {
		// A client applies client.Wrap's wrappers when it is built;
		// Init does not wrap it again (GOMICRO.md 4.3).
		return false
	}
	return slices.ContainsFunc(gomicro.WrapperArgs(o), func(a ast.Expr) bool { return c.clientWrapper(a, 0) })
}

// clientComponents resolves a client expression to the services and
// clients it comes from.
func (c *checker) clientComponents(e ast.Expr, depth int) []*gomicro.Component {
	e = ast.Unparen(e)
	if depth > 6 {
		return nil
	}
	if call, ok := e.(*ast.CallExpr); ok {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Client" {
			return c.model.ValueOf(sel.X).Components
		}
	}
	if v := c.model.VarOf(e); v != nil {
		rhs, _ := c.model.Assigned(v)
		var out []*gomicro.Component
		for _, r := range rhs {
			out = append(out, c.clientComponents(r, depth+1)...)
		}
		if len(out) > 0 {
			return out
		}
	}
	return c.model.ValueOf(e).Components
}

// serverComponents returns the services and servers a server expression
// comes from: svc.Server() is svc's, through variables too.
func (c *checker) serverComponents(e ast.Expr, depth int) []*gomicro.Component {
	e = ast.Unparen(e)
	if depth > 6 {
		return nil
	}
	if call, ok := e.(*ast.CallExpr); ok {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Server" && len(call.Args) == 0 {
			return c.model.ValueOf(sel.X).Components
		}
	}
	if v := c.model.VarOf(e); v != nil {
		rhs, unk := c.model.Assigned(v)
		var out []*gomicro.Component
		for _, r := range rhs {
			comps := c.serverComponents(r, depth+1)
			if len(comps) == 0 {
				return nil
			}
			out = append(out, comps...)
		}
		if len(out) > 0 && !unk {
			return out
		}
	}
	return c.model.ValueOf(e).Components
}

// eventOptionSigned reports whether an events publish option carries a
// signed metadata map: events.WithMetadata(md).
func (c *checker) eventOptionSigned(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	ref, ok := gomicro.CalleeRef(c.pass.TypesInfo, call)
	return ok && ref.Path == "events" && ref.Name == "WithMetadata" && len(call.Args) == 1 && c.mapSigned(call.Args[0], 0)
}

// inProcess reports whether a broker expression holds only in-process
// brokers (broker.NewMemoryBroker, broker/memory): what they carry never
// leaves the process, so no one else can forge it.
func (c *checker) inProcess(e ast.Expr) bool {
	if e == nil {
		return false
	}
	v := c.model.ValueOf(e)
	return c.memoryBroker(&v)
}

// brokerInProcess reports whether every one of comps, the services and
// clients a client comes from (or with server, the services and servers a
// subscriber is registered on), is given an in-process broker by its last
// broker option on every path (see lastBrokerIs).
func (c *checker) brokerInProcess(comps []*gomicro.Component, server bool) bool {
	return c.lastBrokerIs(comps, server, func(o *gomicro.Option) bool { return c.memoryBroker(o.Value) })
}

// brokerSigning reports whether every one of comps, the services and
// clients a client comes from, is given a signing broker (see brokerSigns)
// by its last broker option on every path (see lastBrokerIs): the client
// publishes through that broker (r.opts.Broker.Publish, v4
// client/rpc_client.go:714, v5.30 :723, v2 and v3 :626), which signs what
// it publishes.
func (c *checker) brokerSigning(comps []*gomicro.Component) bool {
	return c.lastBrokerIs(comps, false, c.signingBrokerOption)
}

// signingBrokerOption reports whether broker option o gives a signing
// broker.
func (c *checker) signingBrokerOption(o *gomicro.Option) bool {
	return c.brokerSigns(o.Arg, 0)
}

// lastBrokerIs reports whether every one of comps is given a broker that is
// accepts by its last broker option on every path: micro.Broker hands its
// broker to the client and server the service holds then
// (o.Client.Init(client.Broker(b)) in v1 to v5.30), client.Broker and
// server.Broker (also through svc.Client().Init and svc.Server().Init) to
// theirs. A broker option applied on some paths only (in an if) leaves on
// the others the broker given before, or go-micro's default HTTP broker. A
// client installed into a service with micro.Client counts only when every
// broker that service gives its client is one that is accepts: one given
// after micro.Client reaches it. A service that runs go-micro's shared
// default client and server counts only when every broker the package's
// other such services may give them is one that is accepts too.
func (c *checker) lastBrokerIs(comps []*gomicro.Component, server bool, is func(*gomicro.Option) bool) bool {
	if len(comps) == 0 {
		return false
	}
	for _, comp := range comps {
		last, always, ok := c.lastBrokers(comp, server)
		if !ok || !always || !allBrokers(last, is) {
			return false
		}
		if !server && comp.Ctor.Kind == gomicro.Client && !c.consumersGive(comp, is) {
			return false
		}
		if c.model.SharesDefaults(comp) && !c.sharedBrokersAre(comp.Ctor.Ref.Module, comp, server, is) {
			return false
		}
	}
	return true
}

// allBrokers reports whether is holds for each of the broker options opts.
func allBrokers(opts []*gomicro.Option, is func(*gomicro.Option) bool) bool {
	return !slices.ContainsFunc(opts, func(o *gomicro.Option) bool { return !is(o) })
}

// consumersGive reports whether every broker option that a service client
// cl is installed into gives a client (micro.Broker, client.Broker through
// svc.Client().Init), before or after micro.Client, is one that is
// accepts, and no option of those services is one the model cannot see.
func (c *checker) consumersGive(cl *gomicro.Component, is func(*gomicro.Option) bool) bool {
	for _, svc := range cl.ConsumedBy {
		if svc.Ctor.Kind != gomicro.Service {
			continue
		}
		for i := range svc.Options {
			o := &svc.Options[i]
			if o.Kind == gomicro.OptOpaque {
				return false
			}
			if o.Kind == gomicro.OptComponent && o.Target == gomicro.Broker && o.Sub != gomicro.Server && !is(o) {
				return false
			}
		}
	}
	return true
}

// sharedBrokersAre reports whether every broker that the services of
// module mod sharing go-micro's default client and server (see
// gomicro's SharesDefaults), other than except, may give them last is one
// that is accepts.
func (c *checker) sharedBrokersAre(mod gomicro.Module, except *gomicro.Component, server bool, is func(*gomicro.Option) bool) bool {
	for _, other := range c.model.Components() {
		if other == except || !c.model.SharesDefaults(other) || other.Ctor.Ref.Module != mod {
			continue
		}
		if o, _, ok := c.lastBrokers(other, server); !ok || !allBrokers(o, is) {
			return false
		}
	}
	return true
}

// lastBrokers returns the broker options that may be the last to reach
// comp's client (or server): the last one applied on every path, and
// those after it applied on some paths only. always is false when no
// broker option is applied on every path, so that on some the client
// keeps the broker it had; ok is false when an option the model cannot
// see may give one. A micro.Client or micro.Server option installs a
// client or server that keeps its own broker: a broker given before it
// went to the one replaced, and the model leaves it out.
func (c *checker) lastBrokers(comp *gomicro.Component, server bool) (last []*gomicro.Option, always, ok bool) {
	opts := c.model.ClientOptions(comp)
	if server {
		opts = c.model.ServerOptions(comp)
	}
	for i := range opts {
		switch o := &opts[i]; {
		case o.Kind == gomicro.OptOpaque:
			return nil, false, false
		case o.Kind == gomicro.OptComponent && o.Target == gomicro.Broker:
			if c.optionCertain(o) {
				last, always = last[:0], true
			}
			last = append(last, o)
		}
	}
	return last, always, true
}

// memoryBroker reports whether v holds only in-process brokers.
func (c *checker) memoryBroker(v *gomicro.Value) bool {
	if v == nil || v.Opaque || len(v.Components) == 0 {
		return false
	}
	for _, b := range v.Components {
		if b.Ctor.Kind != gomicro.Broker || b.Ctor.Impl != gomicro.Memory {
			return false
		}
	}
	return true
}

// checkSubscriber reports a subscriber whose messages are never verified.
func (c *checker) checkSubscriber(r gomicro.Registration) {
	if c.handlerVerifies(r.Handler, 0) || r.Broker && c.inProcess(r.Server) {
		return
	}
	if !r.Broker {
		t := c.model.TargetOf(r, r.Module)
		if t.Param != nil || t.Opaque || c.brokerInProcess(t.Components, true) {
			return
		}
		for _, comp := range t.Components {
			for _, o := range c.model.ServerOptions(comp) {
				if o.Kind == gomicro.OptOpaque {
					return
				}
				if o.Kind != gomicro.OptWrapSubscriber {
					continue
				}
				for _, a := range gomicro.WrapperArgs(o) {
					if c.handlerVerifies(a, 0) {
						return
					}
				}
			}
		}
	}
	fix := "check one with hmac.Equal or ed25519.Verify in the handler or in a micro.WrapSubscriber wrapper"
	if !r.Broker && c.verifierReplaced(c.model.TargetOf(r, r.Module).Components) {
		fix = "its verifying micro.WrapSubscriber comes before micro.Server, which replaces the server it wrapped; give micro.Server first"
	}
	msg := "subscriber never verifies a message signature; " + fix
	if topic := c.topic(r.Topic); topic != "" {
		msg = "subscriber on topic " + topic + " never verifies a message signature; " + fix
	}
	c.pass.Report(analysis.Diagnostic{Pos: r.Call.Pos(), End: r.Call.End(), Category: "warning", Message: msg})
}

// verifierReplaced reports whether one of comps, the services a subscriber
// is registered on, lost a verifying micro.WrapSubscriber: it wraps the
// server the service holds when it is applied, so a micro.Server option
// after it (in the constructor or a later svc.Init) installs a server it
// never wrapped (see gomicro's Replaced).
func (c *checker) verifierReplaced(comps []*gomicro.Component) bool {
	for _, comp := range comps {
		if comp.Ctor.Kind != gomicro.Service {
			continue
		}
		for _, o := range c.model.Replaced(comp, gomicro.Server) {
			if o.Kind == gomicro.OptWrapSubscriber && slices.ContainsFunc(gomicro.WrapperArgs(o), func(a ast.Expr) bool { return c.handlerVerifies(a, 0) }) {
				return true
			}
		}
	}
	return false
}

// handlerVerifies reports whether a subscriber handler (or subscriber
// wrapper) verifies a signature: a function or method whose body does, a
// literal, or a value whose type has a method that does.
func (c *checker) handlerVerifies(e ast.Expr, depth int) bool {
	e = ast.Unparen(e)
	if e == nil || depth > 6 {
		return true // nothing to judge
	}
	info := c.pass.TypesInfo
	switch x := e.(type) {
	case *ast.FuncLit:
		return c.bodyVerifies(x.Body, true)
	case *ast.Ident, *ast.SelectorExpr:
		var obj types.Object
		if id, ok := x.(*ast.Ident); ok {
			obj = info.Uses[id]
		} else {
			obj = info.Uses[x.(*ast.SelectorExpr).Sel]
		}
		if fn, ok := obj.(*types.Func); ok {
			return c.isVerifier(fn)
		}
	case *ast.CallExpr:
		if fn, ok := gomicro.Callee(info, x).(*types.Func); ok && (c.isVerifier(fn) || c.makesVerifyingWrapper(fn)) {
			return true
		}
		if decl := c.model.LocalFunc(x); decl != nil {
			for _, r := range c.returnedValues(decl) {
				if c.handlerVerifies(r, depth+1) {
					return true
				}
			}
		}
	}
	t := info.TypeOf(e)
	if t == nil {
		return true
	}
	if _, isFunc := t.Underlying().(*types.Signature); isFunc {
		if v := c.model.VarOf(e); v != nil {
			rhs, unk := c.model.Assigned(v)
			if unk || len(rhs) == 0 {
				return true // a parameter: cannot see
			}
			for _, r := range rhs {
				if c.handlerVerifies(r, depth+1) {
					return true
				}
			}
		}
		return false
	}
	// A struct handler: any of its methods.
	ms := types.NewMethodSet(t)
	if ms.Len() == 0 {
		if _, isPtr := t.(*types.Pointer); !isPtr {
			ms = types.NewMethodSet(types.NewPointer(t))
		}
	}
	for i := 0; i < ms.Len(); i++ {
		if c.isVerifier(ms.At(i).Obj()) {
			return true
		}
	}
	return false
}

func key(obj types.Object) string { return dataflow.Key(obj) }
