package gomicro

import (
	"go/constant"
	"slices"
	"strings"
)

// Verdict says whether a component talks TLS, as far as the model sees.
type Verdict uint8

// Verdicts, from worst to best for the caller: Plaintext and SecureOnly are
// findings, TLSOn and Unknown are not.
const (
	// Plaintext: no option turns TLS on.
	Plaintext Verdict = iota
	// SecureOnly: Secure(true) (or the API gateway's EnableTLS(true))
	// without a TLS config; see SecureWithoutConfig for what that means.
	SecureOnly
	// TLSOn: a TLS config reaches the component.
	TLSOn
	// Unknown: an option or value the model cannot see into may turn TLS
	// on.
	Unknown
)

// TLSState is the model's answer to "does this component use TLS".
type TLSState struct {
	Verdict Verdict
	// Secure is the option that asked for TLS without a config, for
	// SecureOnly.
	Secure *Option
	// Config is the option that supplied a TLS config, for TLSOn.
	Config *Option
	// From is set when the verdict is inherited from another component
	// built by a constructor call in the package, such as the transport of
	// a service or of an rpc server: that component carries its own
	// finding.
	From *Component
	// DefaultTransport and DefaultServer are set when the verdict of a
	// service, server or client comes from a go-micro default.
	DefaultTransport, DefaultServer bool
	// TransportReplaced is set for a service whose micro.Transport, which
	// would give its server TLS, comes before the micro.Server option
	// that replaces that server.
	TransportReplaced bool
	// GlobalTooLate is set for a service running server.DefaultServer,
	// which keeps go-micro's own default transport although the program
	// assigns another, with TLS, to transport.DefaultTransport.
	GlobalTooLate bool
	// GRPCServer is set for a service judged by a grpc server it
	// installs, which listens without the transport.
	GRPCServer bool
	// NoTLS is set for a component that has no way to use TLS at all,
	// whatever its options say (the v4 plugin redis broker).
	NoTLS bool
	// IgnoredTLS is set for a component given Secure(true) or a
	// TLSConfig that its implementation never reads.
	IgnoredTLS bool
	// PlainPublish and PlainSubscribe are set for a kafka broker whose
	// producer, or whose consumer groups, connect without TLS.
	PlainPublish, PlainSubscribe bool
	// TLSAddress is set for a component whose Secure is an address with a
	// TLS scheme (rabbitmq's amqps://) rather than a Secure option.
	TLSAddress bool
	// PlainListener is set for a grpc server given a plain listener with
	// its Listener option, which server.TLSConfig does not change (with
	// PlainGRPCServer too when its injected grpc.Server is plain as well).
	PlainListener bool
	// PlainGRPCServer is set for a grpc server given, with its Server
	// option, a *grpc.Server without TLS credentials, which AuthTLS does
	// not reach.
	PlainGRPCServer bool
}

// TLS returns whether component c uses TLS.
//
// Transports, brokers, registries and web services use TLS when a
// TLSConfig (or nats.Options TLSConfig) reaches them; Secure(true) alone
// gives SecureOnly. The API gateway needs EnableTLS(true) and a TLSConfig,
// or EnableACME(true). grpc servers and clients need AuthTLS or (servers)
// server.TLSConfig. An rpc server or client uses TLS when server.TLSConfig
// reaches it or its transport (server.Transport, client.Transport, or the
// default transport) does. A service listens through its server (the
// micro.Server option, else the default: rpc, or grpc in v2) over its
// transport (micro.Transport, else the default), and Init calls on the
// service, its Server() and the defaults count.
func (m *Model) TLS(c *Component) TLSState {
	if st, ok := m.tls[c]; ok {
		if st == nil {
			return TLSState{Verdict: Unknown} // a cycle
		}
		return *st
	}
	m.tls[c] = nil
	st := m.evaluate(c)
	m.tls[c] = &st
	return st
}

// settings is what the options of one component say, last one winning.
type settings struct {
	secure, enable, acme, config, serverConfig, authTLS, withTLS *Option
	opaque                                                       bool
	serverConfigAt                                               int // index in the options of serverConfig
	installs                                                     map[Kind]*Option
	installedAt                                                  map[Kind]int     // index in the options of installs' option
	subConfig                                                    map[Kind]*Option // svc.Server().Init(server.TLSConfig(...))
	subTransport                                                 *Option          // svc.Server().Init(server.Transport(t))
	// The grpc server's Listener, Server and Options options.
	grpcListener, grpcServer, grpcOptions *Option
	consulConfig                          *Option // the consul registry's Config
	kafkaBroker, kafkaCluster             *Option // the kafka broker's BrokerConfig and ClusterConfig
	addrs                                 *Option // the last Addrs option
}

func (m *Model) settingsOf(opts []Option) settings {
	s := settings{installs: map[Kind]*Option{}, installedAt: map[Kind]int{}, subConfig: map[Kind]*Option{}}
	for i := range opts {
		o := &opts[i]
		if o.Sub != NoKind {
			if o.Kind == OptServerTLSConfig || o.Kind == OptAuthTLS {
				if !m.IsNil(o.Arg) {
					s.subConfig[o.Sub] = o
				}
			} else if o.Kind == OptOpaque {
				s.opaque = true
			} else if o.Kind == OptComponent && o.Target == Transport && o.Sub == Server && o.Value != nil {
				s.subTransport = o
			}
			continue
		}
		switch o.Kind {
		case OptOpaque:
			s.opaque = true
		case OptSecure, OptEnableTLS, OptEnableACME:
			ptr := map[OptionKind]**Option{OptSecure: &s.secure, OptEnableTLS: &s.enable, OptEnableACME: &s.acme}[o.Kind]
			switch v, known := m.BoolArg(*o); {
			case !known:
				s.opaque = true
			case v:
				*ptr = o
			default:
				*ptr = nil
			}
		case OptTLSConfig, OptServerTLSConfig, OptAuthTLS, OptWithTLS:
			ptr := map[OptionKind]**Option{OptTLSConfig: &s.config, OptServerTLSConfig: &s.serverConfig, OptAuthTLS: &s.authTLS, OptWithTLS: &s.withTLS}[o.Kind]
			if o.Arg != nil && m.IsNil(o.Arg) {
				*ptr = nil
			} else {
				*ptr = o
			}
			if o.Kind == OptServerTLSConfig {
				s.serverConfigAt = i
			}
		case OptConsulConfig:
			s.consulConfig = o
		case OptKafkaBrokerConfig:
			s.kafkaBroker = o
		case OptKafkaClusterConfig:
			s.kafkaCluster = o
		case OptOther:
			if o.Ref.Name == "Addrs" {
				s.addrs = o
			}
		case OptGRPCListener, OptGRPCServer, OptGRPCOptions:
			// Each sets one value of the server's context: the last one
			// wins, and a nil listener or server is no listener or server.
			ptr := map[OptionKind]**Option{OptGRPCListener: &s.grpcListener, OptGRPCServer: &s.grpcServer, OptGRPCOptions: &s.grpcOptions}[o.Kind]
			if o.Arg != nil && m.IsNil(o.Arg) {
				*ptr = nil
			} else {
				*ptr = o
			}
		case OptNatsOptions:
			s.opaque = true // not a literal: cannot see its fields
		case OptComponent:
			s.installs[o.Target] = o
			s.installedAt[o.Target] = i
		}
	}
	return s
}

func (m *Model) evaluate(c *Component) TLSState {
	s := m.settingsOf(c.Options)
	switch c.Ctor.Kind {
	case Transport:
		st := simple(s, c.Ctor.Impl == QUIC)
		if st.Verdict < TLSOn {
			switch o := m.serverTLSFor(c); {
			case o == nil:
			case !m.IsNil(o.Arg):
				return TLSState{Verdict: TLSOn, Config: o}
			case st.Verdict == Plaintext:
				// server.TLSConfig(nil) still sets Secure(true).
				return TLSState{Verdict: SecureOnly, Secure: o}
			}
		}
		return st
	case Broker:
		switch c.Ctor.Impl {
		case Redis:
			return redisTLS(c, s)
		case Kafka:
			return m.kafkaTLS(c, s)
		}
		st := simple(s, false)
		if st.Verdict == Plaintext && c.Ctor.Impl == RabbitMQ && m.amqps(s.addrs) {
			// rabbitmq connects with TLS to an amqps:// URL as it does
			// for Secure(true) (v5.12.0 broker/rabbitmq/connection.go:233).
			return TLSState{Verdict: SecureOnly, Secure: s.addrs, TLSAddress: true}
		}
		return st
	case Web:
		return simple(s, false)
	case Registry:
		st := simple(s, false)
		if o := s.consulConfig; o != nil && st.Verdict == Plaintext && m.consulHTTPS(o.Arg, s.addrs != nil) {
			return TLSState{Verdict: TLSOn, Config: o}
		}
		return st
	case API:
		switch {
		case s.acme != nil:
			return TLSState{Verdict: TLSOn, Config: s.acme}
		case s.enable != nil && s.config != nil:
			return TLSState{Verdict: TLSOn, Config: s.config}
		case s.enable != nil:
			return TLSState{Verdict: SecureOnly, Secure: s.enable}
		case s.opaque:
			return TLSState{Verdict: Unknown}
		}
		return TLSState{Verdict: Plaintext}
	case Server, Client:
		return m.endpoint(c, s, nil)
	case Service:
		if c.Ctor.Impl == GRPC {
			return direct(s, s.withTLS)
		}
		return m.service(c, s)
	}
	return TLSState{Verdict: Unknown}
}

// redisTLS judges the redis broker of the v4 plugins, which cannot use
// TLS: it prefixes its first address with "redis://" (the HasPrefix
// arguments are swapped, so even a rediss:// address gets it) and dials
// that with redigo's DialURL and no TLS option (v1.2.0 redis.go:163-185);
// redigo only uses TLS for a rediss:// scheme (v1.8.5 conn.go:382). It
// never reads broker.Secure or broker.TLSConfig. The redis plugins of the
// other trees are not looked at: they are Unknown.
func redisTLS(c *Component, s settings) TLSState {
	if c.Ctor.Ref.Module.Version != 4 {
		return TLSState{Verdict: Unknown}
	}
	return TLSState{Verdict: Plaintext, NoTLS: true, IgnoredTLS: s.secure != nil || s.config != nil}
}

// simple judges a component configured by Secure and TLSConfig.
func simple(s settings, quic bool) TLSState {
	switch {
	case s.config != nil:
		return TLSState{Verdict: TLSOn, Config: s.config}
	case s.secure != nil:
		return TLSState{Verdict: SecureOnly, Secure: s.secure}
	case s.opaque:
		return TLSState{Verdict: Unknown}
	case quic:
		// quic always speaks TLS and, without a config, skips verification.
		return TLSState{Verdict: SecureOnly}
	}
	return TLSState{Verdict: Plaintext}
}

// direct judges a component whose only TLS switch is cfg.
func direct(s settings, cfg *Option) TLSState {
	switch {
	case cfg != nil:
		return TLSState{Verdict: TLSOn, Config: cfg}
	case s.opaque:
		return TLSState{Verdict: Unknown}
	}
	return TLSState{Verdict: Plaintext}
}

// endpoint judges a server or client. transport, when non-nil, is the
// transport its service installs over it.
func (m *Model) endpoint(c *Component, s settings, transport *Value) TLSState {
	if c.Ctor.Impl == GRPC {
		if c.Ctor.Kind == Server {
			return m.grpcServerTLS(s)
		}
		return direct(s, s.authTLS)
	}
	if c.Ctor.Kind == Server && s.serverConfig != nil && (s.installs[Transport] == nil || s.installedAt[Transport] < s.serverConfigAt) {
		// server.TLSConfig turns TLS on in the transport the server
		// holds then; a server.Transport after it replaces that one.
		return TLSState{Verdict: TLSOn, Config: s.serverConfig}
	}
	if transport == nil {
		if o := s.installs[Transport]; o != nil && o.Value != nil {
			transport = o.Value
		}
	}
	st := m.overTransport(c.Ctor.Ref.Module, transport)
	if s.opaque && st.Verdict == Plaintext {
		st.Verdict = Unknown
	}
	return st
}

// serverTLSFor returns the last server.TLSConfig option that reaches
// transport t, or nil. The option calls Init(Secure(true), TLSConfig(cfg))
// on the transport the server holds when it is applied, and transports
// change in place: t is configured by a server that holds it then, through
// server.Transport(t) among the server's options or Init calls, or
// micro.Transport(t) or svc.Server().Init(server.Transport(t)) on a
// service, before svc.Server().Init(server.TLSConfig(cfg)). Options are
// taken in the order they are applied: the constructor's, then those of
// Init calls in source order. A variable that may hold several transports
// holds none of them for this purpose. Where servers disagree, one that
// gives a config wins.
func (m *Model) serverTLSFor(t *Component) *Option {
	var best *Option
	for _, c := range m.components {
		if c.Ctor.Kind != Server && c.Ctor.Kind != Service {
			continue
		}
		holds := false // the server holds t
		var last *Option
		for _, o := range applied(c.Options) {
			sub := o.Sub
			if c.Ctor.Kind == Server && sub == NoKind {
				sub = Server
			}
			switch {
			case o.Kind == OptComponent && o.Target == Transport && (sub == Server || c.Ctor.Kind == Service && sub == NoKind):
				holds = only(o.Value, t)
			case o.Kind == OptComponent && o.Target == Server && c.Ctor.Kind == Service && sub == NoKind:
				holds = false
				if o.Value != nil && !o.Value.Opaque && len(o.Value.Components) == 1 {
					if ins := m.settingsOf(o.Value.Components[0].Options).installs[Transport]; ins != nil {
						holds = only(ins.Value, t)
					}
				}
			case o.Kind == OptServerTLSConfig && sub == Server && holds:
				last = o
			}
		}
		if last != nil && (best == nil || m.IsNil(best.Arg)) {
			best = last
		}
	}
	return best
}

// only reports whether v holds component t and nothing else.
func only(v *Value, t *Component) bool {
	return v != nil && !v.Opaque && len(v.Components) == 1 && v.Components[0] == t
}

// applied returns opts in the order go-micro applies them: the
// constructor's first, then those of Init calls by the calls' positions
// (the model lists a service's own Init calls before its Server().Init
// calls).
func applied(opts []Option) []*Option {
	out := make([]*Option, len(opts))
	for i := range opts {
		out[i] = &opts[i]
	}
	slices.SortStableFunc(out, func(a, b *Option) int {
		switch {
		case a.Init == nil && b.Init == nil:
			return 0
		case a.Init == nil:
			return -1
		case b.Init == nil:
			return 1
		}
		return int(a.Init.Pos()) - int(b.Init.Pos())
	})
	return out
}

// overTransport judges an rpc server or client by the transport it uses:
// t, or the default transport of mod when t is nil.
func (m *Model) overTransport(mod Module, t *Value) TLSState {
	dflt := t == nil
	if dflt {
		v := m.Default(mod, Transport)
		t = &v
	}
	st := m.join(*t)
	st.DefaultTransport = dflt && st.From == nil
	return st
}

// join combines the verdicts of the components a value may hold: the best
// one wins, so that a value the model cannot pin down is not reported.
func (m *Model) join(v Value) TLSState {
	best := TLSState{Verdict: Plaintext}
	if v.Opaque {
		best.Verdict = Unknown
	}
	for _, c := range v.Components {
		st := m.TLS(c)
		if c.Call != nil {
			st.From = c
		}
		if st.Verdict > best.Verdict || (st.Verdict == best.Verdict && best.From == nil) {
			best = st
		}
	}
	return best
}

// service judges a root service by the server it runs and the transport
// under it.
func (m *Model) service(c *Component, s settings) TLSState {
	mod := c.Ctor.Ref.Module
	if o := s.subConfig[Server]; o != nil {
		return TLSState{Verdict: TLSOn, Config: o}
	}
	var transport *Value
	if o := s.installs[Transport]; o != nil && o.Value != nil {
		transport = o.Value
	}
	var servers Value
	dfltServer := true
	if o := s.installs[Server]; o != nil && o.Value != nil {
		servers, dfltServer = *o.Value, false
		// micro.Transport hands its transport to the server the
		// service holds when the option is applied: given before
		// micro.Server, to the server that option replaces, unless
		// it installs that same server again.
		if transport != nil && s.installedAt[Transport] < s.installedAt[Server] && !sameComponents(m.heldAt(c, s.installedAt[Transport], Server), *o) {
			dropped := transport
			transport = nil
			best := m.servers(c, s, servers, nil, dfltServer)
			if best.Verdict == Plaintext && m.servers(c, s, servers, dropped, dfltServer).Verdict > Plaintext {
				best.TransportReplaced = true
			}
			return best
		}
	} else {
		servers = m.Default(mod, Server)
	}
	if o := s.subTransport; o != nil {
		// svc.Server().Init(server.Transport(t)), after the
		// constructor's options.
		transport = o.Value
	}
	return m.servers(c, s, servers, transport, dfltServer)
}

// servers returns the best verdict of the servers service c may run, with
// the service's transport (nil: their own).
//
// server.DefaultServer is built when go-micro's server package is
// initialised, before any code of the program runs, with the transport
// transport.DefaultTransport holds then: go-micro's own. A transport the
// program assigns to the global later does not reach it (Init calls on
// go-micro's own do). A v5.17+ service builds a server of its own instead,
// when the global may already hold the program's.
func (m *Model) servers(c *Component, s settings, servers Value, transport *Value, dfltServer bool) TLSState {
	best := TLSState{Verdict: Plaintext}
	if servers.Opaque || s.opaque {
		best.Verdict = Unknown
	}
	for i, srv := range servers.Components {
		ss := m.settingsOf(srv.Options)
		st := m.endpoint(srv, ss, transport)
		st.GRPCServer = srv.Ctor.Impl == GRPC && !srv.IsDefault()
		if transport == nil && ss.installs[Transport] == nil && srv.IsDefault() && (!dfltServer || m.runsDefaultServer(c)) {
			builtin := m.builtin(c.Ctor.Ref.Module, Transport)
			if early := m.endpoint(srv, ss, &builtin); early.Verdict < st.Verdict {
				st = early
				st.DefaultTransport, st.GlobalTooLate = true, true
			}
		}
		if i == 0 && best.Verdict == Plaintext || st.Verdict > best.Verdict {
			best = st
		}
	}
	best.DefaultServer = dfltServer
	return best
}

// SecureAlone says what Secure(true) without a TLS config does to a
// component.
type SecureAlone uint8

// What Secure(true) without TLSConfig means (GOMICRO.md §3.1 and the v6
// addendum §3.3).
const (
	// NotApplicable: the component has no Secure switch (rpc server,
	// memory components, mDNS).
	NotApplicable SecureAlone = iota
	// SelfSignedSkipVerify: the server side generates a self-signed
	// certificate and go-micro's client side skips verification, so any
	// host in the path can impersonate the peer.
	SelfSignedSkipVerify
	// SelfSignedVerify: the server side generates a self-signed certificate
	// and clients verify, so they fail unless they are told to skip
	// verification (v4+ HTTP transport, v6 grpc transport and HTTP broker).
	SelfSignedVerify
	// SkipVerify: a client-only component (etcd, consul, rabbitmq before
	// v6) connects with TLS and skips verification.
	SkipVerify
	// VerifySystemRoots: a client-only component connects with TLS and
	// verifies against the system roots (nats; v6 etcd, consul, rabbitmq).
	VerifySystemRoots
	// SelfSignedServer: a listener with a self-signed certificate and no
	// go-micro client (web services).
	SelfSignedServer
	// PlaintextFallback: the API gateway's EnableTLS(true) without a config
	// serves plaintext.
	PlaintextFallback
)

// SecureWithoutConfig returns what Secure(true) without a TLSConfig does to
// components built by ctor.
func SecureWithoutConfig(ctor Constructor) SecureAlone {
	v := ctor.Ref.Module.Version
	switch ctor.Kind {
	case Transport:
		switch ctor.Impl {
		case HTTP:
			if v <= 3 {
				return SelfSignedSkipVerify
			}
			return SelfSignedVerify
		case GRPC:
			if v >= 6 {
				return SelfSignedVerify
			}
			return SelfSignedSkipVerify
		case QUIC:
			return SelfSignedSkipVerify
		case NATS:
			return VerifySystemRoots
		}
	case Broker:
		switch ctor.Impl {
		case HTTP:
			if v >= 6 {
				return SelfSignedVerify
			}
			return SelfSignedSkipVerify
		case RabbitMQ:
			if v >= 6 {
				return VerifySystemRoots
			}
			return SkipVerify
		case NATS:
			return VerifySystemRoots
		}
	case Registry:
		switch ctor.Impl {
		case Etcd, Consul:
			if v >= 6 {
				return VerifySystemRoots
			}
			return SkipVerify
		case NATS:
			return VerifySystemRoots
		}
	case Web:
		return SelfSignedServer
	case API:
		return PlaintextFallback
	}
	return NotApplicable
}

// amqps reports whether the Addrs option o gives, as its first address
// (the only one the rabbitmq broker dials, v5.12.0
// broker/rabbitmq/connection.go:87-91), a constant amqps:// URL.
func (m *Model) amqps(o *Option) bool {
	if o == nil || o.Arg == nil || o.Call == nil || o.Call.Ellipsis.IsValid() {
		return false
	}
	tv := m.info.Types[o.Arg]
	return tv.Value != nil && tv.Value.Kind() == constant.String && strings.HasPrefix(constant.StringVal(tv.Value), "amqps://")
}
