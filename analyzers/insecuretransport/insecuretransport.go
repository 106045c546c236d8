package insecuretransport

import (
	_ "embed"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/microsec-lint/microsec-lint/internal/gomicro"
	"github.com/microsec-lint/microsec-lint/internal/ruledoc"
)

//go:embed doc.go
var docSrc []byte

// Doc is the rule's documentation, parsed from doc.go.
var Doc = ruledoc.MustParse(docSrc, "insecuretransport")

// Config holds the analyzer's settings; New exposes each as a flag.
type Config struct {
	// MDNS reports constructors of the mDNS registry.
	MDNS bool
}

// DefaultConfig returns the settings of Analyzer.
func DefaultConfig() Config { return Config{MDNS: true} }

// Analyzer is the insecuretransport analyzer with the default settings.
var Analyzer = New(DefaultConfig())

// New returns an insecuretransport analyzer that starts from cfg; its
// flags (-mdns) change that copy only.
func New(cfg Config) *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:     "insecuretransport",
		Doc:      Doc.Analyzer(),
		URL:      "https://github.com/microsec-lint/microsec-lint/blob/main/docs/rules.md#insecuretransport",
		Requires: []*analysis.Analyzer{gomicro.SyntaxAnalyzer},
	}
	a.Flags.BoolVar(&cfg.MDNS, "mdns", cfg.MDNS, "report constructors of the mDNS registry, which has no authentication")
	a.Run = func(pass *analysis.Pass) (any, error) {
		return run(pass, cfg)
	}
	return a
}

func run(pass *analysis.Pass, cfg Config) (any, error) {
	if !importsRelevant(pass.Pkg) {
		return nil, nil
	}
	model := gomicro.ModelOf(pass, nil)
	c := &checker{pass: withoutDeadCode(pass, model), cfg: cfg, model: model}
	for _, comp := range c.model.Components() {
		c.checkComponent(comp)
	}

	for _, lit := range c.model.CompositeLits() {
		c.checkTLSLiteral(lit)
	}
	for _, as := range c.model.AssignStmts() {
		c.checkTLSAssign(as)
	}
	for _, call := range c.model.Calls() {
		c.checkCall(call)
	}
	return nil, nil
}

// importsRelevant is the cheap guard: a package that imports no go-micro,
// crypto/tls or grpc package directly has nothing to report.
func importsRelevant(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		path := imp.Path()
		if _, _, ok := gomicro.Split(path); ok {
			return true
		}
		if path == "crypto/tls" || path == grpcPath || strings.HasPrefix(path, grpcPath+"/") {
			return true
		}
	}
	return false
}

const grpcPath = "google.golang.org/grpc"

// withoutDeadCode returns a copy of pass that drops diagnostics in code
// that never runs in any build of the package (see gomicro.Syntax.Dead):
// the body of an if statement whose condition is a settled constant false
// (if debug {...} with const debug = false declared in a file no build
// constraint selects), or its else branch when it is a settled true.
func withoutDeadCode(pass *analysis.Pass, model *gomicro.Model) *analysis.Pass {
	p := *pass
	p.Report = func(d analysis.Diagnostic) {
		if !model.Dead(d.Pos) {
			pass.Report(d)
		}
	}
	return &p
}

type checker struct {
	pass  *analysis.Pass
	cfg   Config
	model *gomicro.Model
}

// checkComponent reports a component that runs in plaintext or asks for
// TLS without a config.
func (c *checker) checkComponent(comp *gomicro.Component) {
	ctor := comp.Ctor
	switch {
	case ctor.Impl == gomicro.Memory:
		return
	case ctor.Impl == gomicro.MDNS:
		if c.cfg.MDNS && !comp.IsDefault() {
			c.pass.ReportRangef(comp, "mdns registry is unauthenticated: any host on the network can register or resolve services; use a registry with TLS such as etcd or consul")
		}
		return
	case judgedByConsumer(comp):
		return
	}

	st := c.model.TLS(comp)
	switch st.Verdict {
	case gomicro.Plaintext:
		if st.From == nil && !comp.IsDefault() {
			c.pass.ReportRangef(comp, "%s", plaintextMessage(comp, st))
		}
	case gomicro.SecureOnly:
		if st.From == nil {
			c.reportSecureOnly(comp, st)
		}
	}
}

// judgedByConsumer reports whether comp is a server or client installed
// into a service, whose verdict the service's carries. grpc clients do not
// use the service's transport and are judged on their own.
func judgedByConsumer(comp *gomicro.Component) bool {
	if len(comp.ConsumedBy) == 0 {
		return false
	}
	switch comp.Ctor.Kind {
	case gomicro.Server:
		return true
	case gomicro.Client:
		return comp.Ctor.Impl != gomicro.GRPC
	}
	return false
}

// name is how messages call a component: "transport" for the HTTP
// transport, "grpc transport", "etcd registry", "web service"...
func name(ctor gomicro.Constructor) string {
	switch ctor.Impl {
	case gomicro.HTTP, gomicro.RPC, gomicro.MicroServer, "":
		return ctor.Kind.String()
	}
	return string(ctor.Impl) + " " + ctor.Kind.String()
}

// optPkg is the package whose Secure and TLSConfig options configure kind.
func optPkg(kind gomicro.Kind) string {
	switch kind {
	case gomicro.API:
		return "server"
	case gomicro.Web:
		return "web"
	}
	return kind.String()
}

// plainBoth explains a grpc server given both a plain injected grpc.Server
// and a plain Listener: Start serves that server on that listener as they
// are, so neither grpc.AuthTLS nor server.TLSConfig reaches it (v4 plugin
// server/grpc v1.2.0 grpc.go:871-876), and either one made TLS fixes it.
const plainBoth = "its injected grpc.Server has no TLS credentials and its Listener is a plain listener, which grpc.AuthTLS and server.TLSConfig do not change; pass grpc.Creds(credentials.NewTLS(cfg)) to grpc.NewServer, or a listener from tls.Listen"

func plaintextMessage(comp *gomicro.Component, st gomicro.TLSState) string {
	ctor := comp.Ctor
	v := ctor.Ref.Module.Version
	n := name(ctor)
	switch ctor.Kind {
	case gomicro.Transport, gomicro.Broker, gomicro.Registry, gomicro.Web:
		p := optPkg(ctor.Kind)
		if ctor.Impl == gomicro.Kafka {
			return kafkaMessage(st)
		}
		if st.NoTLS {
			return n + " cannot use TLS: it always dials " + string(ctor.Impl) + ":// in plaintext" + ignored(st, p) + "; use a " + p + " with TLS such as nats, or a local sidecar (such as stunnel) that carries its connection to " + string(ctor.Impl) + " over TLS"
		}
		return n + " built without TLS: pass " + p + ".Secure(true) and " + p + ".TLSConfig(cfg)"
	case gomicro.API:
		return "api server built without TLS: pass server.EnableTLS(true) and server.TLSConfig(cfg)"
	case gomicro.Server:
		switch {
		case ctor.Impl == gomicro.GRPC && st.PlainGRPCServer && st.PlainListener:
			return "grpc server built without TLS: " + plainBoth
		case ctor.Impl == gomicro.GRPC && st.PlainGRPCServer:
			return "grpc server built without TLS: its injected grpc.Server has no TLS credentials, and grpc.AuthTLS does not reach it; pass grpc.Creds(credentials.NewTLS(cfg)) to grpc.NewServer, or server.TLSConfig(cfg)"
		case ctor.Impl == gomicro.GRPC && st.PlainListener:
			return "grpc server built without TLS: its Listener is a plain listener, which server.TLSConfig does not change; pass grpc.AuthTLS(cfg) or a listener from tls.Listen"
		case ctor.Impl == gomicro.GRPC && v == 1:
			return "grpc server built without TLS: pass grpc.AuthTLS(cfg)"
		case ctor.Impl == gomicro.GRPC:
			return "grpc server built without TLS: it listens in plaintext; pass server.TLSConfig(cfg) or grpc.AuthTLS(cfg)"
		case v == 1:
			return "server built without TLS: it uses the default plaintext transport; pass server.Transport(t) with a transport built with transport.TLSConfig(cfg)"
		}
		return "server built without TLS: it uses a plaintext transport; pass server.TLSConfig(cfg)"
	case gomicro.Client:
		switch {
		case ctor.Impl == gomicro.GRPC && v == 1:
			return "grpc client built without TLS: it always dials in plaintext; pass grpc.AuthTLS(cfg)"
		case ctor.Impl == gomicro.GRPC:
			return "grpc client built without TLS: it dials in plaintext unless the address is https://, has port 443 or has no port; pass grpc.AuthTLS(cfg)"
		}
		return "client built without TLS: it dials over a plaintext transport; pass client.Transport(t) with a transport built with transport.TLSConfig(cfg)"
	case gomicro.Service:
		return serviceMessage(ctor, st)
	}
	return n + " built without TLS"
}

// kafkaMessage explains a kafka broker without TLS: its producer and its
// consumer groups each connect with a sarama config of their own, given by
// kafka.BrokerConfig and kafka.ClusterConfig.
func kafkaMessage(st gomicro.TLSState) string {
	const enable = " with a sarama config c whose Net.TLS.Enable is true"
	switch {
	case !st.PlainPublish:
		return "kafka broker subscribes without TLS: its consumer groups use the sarama config of kafka.ClusterConfig, not that of kafka.BrokerConfig; pass kafka.ClusterConfig(c)" + enable
	case !st.PlainSubscribe:
		return "kafka broker publishes without TLS: its producer uses the sarama config of kafka.BrokerConfig, not that of kafka.ClusterConfig; pass kafka.BrokerConfig(c)" + enable
	}
	msg := "kafka broker built without TLS: "
	if st.IgnoredTLS {
		msg += "it ignores broker.Secure and broker.TLSConfig; "
	}
	return msg + "pass kafka.BrokerConfig(c) and kafka.ClusterConfig(c)" + enable
}

// ignored is what a message adds for a component given Secure or
// TLSConfig options, of package p, that its implementation never reads.
func ignored(st gomicro.TLSState, p string) string {
	if st.IgnoredTLS {
		return " and ignores " + p + ".Secure and " + p + ".TLSConfig"
	}
	return ""
}

func serviceMessage(ctor gomicro.Constructor, st gomicro.TLSState) string {
	v := ctor.Ref.Module.Version
	switch {
	case ctor.Impl == gomicro.GRPC:
		return "grpc service built without TLS: pass grpc.WithTLS(cfg)"
	case st.GlobalTooLate:
		return "service runs server.DefaultServer, which go-micro builds with its own plaintext transport before your code runs: assigning transport.DefaultTransport does not reach it; pass micro.Transport(t) with a transport built with transport.TLSConfig(cfg)"
	case st.TransportReplaced:
		return "service runs a server without TLS: its micro.Transport comes before micro.Server, which replaces the server that transport was given to; give micro.Server first"
	case st.GRPCServer && st.PlainGRPCServer && st.PlainListener:
		return "service runs a grpc server without TLS: " + plainBoth + " to the server"
	case st.GRPCServer && st.PlainGRPCServer:
		return "service runs a grpc server without TLS: its injected grpc.Server has no TLS credentials, and grpc.AuthTLS does not reach it; pass grpc.Creds(credentials.NewTLS(cfg)) to grpc.NewServer, or server.TLSConfig(cfg) to the server"
	case st.GRPCServer && st.PlainListener:
		return "service runs a grpc server without TLS: its Listener is a plain listener, which server.TLSConfig does not change; pass grpc.AuthTLS(cfg) or a listener from tls.Listen to the server"
	case st.GRPCServer && v == 1:
		return "service runs a grpc server without TLS, which listens without the transport: pass grpc.AuthTLS(cfg) to the server"
	case st.GRPCServer:
		return "service runs a grpc server without TLS, which listens without the transport: pass server.TLSConfig(cfg) or grpc.AuthTLS(cfg) to the server"
	case st.DefaultServer && v == 2:
		return "service runs the default grpc server, which listens in plaintext: pass server.TLSConfig(cfg) through svc.Server().Init or micro.Server"
	case !st.DefaultServer && !st.DefaultTransport:
		return "service runs a server without TLS: pass server.TLSConfig(cfg) to its server, or micro.Transport(t) with a transport built with transport.TLSConfig(cfg)"
	case v == 1:
		return "service uses the default plaintext transport: pass micro.Transport(t) with a transport built with transport.TLSConfig(cfg)"
	}
	return "service uses the default plaintext transport: pass micro.Transport(t) with a transport built with transport.TLSConfig(cfg), or server.TLSConfig(cfg)"
}

// reportSecureOnly reports Secure(true) (EnableTLS(true)) without a
// TLSConfig, with what it means for this component and version, at every
// such option that reaches the component: Init calls on a default may sit
// in several places, and each must be fixed.
func (c *checker) reportSecureOnly(comp *gomicro.Component, st gomicro.TLSState) {
	switch {
	case st.Secure == nil:
		c.reportSecureOnlyAt(comp, comp, st)
		return
	case st.TLSAddress:
		c.reportSecureOnlyAt(comp, st.Secure.Expr, st)
		return
	}
	seen := map[token.Pos]bool{}
	for _, o := range comp.Options {
		if o.Kind != st.Secure.Kind || o.Sub != st.Secure.Sub || seen[o.Expr.Pos()] {
			continue
		}
		if v, known := c.model.BoolArg(o); known && v {
			seen[o.Expr.Pos()] = true
			c.reportSecureOnlyAt(comp, o.Expr, st)
		}
	}
	if !seen[st.Secure.Expr.Pos()] {
		c.reportSecureOnlyAt(comp, st.Secure.Expr, st)
	}
}

// reportSecureOnlyAt reports the finding of reportSecureOnly at at.
func (c *checker) reportSecureOnlyAt(comp *gomicro.Component, at analysis.Range, st gomicro.TLSState) {
	n := name(comp.Ctor)
	fix := "pass " + optPkg(comp.Ctor.Kind) + ".TLSConfig(cfg)"
	switch gomicro.SecureWithoutConfig(comp.Ctor) {
	case gomicro.SelfSignedSkipVerify:
		if st.Secure == nil { // quic
			c.pass.ReportRangef(at, "%s built without TLSConfig: clients skip certificate verification; %s", n, fix)
			return
		}
		peer := "clients"
		if comp.Ctor.Kind == gomicro.Broker {
			peer = "publishers"
		}
		c.pass.ReportRangef(at, "%s uses Secure(true) without TLSConfig: it serves a self-signed certificate and %s skip certificate verification; %s", n, peer, fix)
	case gomicro.SelfSignedVerify:
		c.pass.ReportRangef(at, "%s uses Secure(true) without TLSConfig: it serves a self-signed certificate that verifying clients reject; %s", n, fix)
	case gomicro.SkipVerify:
		if st.TLSAddress {
			c.pass.ReportRangef(at, "%s dials amqps:// without TLSConfig: the client skips certificate verification; %s", n, fix)
			return
		}
		c.pass.ReportRangef(at, "%s uses Secure(true) without TLSConfig: the client skips certificate verification; %s", n, fix)
	case gomicro.PlaintextFallback:
		c.pass.ReportRangef(at, "api server sets EnableTLS(true) without TLSConfig: it silently serves plaintext; pass server.TLSConfig(cfg)")
	}
}

// checkCall reports transport.WithInsecureSkipVerify(true) and grpc-go's
// plaintext dial options.
func (c *checker) checkCall(call *ast.CallExpr) {
	obj := gomicro.Callee(c.pass.TypesInfo, call)
	if obj == nil || obj.Pkg() == nil {
		return
	}
	if ref, ok := gomicro.RefOf(obj); ok {
		if gw := c.plainGateway(ref, call); gw != "" {
			c.pass.ReportRangef(call, "%s gateway serves plain HTTP and has no TLS option: keep it on a private address behind a TLS-terminating proxy", gw)
			return
		}
		if ref.Path == "transport" && ref.Name == "WithInsecureSkipVerify" && len(call.Args) == 1 && isTrue(c.pass.TypesInfo, call.Args[0]) {
			c.pass.Report(analysis.Diagnostic{
				Pos:            call.Pos(),
				End:            call.End(),
				Message:        "transport dial skips certificate verification: remove transport.WithInsecureSkipVerify(true) and give the transport a TLSConfig with the peer's CA",
				SuggestedFixes: []analysis.SuggestedFix{toFalse(call.Args[0], "Stop skipping certificate verification")},
			})
		}
		return
	}
	switch fn := obj.Pkg().Path() + "." + obj.Name(); fn {
	case grpcPath + ".WithInsecure":
		c.pass.ReportRangef(call, "grpc.WithInsecure disables transport security: use grpc.WithTransportCredentials(credentials.NewTLS(cfg))")
	case grpcPath + "/credentials/insecure.NewCredentials":
		c.pass.ReportRangef(call, "insecure.NewCredentials disables transport security: use credentials.NewTLS(cfg)")
	}
}

// plainGateway returns the gateway a call of v5.15+ and v6 starts on a
// network address ("api", "mcp", "a2a"), or "". gateway/api.New and Run
// and gateway/a2a.Serve always listen (a2a on ":http" without an
// address); gateway/mcp serves stdio when its address is empty, so
// mcp.ListenAndServe and mcp.WithMCP count unless given the constant "",
// and mcp.Serve when its Options visibly set an Address. All of them
// listen with net/http's ListenAndServe.
func (c *checker) plainGateway(ref gomicro.Ref, call *ast.CallExpr) string {
	if ref.Module.Version < 5 || len(call.Args) == 0 {
		return ""
	}
	switch ref.Path + "." + ref.Name {
	case "gateway/api.New", "gateway/api.Run", "gateway/a2a.Serve":
		return ref.Pkg()
	case "gateway/mcp.ListenAndServe", "gateway/mcp.WithMCP":
		if !c.isEmptyString(call.Args[0]) {
			return "mcp"
		}
	case "gateway/mcp.Serve":
		if c.addressed(call.Args[0], 0) {
			return "mcp"
		}
	}
	return ""
}

func (c *checker) isEmptyString(e ast.Expr) bool {
	tv := c.pass.TypesInfo.Types[e]
	return tv.Value != nil && tv.Value.Kind() == constant.String && constant.StringVal(tv.Value) == ""
}

// addressed reports whether an mcp.Options value sets Address to something
// other than the constant "": a literal that does, or a variable assigned
// such a literal or whose Address field is assigned such a value.
func (c *checker) addressed(e ast.Expr, depth int) bool {
	e = ast.Unparen(e)
	if depth > 4 {
		return false
	}
	if lit, ok := e.(*ast.CompositeLit); ok {
		for _, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if key, ok := kv.Key.(*ast.Ident); ok && key.Name == "Address" {
					return !c.isEmptyString(kv.Value)
				}
			}
		}
		return false
	}
	v := c.model.VarOf(e)
	if v == nil {
		return false
	}
	rhs, _ := c.model.Assigned(v)
	for _, r := range rhs {
		if c.addressed(r, depth+1) {
			return true
		}
	}
	for _, as := range c.model.AssignStmts() {
		for i, lhs := range as.Lhs {
			sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
			if ok && sel.Sel.Name == "Address" && c.model.VarOf(sel.X) == v && i < len(as.Rhs) && !c.isEmptyString(as.Rhs[i]) {
				return true
			}
		}
	}
	return false
}

// checkTLSLiteral reports InsecureSkipVerify: true and a MinVersion below
// TLS 1.2 in a crypto/tls.Config literal.
func (c *checker) checkTLSLiteral(lit *ast.CompositeLit) {
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		key, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		c.checkTLSField(c.pass.TypesInfo.ObjectOf(key), kv.Value)
	}
}

// checkTLSAssign reports cfg.InsecureSkipVerify = true and cfg.MinVersion =
// tls.VersionTLS10 and the like.
func (c *checker) checkTLSAssign(as *ast.AssignStmt) {
	if as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, lhs := range as.Lhs {
		sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		c.checkTLSField(c.pass.TypesInfo.ObjectOf(sel.Sel), as.Rhs[i])
	}
}

// checkTLSField checks the value given to a field of crypto/tls.Config.
func (c *checker) checkTLSField(field types.Object, value ast.Expr) {
	v, ok := field.(*types.Var)
	if !ok || !v.IsField() || v.Pkg() == nil || v.Pkg().Path() != "crypto/tls" {
		return
	}
	switch v.Name() {
	case "InsecureSkipVerify":
		if isTrue(c.pass.TypesInfo, value) {
			c.pass.Report(analysis.Diagnostic{
				Pos:            value.Pos(),
				End:            value.End(),
				Message:        "tls.Config sets InsecureSkipVerify: peer certificates are not verified; remove it and trust the peer's CA through RootCAs",
				SuggestedFixes: []analysis.SuggestedFix{toFalse(value, "Set InsecureSkipVerify to false")},
			})
		}
	case "MinVersion":
		tv, ok := c.pass.TypesInfo.Types[value]
		if !ok || tv.Value == nil {
			return
		}
		ver, exact := constant.Uint64Val(constant.ToInt(tv.Value))
		if !exact || ver == 0 || ver >= tlsVersion12 {
			return
		}
		d := analysis.Diagnostic{
			Pos:     value.Pos(),
			End:     value.End(),
			Message: "tls.Config allows protocol versions below TLS 1.2: set MinVersion to tls.VersionTLS12 or higher",
		}
		if fix, ok := c.minVersionFix(value); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
		c.pass.Report(d)
	}
}

// tlsVersion12 is crypto/tls.VersionTLS12.
const tlsVersion12 = 0x0303

// minVersionFix replaces tls.VersionTLS10 (any version constant of
// crypto/tls, under whatever import name) with tls.VersionTLS12.
func (c *checker) minVersionFix(value ast.Expr) (analysis.SuggestedFix, bool) {
	sel, ok := ast.Unparen(value).(*ast.SelectorExpr)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	obj := c.pass.TypesInfo.Uses[sel.Sel]
	if obj == nil || obj.Pkg() == nil || obj.Pkg().Path() != "crypto/tls" {
		return analysis.SuggestedFix{}, false
	}
	return analysis.SuggestedFix{
		Message:   "Require TLS 1.2",
		TextEdits: []analysis.TextEdit{{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte("VersionTLS12")}},
	}, true
}

// toFalse replaces a constant true with false.
func toFalse(e ast.Expr, msg string) analysis.SuggestedFix {
	return analysis.SuggestedFix{
		Message:   msg,
		TextEdits: []analysis.TextEdit{{Pos: e.Pos(), End: e.End(), NewText: []byte("false")}},
	}
}

// isTrue reports whether e is a constant expression with the value true.
// A variable (a flag, a setting defaulting to false) is not.
func isTrue(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value)
}
