package gomicro

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"
)

// Option kinds of the service model: what an option does to a service's
// handlers, subscribers, client and auth. They are numbered after the TLS
// kinds of catalog.go, which ignores them.
const (
	// OptWrapHandler is micro.WrapHandler(w...) or server.WrapHandler(w):
	// handler wrappers around every handler of the server.
	OptWrapHandler OptionKind = iota + 64
	// OptWrapSubscriber is micro.WrapSubscriber(w...) or
	// server.WrapSubscriber(w).
	OptWrapSubscriber
	// OptWrapClient is micro.WrapClient(w...) or client.Wrap(w): client
	// wrappers, which see Call, Stream and Publish.
	OptWrapClient
	// OptWrapCall is micro.WrapCall(w...) or client.WrapCall(w...): call
	// wrappers, which never see Publish.
	OptWrapCall
	// OptHandle is micro.Handle(h) (v4+): it registers h while the options
	// are applied.
	OptHandle
	// OptAuth is micro.Auth(a) or server.Auth(a): the auth provider.
	OptAuth
)

func init() {
	for path, names := range map[string]map[string]OptionKind{
		"": {"WrapHandler": OptWrapHandler, "WrapSubscriber": OptWrapSubscriber, "WrapClient": OptWrapClient,
			"WrapCall": OptWrapCall, "Handle": OptHandle, "Auth": OptAuth},
		"server": {"WrapHandler": OptWrapHandler, "WrapSubscriber": OptWrapSubscriber, "Auth": OptAuth},
		"client": {"Wrap": OptWrapClient, "WrapCall": OptWrapCall},
	} {
		for name, kind := range names {
			options[ctorKey{path, name}] = optionInfo{kind: kind}
			if path == "" {
				// v5+: the root package's options are vars aliasing
				// go-micro.dev/vN/service.
				options[ctorKey{"service", name}] = optionInfo{kind: kind}
			}
		}
	}
}

// WrapperArgs returns the wrapper expressions of a Wrap* option: every
// argument of micro.WrapHandler(a, b), the single one of
// server.WrapHandler(w). A spread slice (WrapHandler(ws...)) is returned as
// is, for the caller to treat as unknown.
func WrapperArgs(o Option) []ast.Expr {
	if o.Call == nil {
		return nil
	}
	return o.Call.Args
}

// RegKind is the kind of a registration.
type RegKind uint8

// Registration kinds.
const (
	RegHandler RegKind = iota + 1
	RegSubscriber
)

// Registration is one call that registers a handler or a subscriber.
type Registration struct {
	// Call is the registration call (or the micro.Handle option call).
	Call *ast.CallExpr
	Kind RegKind
	// Handler is the handler value: h of RegisterHandler(s, h), of
	// s.NewHandler(h), of svc.Handle(h).
	Handler ast.Expr
	// Name is the handler's name when the registration names it: X of a
	// generated RegisterXHandler.
	Name string
	// Topic is the subscriber's topic expression.
	Topic ast.Expr
	// Server is the expression the handler is registered on (s of
	// RegisterHandler(s, h), svc of svc.Handle(h)); nil for package-level
	// server.Handle, which registers on server.DefaultServer, and for a
	// micro.Handle option.
	Server ast.Expr
	// Module is the go-micro module the registration API belongs to.
	Module Module
	// Broker is set for broker.Subscribe and Broker.Subscribe, which
	// bypass the server and its subscriber wrappers.
	Broker bool
	// Option is set for micro.Handle(h): the service it registers on is
	// the one the option reaches.
	Option bool
}

// Registrar tells the model about a function declared outside go-micro that
// registers handlers on its parameter number Param (a server.Server or a
// service), as generated RegisterXHandler functions and the package's own
// helpers do. Analyzers learn these from facts; fn is the callee.
type Registrar func(fn *types.Func) (param int, ok bool)

// Registrations returns the registrations in the package: go-micro's own
// (micro.RegisterHandler, s.Handle(s.NewHandler(h)), server.Handle,
// svc.Handle, Function.Handle, micro.Handle, micro.RegisterSubscriber,
// s.Subscribe, server.Subscribe, broker.Subscribe), generated
// Register<X>Handler functions recognised by shape, and calls of functions
// that isRegistrar says register on a parameter.
func (m *Model) Registrations(isRegistrar Registrar) []Registration {
	var regs []Registration
	for _, call := range m.calls {
		if r, ok := m.registration(call, isRegistrar); ok {
			regs = append(regs, r)
		}
	}
	return regs
}

func (m *Model) registration(call *ast.CallExpr, isRegistrar Registrar) (Registration, bool) {
	obj := Callee(m.info, call)
	ref, ok := RefOf(obj)
	if !ok {
		fn, _ := obj.(*types.Func)
		if fn == nil {
			return Registration{}, false
		}
		if i, ok := generatedRegistrar(fn); ok && i < len(call.Args) {
			r := Registration{Call: call, Kind: RegHandler, Server: call.Args[i], Name: generatedName(fn.Name())}
			if n := namedOf(fn.Signature().Params().At(i).Type()); n != nil {
				r.Module, _, _ = Split(n.Obj().Pkg().Path())
			}
			if i+1 < len(call.Args) {
				r.Handler = call.Args[i+1]
			}
			return r, true
		}
		if isRegistrar != nil {
			if i, ok := isRegistrar(fn); ok && i < len(call.Args) {
				return Registration{Call: call, Kind: RegHandler, Server: call.Args[i]}, true
			}
		}
		return Registration{}, false
	}
	r := Registration{Call: call, Module: ref.Module}
	arg := func(i int) ast.Expr {
		if i < len(call.Args) {
			return call.Args[i]
		}
		return nil
	}
	recv := func() ast.Expr {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			return sel.X
		}
		return nil
	}
	switch {
	case ref.Path == "" && ref.Name == "RegisterHandler":
		r.Kind, r.Server, r.Handler = RegHandler, arg(0), arg(1)
	case ref.Path == "" && ref.Name == "RegisterSubscriber":
		r.Kind, r.Topic, r.Server, r.Handler = RegSubscriber, arg(0), arg(1), arg(2)
	case (ref.Path == "" || ref.Path == "service") && ref.Name == "Handle":
		// micro.Handle(h), the option.
		r.Kind, r.Handler, r.Option = RegHandler, arg(0), true
	case ref.Path == "server" && ref.Name == "Server.Handle", ref.Path == "server" && ref.Name == "Handle":
		r.Kind = RegHandler
		if ref.Name == "Server.Handle" {
			r.Server = recv()
		}
		r.Handler = m.newHandlerValue(arg(0), "NewHandler", 0)
	case ref.Path == "server" && (ref.Name == "Server.Subscribe" || ref.Name == "Subscribe"):
		r.Kind = RegSubscriber
		if ref.Name == "Server.Subscribe" {
			r.Server = recv()
		}
		r.Handler = m.newHandlerValue(arg(0), "NewSubscriber", 1)
		r.Topic = m.newHandlerValue(arg(0), "NewSubscriber", 0)
	case (ref.Path == "" || ref.Path == "service") && (ref.Name == "Service.Handle" || ref.Name == "Function.Handle"):
		r.Kind, r.Server, r.Handler = RegHandler, recv(), arg(0)
	case ref.Path == "" && ref.Name == "Function.Subscribe":
		r.Kind, r.Server, r.Topic, r.Handler = RegSubscriber, recv(), arg(0), arg(1)
	case strings.HasPrefix(ref.Path, "broker") && (ref.Name == "Subscribe" || strings.HasSuffix(ref.Name, ".Subscribe")):
		r.Kind, r.Topic, r.Handler, r.Broker = RegSubscriber, arg(0), arg(1), true
		if ref.Name != "Subscribe" {
			r.Server = recv()
		}
	default:
		return Registration{}, false
	}
	if r.Handler == nil && r.Kind == RegHandler && !r.Option {
		// s.Handle(h) with an h the model cannot see into: still a
		// registration.
		r.Handler = arg(0)
	}
	return r, true
}

// newHandlerValue returns argument i of a NewHandler/NewSubscriber call e
// (s.NewHandler(h) or server.NewHandler(h)), following a variable holding
// it; nil when e is not such a call.
func (m *Model) newHandlerValue(e ast.Expr, method string, i int) ast.Expr {
	for depth := 0; e != nil && depth < maxDepth; depth++ {
		e = ast.Unparen(e)
		if call, ok := e.(*ast.CallExpr); ok {
			ref, ok := CalleeRef(m.info, call)
			if !ok || ref.Path != "server" || (ref.Name != method && ref.Name != "Server."+method) {
				return nil
			}
			if i < len(call.Args) {
				return call.Args[i]
			}
			return nil
		}
		v := m.varOf(e)
		if v == nil || len(m.assigns[v]) != 1 {
			return nil
		}
		e = m.assigns[v][0].rhs
	}
	return nil
}

// generatedRegistrar recognises the shape protoc-gen-micro gives
// Register<X>Handler: a package-level function named Register...Handler
// whose first parameter is a go-micro server.Server. It returns the index
// of that parameter.
func generatedRegistrar(fn *types.Func) (int, bool) {
	name := fn.Name()
	if fn.Signature().Recv() != nil || !strings.HasPrefix(name, "Register") || !strings.HasSuffix(name, "Handler") {
		return 0, false
	}
	params := fn.Signature().Params()
	if params.Len() < 2 || !IsServerType(params.At(0).Type()) {
		return 0, false
	}
	return 0, true
}

func generatedName(fn string) string {
	return strings.TrimSuffix(strings.TrimPrefix(fn, "Register"), "Handler")
}

// IsServerType reports whether t is go-micro's server.Server interface, of
// any version.
func IsServerType(t types.Type) bool {
	return isNamed(t, "server", "Server")
}

// IsServiceType reports whether t is a go-micro service (micro.Service,
// service.Service, micro.Function).
func IsServiceType(t types.Type) bool {
	return isNamed(t, "", "Service") || isNamed(t, "service", "Service") || isNamed(t, "", "Function")
}

// IsNamedType reports whether t (pointers removed) is the go-micro type
// path.name of any version: IsNamedType(t, "server", "HandlerFunc").
func IsNamedType(t types.Type, path, name string) bool { return isNamed(t, path, name) }

func isNamed(t types.Type, path, name string) bool {
	n := namedOf(t)
	if n == nil {
		return false
	}
	ref, ok := RefOf(n.Obj())
	return ok && ref.Path == path && ref.Name == name
}

// Target is what a registration registers on, as the model resolved it.
type Target struct {
	// Components are the services and servers the handler may be
	// registered on (a service for svc.Server(), a server for
	// server.NewServer, server.DefaultServer for package-level Handle).
	Components []*Component
	// Param is set when the server or service is a parameter of the
	// function the registration is in: its callers decide.
	Param *types.Var
	// Opaque is set when the server may also come from somewhere the model
	// cannot see.
	Opaque bool
}

// TargetOf resolves what registration r registers on. fn is the innermost
// function declaration enclosing r, used to recognise its parameters; it
// may be nil.
func (m *Model) TargetOf(r Registration, mod Module) Target {
	if r.Option {
		var t Target
		for _, c := range m.components {
			for _, o := range c.Options {
				if o.Call == r.Call {
					t.Components = append(t.Components, c)
				}
			}
		}
		if len(t.Components) == 0 {
			t.Opaque = true
		}
		return t
	}
	if r.Server == nil {
		g := defaultGlobals[Server]
		if pkg := m.lookupPackage(mod.Root + "/" + g.path); pkg != nil {
			if v, ok := pkg.Scope().Lookup(g.name).(*types.Var); ok {
				val := m.valueOfVar(v, 0, map[types.Object]bool{})
				return Target{Components: val.Components, Opaque: val.Opaque}
			}
		}
		return Target{Opaque: true}
	}
	var t Target
	m.target(r.Server, &t, 0, map[types.Object]bool{})
	return t
}

func (m *Model) target(e ast.Expr, t *Target, depth int, seen map[types.Object]bool) {
	e = ast.Unparen(e)
	if depth > maxDepth {
		t.Opaque = true
		return
	}
	switch x := e.(type) {
	case *ast.CallExpr:
		if c := m.byCall[x]; c != nil {
			t.Components = append(t.Components, c)
			return
		}
		// svc.Server() and svc.Options().Server.
		if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Server" {
			if _, isMethod := m.info.Selections[sel]; isMethod {
				if _, ok := RefOf(m.info.Uses[sel.Sel]); ok {
					m.target(sel.X, t, depth+1, seen)
					return
				}
			}
		}
		if decl := m.localFunc(x); decl != nil {
			for _, res := range m.returnedValues(decl) {
				m.target(res, t, depth+1, seen)
			}
			return
		}
	case *ast.Ident, *ast.SelectorExpr:
		v := m.varOf(x)
		if v == nil {
			break
		}
		if seen[v] {
			return
		}
		if m.isParam(v) {
			t.Param = v
			return
		}
		as := m.assigns[v]
		if len(as) == 0 {
			if d := m.defaultFor(v); d != nil {
				t.Components = append(t.Components, d)
				return
			}
			break
		}
		seen[v] = true
		defer delete(seen, v)
		for _, a := range as {
			if a.rhs == nil {
				t.Opaque = true
				continue
			}
			m.target(a.rhs, t, depth+1, seen)
		}
		return
	}
	t.Opaque = true
}

// isParam reports whether v is a parameter (or receiver) of a function
// declared in the package.
func (m *Model) isParam(v *types.Var) bool {
	if v.IsField() || v.Parent() == nil {
		return false
	}
	for fn, decl := range m.funcs {
		if decl.Body == nil || v.Pos() < decl.Pos() || v.Pos() >= decl.Body.Pos() {
			continue
		}
		sig := fn.Signature()
		for i := 0; i < sig.Params().Len(); i++ {
			if sig.Params().At(i) == v {
				return true
			}
		}
	}
	return false
}

// ParamIndex returns the index of parameter v in the signature of the
// package function declaring it, and that function.
func (m *Model) ParamIndex(v *types.Var) (*types.Func, int) {
	for fn := range m.funcs {
		sig := fn.Signature()
		for i := 0; i < sig.Params().Len(); i++ {
			if sig.Params().At(i) == v {
				return fn, i
			}
		}
	}
	return nil, -1
}

// ServerOptions returns the options that shape the handlers of c as a
// server: for a service, its own options, those applied to its server
// (svc.Server().Init(...)) and those of any server installed with
// micro.Server(s); for a server, its own options and those of every
// service it is installed into. Default servers of v1-v5 also get the
// options of services in the package that keep the default server.
//
// A service's handler and subscriber wrappers go to the server it holds
// when they are applied (micro.WrapHandler calls o.Server.Init), so those
// given before a micro.Server option wrap the server that option replaces:
// they are left out (see Replaced).
func (m *Model) ServerOptions(c *Component) []Option {
	var opts []Option
	seen := map[*Component]bool{}
	var add func(c, via *Component)
	add = func(c, via *Component) {
		if seen[c] {
			return
		}
		seen[c] = true
		for i, o := range c.Options {
			if o.Sub == Client || !m.reaches(c, i, via, Server) {
				continue
			}
			opts = append(opts, o)
			if o.Kind == OptComponent && o.Target == Server && o.Value != nil {
				for _, s := range o.Value.Components {
					add(s, nil)
				}
			}
		}
		for _, s := range c.ConsumedBy {
			if s.Ctor.Kind == Service {
				add(s, c)
			}
		}
	}
	add(c, nil)
	if c.Ctor.Kind == Service && c.Ctor.Ref.Module.Version <= 5 && !installsServer(c) && m.runsDefaultServer(c) {
		// server.Init(server.WrapHandler(w)) configures the server such
		// a service runs.
		for _, s := range m.components {
			if s.IsDefault() && s.Ctor.Kind == Server && s.Ctor.Ref.Module == c.Ctor.Ref.Module {
				add(s, nil)
			}
		}
	}
	if c.IsDefault() && c.Ctor.Kind == Server && c.Ctor.Ref.Module.Version <= 5 {
		for _, s := range m.components {
			if s.Ctor.Kind == Service && s.Ctor.Ref.Module == c.Ctor.Ref.Module && !installsServer(s) && m.runsDefaultServer(s) {
				add(s, nil)
			}
		}
	}
	return opts
}

// runsDefaultServer reports whether a service built by c runs
// server.DefaultServer when no micro.Server option gives it another: up to
// v5.16. From v5.17 each service builds its own, and micro.Service is an
// alias of the service package's Service (GOMICRO.md, v6 addendum).
func (m *Model) runsDefaultServer(c *Component) bool {
	if c.Call == nil {
		return false
	}
	t := types.Unalias(m.info.TypeOf(c.Call))
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	if n, ok := t.(*types.Named); ok && n.Obj().Pkg() != nil && strings.HasSuffix(n.Obj().Pkg().Path(), "/service") {
		return false
	}
	return true
}

// SharesDefaults reports whether service c runs go-micro's shared
// client.DefaultClient and server.DefaultServer unless options install
// others (up to v5.16): options such as micro.Broker that Init them then
// reach every such service of the program, the last one applied winning.
func (m *Model) SharesDefaults(c *Component) bool {
	return c.Ctor.Kind == Service && c.Ctor.Ref.Module.Version <= 5 && m.runsDefaultServer(c)
}

// reaches reports whether option i of component c reaches the k (Server
// or Client) it is for. Any option of a server or client does. A service
// hands an option for its server or client (see configures) to the one it
// holds when the option is applied: micro.WrapHandler calls o.Server.Init,
// micro.Broker calls o.Client.Init and o.Server.Init, micro.WrapClient
// wraps o.Client (GOMICRO.md 4.3). So an option reaches, for via nil, the
// server or client the service ends up holding when no micro.Server or
// micro.Client installs another after it; otherwise the one via.
func (m *Model) reaches(c *Component, i int, via *Component, k Kind) bool {
	if c.Ctor.Kind != Service || !configures(c.Options[i], k) {
		return true
	}
	held := m.heldAt(c, i, k)
	if via != nil {
		return held != nil && slices.Contains(held, via)
	}
	opt := c.Options[i]
	for j, o := range c.Options {
		if !appliedAfter(c, j, i) || !installs(o, k) {
			continue
		}
		if opt.Kind == OptWrapClient && opt.Sub == NoKind {
			// micro.WrapClient replaces the held client by a
			// wrapper of it: any client installed after it, even
			// the one it wrapped, goes unwrapped.
			return false
		}
		// One the model cannot see (a parameter's, svc.Server()) may
		// be the one held, and options change it in place: the
		// option counts.
		if o.Value != nil && !o.Value.Opaque && !sameComponents(held, o) {
			return false
		}
	}
	return true
}

// configures reports whether a service hands option o to the k (Server or
// Client) it holds: options applied through svc.Server().Init or
// svc.Client().Init, the wrappers for k, and the components both take
// (micro.Broker, micro.Transport, micro.Registry).
func configures(o Option, k Kind) bool {
	if o.Sub != NoKind {
		return o.Sub == k
	}
	switch o.Kind {
	case OptWrapHandler, OptWrapSubscriber:
		return k == Server
	case OptWrapClient, OptWrapCall:
		return k == Client
	case OptComponent:
		return o.Target != Server && o.Target != Client
	}
	return false
}

// installs reports whether o installs a new k in a service: micro.Server(s)
// or micro.Client(c).
func installs(o Option, k Kind) bool {
	return o.Kind == OptComponent && o.Target == k && o.Sub == NoKind
}

// appliedAfter reports whether service c applies its option j after its
// option i: the constructor's options first, then those of Init calls in
// source order (the model lists a service's own Init calls before its
// Server().Init and Client().Init calls).
func appliedAfter(c *Component, j, i int) bool {
	at := func(o Option) token.Pos {
		if o.Init == nil {
			return token.NoPos
		}
		return o.Init.Pos()
	}
	pj, pi := at(c.Options[j]), at(c.Options[i])
	return pj > pi || pj == pi && j > i
}

// heldAt returns the servers (k == Server) or clients (k == Client) service
// c may hold when its option i is applied: those the last micro.Server or
// micro.Client option applied before it installs, or the one the service
// starts with, server.DefaultServer or client.DefaultClient up to v5.16.
// It returns nil when they are not known, or are the service's own
// (v5.17+), which no option can install again.
func (m *Model) heldAt(c *Component, i int, k Kind) []*Component {
	last := -1
	for j, o := range c.Options {
		if installs(o, k) && appliedAfter(c, i, j) && (last < 0 || appliedAfter(c, j, last)) {
			last = j
		}
	}
	if last >= 0 {
		if o := c.Options[last]; o.Value != nil && !o.Value.Opaque {
			return o.Value.Components
		}
		return nil
	}
	if c.Ctor.Ref.Module.Version <= 5 && m.runsDefaultServer(c) {
		return m.Default(c.Ctor.Ref.Module, k).Components
	}
	return nil
}

// sameComponents reports whether option o, a micro.Server or micro.Client,
// installs again the components held, and nothing else.
func sameComponents(held []*Component, o Option) bool {
	if held == nil || o.Value == nil || o.Value.Opaque || len(o.Value.Components) == 0 {
		return false
	}
	for _, s := range o.Value.Components {
		if !slices.Contains(held, s) {
			return false
		}
	}
	return true
}

// Replaced returns the options of service c for its k (Server or Client)
// that never reach the one it ends up holding: those applied before a
// micro.Server or micro.Client option that installs another, replacing the
// one they went to. A handler wrapper given before micro.Server wraps a
// server no request reaches.
func (m *Model) Replaced(c *Component, k Kind) []Option {
	var out []Option
	for i, o := range c.Options {
		if !m.reaches(c, i, nil, k) {
			out = append(out, o)
		}
	}
	return out
}

func installsServer(c *Component) bool {
	return slices.ContainsFunc(c.Options, func(o Option) bool { return installs(o, Server) })
}

// ClientOptions returns the options that shape c's client: for a service,
// those of its own options and of svc.Client().Init(...) that reach the
// client it ends up holding, and the options of a client micro.Client
// installs, after that option; for a client, its own.
func (m *Model) ClientOptions(c *Component) []Option {
	var opts []Option
	for i, o := range c.Options {
		if o.Sub != Server && m.reaches(c, i, nil, Client) {
			opts = append(opts, o)
		}
		if o.Kind == OptComponent && o.Target == Client && o.Value != nil {
			for _, cl := range o.Value.Components {
				opts = append(opts, cl.Options...)
			}
		}
	}
	return opts
}

// NameOf returns the constant name of service or server c: the argument of
// micro.Name or server.Name, or the leading name parameter of v5's
// micro.New(name) and v6's micro.NewService(name, ...).
func (m *Model) NameOf(c *Component) string {
	name := ""
	for _, o := range c.Options {
		isName := o.Ref.Name == "Name" && (o.Ref.Path == "" || o.Ref.Path == "service" || o.Ref.Path == "server")
		if o.Kind == OptOther && isName && o.Sub == NoKind {
			if s, ok := m.StringArg(o.Arg); ok {
				name = s
			}
		}
	}
	if name == "" && c.Call != nil && len(c.Call.Args) > 0 && len(OptionArgs(m.info, c.Call)) < len(c.Call.Args) {
		if s, ok := m.StringArg(c.Call.Args[0]); ok {
			name = s
		}
	}
	return name
}

// StringArg returns the constant string value of e.
func (m *Model) StringArg(e ast.Expr) (string, bool) {
	if e == nil {
		return "", false
	}
	tv, ok := m.info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// Funcs returns the function declarations of the package, by object.
func (m *Model) Funcs() map[*types.Func]*ast.FuncDecl { return m.funcs }

// Assigned returns the right-hand sides assigned to v in the package, and
// whether some assignment could not be seen (a multi-value call, a range,
// its address taken).
func (m *Model) Assigned(v *types.Var) (rhs []ast.Expr, unknown bool) {
	for _, a := range m.assigns[v] {
		if a.rhs == nil {
			unknown = true
			continue
		}
		rhs = append(rhs, a.rhs)
	}
	return rhs, unknown
}

// AssignedFirst returns what the package assigns to v, as Assigned does,
// with the call for an assignment of a multi-value call's first result
// (ctx, cancel := context.WithTimeout(ctx, d)); unknown is set only by
// the assignments it cannot name (range, &v, other multi-value forms).
func (m *Model) AssignedFirst(v *types.Var) (rhs []ast.Expr, unknown bool) {
	for _, a := range m.assigns[v] {
		switch {
		case a.first != nil:
			rhs = append(rhs, a.first)
		case a.rhs == nil:
			unknown = true
		default:
			rhs = append(rhs, a.rhs)
		}
	}
	return rhs, unknown
}

// VarOf returns the variable e names (local, package, field), or nil.
func (m *Model) VarOf(e ast.Expr) *types.Var { return m.varOf(e) }

// ValueOf resolves a component-typed expression to the components it may
// hold.
func (m *Model) ValueOf(e ast.Expr) Value { return m.valueOf(e, 0, map[types.Object]bool{}) }

// LocalFunc returns the declaration of the package function call calls.
func (m *Model) LocalFunc(call *ast.CallExpr) *ast.FuncDecl { return m.localFunc(call) }

// ReturnedValues returns the first result of every return statement of
// decl, outside nested function literals and code that never runs.
func (s *Syntax) ReturnedValues(decl *ast.FuncDecl) []ast.Expr { return s.returnedValues(decl) }
