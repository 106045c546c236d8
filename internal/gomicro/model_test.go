package gomicro

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"
)

// stubs are just enough of go-micro, in the shapes GOMICRO.md documents, to
// type-check the test programs without the module cache.
var stubs = map[string]string{
	"crypto/tls": `package tls
type Config struct{ InsecureSkipVerify bool }`,

	"go-micro.dev/v4/transport": `package transport
import "crypto/tls"
type Options struct{ Secure bool; TLSConfig *tls.Config }
type Option func(*Options)
type Transport interface{ Init(...Option) error }
type httpTransport struct{}
func (*httpTransport) Init(...Option) error { return nil }
func NewHTTPTransport(opts ...Option) *httpTransport { return nil }
func NewMemoryTransport(opts ...Option) Transport { return nil }
func Secure(b bool) Option { return nil }
func TLSConfig(c *tls.Config) Option { return nil }
func Addrs(a ...string) Option { return nil }
var DefaultTransport Transport = NewHTTPTransport()`,

	"go-micro.dev/v4/server": `package server
import ("crypto/tls"; "go-micro.dev/v4/transport")
type Options struct{}
type Option func(*Options)
type Server interface{ Init(...Option) error }
func newRPCServer(opts ...Option) Server { return nil }
var NewServer func(...Option) Server = newRPCServer
func TLSConfig(c *tls.Config) Option { return nil }
func Transport(t transport.Transport) Option { return nil }
func Name(n string) Option { return nil }
func Init(opts ...Option) {}
var DefaultServer Server`,

	"go-micro.dev/v4": `package micro
import ("go-micro.dev/v4/server"; "go-micro.dev/v4/transport")
type Options struct{}
type Option func(*Options)
type Service interface{ Init(...Option); Server() server.Server }
func NewService(opts ...Option) Service { return nil }
func Name(n string) Option { return nil }
func Transport(t transport.Transport) Option { return nil }
func Server(s server.Server) Option { return nil }`,

	"go-micro.dev/v6/service": `package service
type Options struct{}
type Option func(*Options)
type Service interface{ Init(...Option) }
func Name(n string) Option { return nil }`,

	"go-micro.dev/v6": `package micro
import "go-micro.dev/v6/service"
type Option = service.Option
type Service = service.Service
var Name = service.Name
func NewService(name string, opts ...Option) Service { return nil }`,
}

// memImporter type-checks stub packages from source on demand.
type memImporter struct {
	fset *token.FileSet
	pkgs map[string]*types.Package
}

func (m *memImporter) Import(path string) (*types.Package, error) {
	if p, ok := m.pkgs[path]; ok {
		return p, nil
	}
	src, ok := stubs[path]
	if !ok {
		return importer.Default().Import(path)
	}
	f, err := parser.ParseFile(m.fset, path+"/stub.go", src, 0)
	if err != nil {
		return nil, err
	}
	conf := types.Config{Importer: m}
	p, err := conf.Check(path, m.fset, []*ast.File{f}, nil)
	if err != nil {
		return nil, err
	}
	m.pkgs[path] = p
	return p, nil
}

type program struct {
	fset  *token.FileSet
	file  *ast.File
	info  *types.Info
	model *Model
}

func load(t *testing.T, src string) *program {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "app.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
	}
	conf := types.Config{Importer: &memImporter{fset: fset, pkgs: map[string]*types.Package{}}}
	pkg, err := conf.Check("example.com/app", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	return &program{fset: fset, file: f, info: info, model: NewSyntax(fset, pkg, info, []*ast.File{f}).Model(nil)}
}

// line returns the line a component is built on.
func (p *program) line(c *Component) int { return p.fset.Position(c.Pos()).Line }

// at returns the component built on line n (1-based, of the source).
func (p *program) at(t *testing.T, n int) *Component {
	t.Helper()
	for _, c := range p.model.Components() {
		if p.line(c) == n {
			return c
		}
	}
	t.Fatalf("no component on line %d", n)
	return nil
}

// kinds lists the kinds of c's options, with the callee name, e.g.
// "Secure(transport.Secure)".
func kinds(c *Component) string {
	var s []string
	for _, o := range c.Options {
		name := map[OptionKind]string{
			OptOpaque: "Opaque", OptOther: "Other", OptSecure: "Secure", OptTLSConfig: "TLSConfig",
			OptServerTLSConfig: "ServerTLSConfig", OptComponent: "Component",
		}[o.Kind]
		if o.Call != nil {
			name += "(" + o.Ref.String() + ")"
		}
		if o.Init != nil {
			name += "@Init"
		}
		if o.Sub != NoKind {
			name += "@" + o.Sub.String()
		}
		s = append(s, name)
	}
	return strings.Join(s, " ")
}

func TestRefOf(t *testing.T) {
	p := load(t, `package app
import ("go-micro.dev/v4/server"; "go-micro.dev/v4/transport")
func f() {
	server.NewServer()
	t := transport.NewHTTPTransport()
	t.Init()
	var i transport.Transport = t
	i.Init()
}`)
	var got []string
	ast.Inspect(p.file, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if ref, ok := CalleeRef(p.info, call); ok {
				got = append(got, fmt.Sprintf("v%d %s", ref.Module.Version, ref))
			}
		}
		return true
	})
	want := "v4 server.NewServer, v4 transport.NewHTTPTransport, v4 transport.httpTransport.Init, v4 transport.Transport.Init"
	if g := strings.Join(got, ", "); g != want {
		t.Errorf("refs = %s\nwant %s", g, want)
	}
}

// TestSpelling checks that matching follows objects, not names: an import
// alias is recognised, and a local function named like a constructor is not.
func TestSpelling(t *testing.T) {
	p := load(t, `package app
import mt "go-micro.dev/v4/transport"
func NewHTTPTransport(opts ...mt.Option) int { return 0 }
func f() {
	NewHTTPTransport()
	mt.NewHTTPTransport()
}`)
	cs := p.model.Components()
	if len(cs) != 1 || p.line(cs[0]) != 6 || cs[0].Ctor.Kind != Transport || cs[0].Ctor.Impl != HTTP {
		t.Fatalf("components = %v, want only the go-micro transport on line 6", cs)
	}
}

func TestOptionArgsV6(t *testing.T) {
	p := load(t, `package app
import "go-micro.dev/v6"
func f() { micro.NewService("greeter", micro.Name("x")) }`)
	c := p.at(t, 3)
	if c.Ctor.Kind != Service || c.Ctor.Ref.Module.Version != 6 {
		t.Fatalf("ctor = %+v", c.Ctor)
	}
	if got := kinds(c); got != "Other(micro.Name)" {
		t.Errorf("options = %q; the name argument must not count as an option", got)
	}
}

func TestOptionsReach(t *testing.T) {
	p := load(t, `package app
import ("crypto/tls"; "go-micro.dev/v4"; "go-micro.dev/v4/server"; "go-micro.dev/v4/transport")
var cfg *tls.Config
func secure() transport.Option { return transport.Secure(true) }
func tlsOpts() []transport.Option { return []transport.Option{transport.TLSConfig(cfg)} }
func f(opt transport.Option) {
	transport.NewHTTPTransport(secure(), opt)
	transport.NewHTTPTransport(tlsOpts()...)
	t := transport.NewHTTPTransport(transport.Addrs(":0"))
	t.Init(transport.TLSConfig(cfg))
	opts := []micro.Option{micro.Name("a")}
	opts = append(opts, micro.Transport(t))
	svc := micro.NewService(opts...)
	svc.Server().Init(server.TLSConfig(cfg))
	server.Init(server.Name("x"))
}`)
	for _, c := range []struct {
		line int
		want string
	}{
		{7, "Secure(transport.Secure) Opaque"},
		{8, "TLSConfig(transport.TLSConfig)"},
		{9, "Other(transport.Addrs) TLSConfig(transport.TLSConfig)@Init"},
		{13, "Other(micro.Name) Component(micro.Transport) ServerTLSConfig(server.TLSConfig)@Init@server"},
		{15, "Other(server.Name)@Init"}, // server.DefaultServer, through server.Init
	} {
		if got := kinds(p.at(t, c.line)); got != c.want {
			t.Errorf("line %d: options = %q, want %q", c.line, got, c.want)
		}
	}
	tr := p.at(t, 9)
	if len(tr.ConsumedBy) != 1 || p.line(tr.ConsumedBy[0]) != 13 {
		t.Errorf("transport of line 9 consumed by %v, want the service of line 13", tr.ConsumedBy)
	}
	if d := p.at(t, 15); !d.IsDefault() || d.Ctor.Kind != Server || d.Global.Name() != "DefaultServer" {
		t.Errorf("line 15: %+v, want the default server", d)
	}
}

func TestTLS(t *testing.T) {
	p := load(t, `package app
import ("crypto/tls"; "go-micro.dev/v4"; "go-micro.dev/v4/server"; "go-micro.dev/v4/transport")
var cfg *tls.Config
func f(secure bool) {
	transport.NewHTTPTransport()
	transport.NewHTTPTransport(transport.Secure(true))
	transport.NewHTTPTransport(transport.Secure(true), transport.TLSConfig(nil))
	transport.NewHTTPTransport(transport.Secure(secure))
	micro.NewService()
	micro.NewService(micro.Transport(transport.NewHTTPTransport(transport.TLSConfig(cfg))))
	micro.NewService(micro.Server(server.NewServer(server.TLSConfig(cfg))))
	plain := transport.NewHTTPTransport()
	micro.NewService(micro.Transport(plain))
	transport.NewMemoryTransport()
}`)
	for _, c := range []struct {
		line    int
		verdict Verdict
		from    int // line of TLSState.From, 0 for none
	}{
		{5, Plaintext, 0},
		{6, SecureOnly, 0},
		{7, SecureOnly, 0},
		{8, Unknown, 0},
		{9, Plaintext, 0},
		{10, TLSOn, 10},
		{11, TLSOn, 0},
		{13, Plaintext, 12},
	} {
		st := p.model.TLS(p.at(t, c.line))
		from := 0
		if st.From != nil {
			from = p.line(st.From)
		}
		if st.Verdict != c.verdict || from != c.from {
			t.Errorf("line %d: verdict %d from line %d, want %d from line %d", c.line, st.Verdict, from, c.verdict, c.from)
		}
	}
	if st := p.model.TLS(p.at(t, 9)); !st.DefaultTransport {
		t.Errorf("line 9: want the verdict to come from the default transport")
	}
}

// TestDefaultAssigned checks that a package that replaces
// transport.DefaultTransport changes what servers built later get, but not
// server.DefaultServer, which go-micro built with its own before.
func TestDefaultAssigned(t *testing.T) {
	p := load(t, `package app
import ("crypto/tls"; "go-micro.dev/v4"; "go-micro.dev/v4/server"; "go-micro.dev/v4/transport")
var cfg *tls.Config
func init() { transport.DefaultTransport = transport.NewHTTPTransport(transport.TLSConfig(cfg)) }
func f() { micro.NewService() }
func g() { micro.NewService(micro.Server(server.NewServer())) }`)
	if st := p.model.TLS(p.at(t, 5)); st.Verdict != Plaintext || !st.GlobalTooLate {
		t.Errorf("verdict %d (GlobalTooLate %v), want Plaintext: the default server keeps go-micro's transport", st.Verdict, st.GlobalTooLate)
	}
	if st := p.model.TLS(p.at(t, 6)); st.Verdict != TLSOn {
		t.Errorf("verdict %d, want TLSOn from the assigned default transport", st.Verdict)
	}
	if v := p.model.Default(Module{Root: "go-micro.dev/v4", Version: 4}, Transport); len(v.Components) != 1 || p.line(v.Components[0]) != 4 {
		t.Errorf("Default(transport) = %+v, want the constructor of line 4", v)
	}
}

func TestSecureWithoutConfig(t *testing.T) {
	mod := func(v int) Module { return Module{Version: v} }
	for _, c := range []struct {
		v    int
		kind Kind
		impl Impl
		want SecureAlone
	}{
		{3, Transport, HTTP, SelfSignedSkipVerify},
		{4, Transport, HTTP, SelfSignedVerify},
		{5, Transport, GRPC, SelfSignedSkipVerify},
		{6, Transport, GRPC, SelfSignedVerify},
		{5, Broker, HTTP, SelfSignedSkipVerify},
		{6, Broker, HTTP, SelfSignedVerify},
		{5, Registry, Etcd, SkipVerify},
		{6, Registry, Consul, VerifySystemRoots},
		{4, Broker, NATS, VerifySystemRoots},
		{4, Web, HTTP, SelfSignedServer},
		{4, API, HTTP, PlaintextFallback},
		{4, Server, RPC, NotApplicable},
	} {
		ctor := Constructor{Ref: Ref{Module: mod(c.v)}, Kind: c.kind, Impl: c.impl}
		if got := SecureWithoutConfig(ctor); got != c.want {
			t.Errorf("v%d %s %s: %d, want %d", c.v, c.impl, c.kind, got, c.want)
		}
	}
}

// TestSyntaxSharedByModels checks that models made from one walk of a
// package's files are as one made from a walk of its own, and share no
// component: each rule's model fills in its own.
func TestSyntaxSharedByModels(t *testing.T) {
	p := load(t, `package app
import ("crypto/tls"; "go-micro.dev/v4"; "go-micro.dev/v4/transport")
var cfg *tls.Config
func f() {
	t := transport.NewHTTPTransport(transport.Addrs(":0"))
	t.Init(transport.TLSConfig(cfg))
	micro.NewService(micro.Transport(t))
	transport.DefaultTransport.Init(transport.Secure(true))
}`)
	s := NewSyntax(p.fset, p.model.pkg, p.info, []*ast.File{p.file})
	a, b := s.Model(nil), s.Model(nil)
	if len(a.Components()) != 3 || len(b.Components()) != len(a.Components()) {
		t.Fatalf("components: %d and %d, want 3 each", len(a.Components()), len(b.Components()))
	}
	for i, ca := range a.Components() {
		cb, own := b.Components()[i], p.model.Components()[i]
		if ca == cb {
			t.Errorf("component %d is shared by two models", i)
		}
		if kinds(ca) != kinds(own) || kinds(cb) != kinds(own) || p.line(ca) != p.line(own) {
			t.Errorf("component %d: options %q and %q on lines %d and %d, want %q on line %d", i, kinds(ca), kinds(cb), p.line(ca), p.line(cb), kinds(own), p.line(own))
		}
		if ca.Call != nil && a.Component(ca.Call) != ca {
			t.Errorf("component %d: model a finds another for its call", i)
		}
	}
	if tr := a.Components()[0]; len(tr.ConsumedBy) != 1 || tr.ConsumedBy[0] != a.Components()[1] {
		t.Errorf("model a's transport is consumed by %v, want model a's service", tr.ConsumedBy)
	}
}
