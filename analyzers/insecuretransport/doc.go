// Package insecuretransport defines an Analyzer that reports go-micro
// components and TLS settings that leave service traffic in plaintext or
// unauthenticated.
//
// # Analyzer insecuretransport
//
// insecuretransport: report go-micro components that run without TLS
//
// go-micro is plaintext unless told otherwise, in every major version. The
// default transport is HTTP over a plain listener (h2c from v4 on), the
// default broker is HTTP, the default registry is multicast DNS, the web
// service and the API gateway listen in plaintext, and the grpc server and
// client of v2 and the plugins fall back to plaintext when they get no TLS
// option. No MICRO_* environment variable or flag turns TLS on, so a
// service is only encrypted when its code says so. Where the code asks for
// TLS but supplies no certificate, go-micro generates a self-signed one,
// and up to v5 its clients then skip certificate verification: traffic is
// encrypted but anyone in the path can impersonate the peer.
//
// The analyzer reports:
//
//   - a transport, broker, registry, server, client, web service or API
//     gateway built by its constructor with no TLS: neither a TLSConfig
//     (with or without Secure(true)) nor a TLS option such as the grpc
//     server's and client's AuthTLS or v1/v2 service/grpc WithTLS. A
//     server.TLSConfig(cfg) turns TLS on in the transport its server holds
//     when the option is applied (server.Transport(t) before it, or the
//     service's micro.Transport(t) before svc.Server().Init), so such a
//     transport is not reported (Init calls count in source order, and a
//     variable that may hold several transports is not known to hold
//     this one), a server.Transport given after server.TLSConfig leaves
//     the server on that plaintext transport, and server.TLSConfig(nil)
//     leaves its transport with Secure(true) and no config;
//   - a grpc server whose listener and credentials are both plaintext. Its
//     listener is the one given with Listener(l), used as is (TLS when
//     made by tls.Listen or tls.NewListener whatever value the variable
//     given holds: of its assignments in one block the last before the
//     use, else, or for a use in a function literal, which may run after
//     any of them, all of them; and then server.TLSConfig
//     makes no TLS listener), else a TLS one when server.TLSConfig gives a
//     config. Its credentials are those of a *grpc.Server given with
//     Server(srv), used as is (AuthTLS and Options do not reach it), else
//     AuthTLS's or a grpc.Creds among Options(...). Credentials from
//     credentials.NewTLS count as TLS even with a config that has no
//     certificate: handshakes then fail, but nothing is served in
//     plaintext; insecure.NewCredentials does not count;
//   - micro.NewService, micro.New, micro.NewFunction and service.New when
//     the service listens on the default plaintext transport (or, in v2,
//     the default grpc server) because no TLS transport, server.TLSConfig,
//     or TLS-enabled micro.Transport / micro.Server reaches it (a
//     micro.Transport given before micro.Server configures the server that
//     option replaces, so it does not reach the service's server);
//   - Secure(true) without a TLSConfig where that means a self-signed
//     certificate and clients that skip verification: the HTTP transport
//     up to v3, grpc transports up to v5, the quic transport (always), the
//     HTTP broker up to v5, the etcd and consul registries and the rabbitmq
//     broker up to v5 (for which an amqps:// first address counts as
//     Secure(true)). For the v4+ HTTP transport and the v6 grpc
//     transport and HTTP broker, where clients verify, it is reported as a
//     self-signed certificate that verifying clients reject, which is what
//     leads people to turn verification off. Each Secure(true) that
//     reaches such a component is reported, such as those of several
//     Init calls on broker.DefaultBroker;
//   - the API gateway's EnableTLS(true) without a TLSConfig, which silently
//     serves plaintext;
//   - the redis broker of the v4 plugins, whatever its options: it cannot
//     use TLS, as it always dials redis:// in plaintext and reads neither
//     broker.Secure nor broker.TLSConfig (the message says so when they
//     are given);
//   - the kafka broker of the v4 plugins unless the sarama configs of both
//     its producer (kafka.BrokerConfig(c), else kafka.DefaultBrokerConfig)
//     and its consumer groups (kafka.ClusterConfig(c), else
//     kafka.DefaultClusterConfig) set Net.TLS.Enable to true: it reads
//     neither broker.Secure nor broker.TLSConfig, which the message says
//     when they are given, and one side without TLS is reported as such.
//     A config enables TLS when every value the package gives its
//     Net.TLS.Enable (c.Net.TLS.Enable = true; of the assignments of one
//     block the last), also in a helper function of the package or a
//     function literal called where it is written (var c = func()
//     *sarama.Config {...}()) that returns it, is the constant true. An
//     assignment does not count once the variable is given a fresh config
//     (c = sarama.NewConfig()) in a block that holds both it and the use,
//     nor, in a helper, for a return statement that comes before it or
//     lies in another branch (if t == nil { return c } before
//     c.Net.TLS.Enable = true is reported); one set from a variable or
//     flag is
//     not reported, as Secure(b) is not;
//   - the gateways of v5.15+ and v6, which serve plain HTTP and have no TLS
//     option: gateway/api.New and Run, gateway/a2a.Serve, and the MCP
//     gateway unless its address is empty, when it serves stdio:
//     mcp.ListenAndServe and mcp.WithMCP given anything but "", and
//     mcp.Serve given Options whose Address is set, in the literal or by
//     an assignment to the variable's field (Options from a call or a
//     parameter are not seen);
//   - constructors of the mDNS registry, which has no authentication or TLS
//     at all (turn off with -insecuretransport.mdns=false);
//   - InsecureSkipVerify set to the constant true in a crypto/tls.Config,
//     by composite literal or field assignment, and
//     transport.WithInsecureSkipVerify(true);
//   - tls.Config MinVersion set to a constant below TLS 1.2;
//   - grpc-go's grpc.WithInsecure() and insecure.NewCredentials().
//
// Options are followed wherever the model in internal/gomicro can see
// them: variadic arguments, option slices built with literals and append,
// helper functions of the same package that return options or option
// slices, later Init calls on the same variable (t.Init, svc.Init,
// svc.Server().Init, server.Init), and assignments to go-micro's globals
// such as transport.DefaultTransport. server.DefaultServer, which services
// up to v5.16 run, is built before any code of the program runs, with
// go-micro's own transport: a transport assigned to
// transport.DefaultTransport reaches servers built after it (and v5.17+
// services, which build their own), not that one; which comes first in
// the program is not looked at, so a v5.17+ service built before the
// assignment is taken to have the assigned transport. Every go-micro major version is
// recognised: github.com/micro/go-micro (v1), github.com/micro/go-micro/v2,
// github.com/asim/go-micro/v3, go-micro.dev/v4, go-micro.dev/v5,
// go-micro.dev/v6 and the plugin modules.
//
// Bad:
//
//	t := transport.NewHTTPTransport()
//	svc := micro.NewService(micro.Name("greeter"), micro.Transport(t))
//
//	cfg := &tls.Config{InsecureSkipVerify: true}
//
// Good:
//
//	t := transport.NewHTTPTransport(transport.TLSConfig(cfg))
//	svc := micro.NewService(micro.Name("greeter"), micro.Transport(t))
//
//	cfg := &tls.Config{RootCAs: pool, Certificates: certs, MinVersion: tls.VersionTLS12}
//
// Setting InsecureSkipVerify to false, and MinVersion to
// tls.VersionTLS12, are offered as suggested fixes.
//
// # Flags
//
//	-insecuretransport.mdns (default true)
//	    report constructors of the mDNS registry
//
// # Limitations
//
// The model is syntactic and flow-insensitive, and sees one package at a
// time. It does not report what it cannot see, so it misses:
//
//   - options and components that come from another package's function, a
//     function parameter, a map or a struct returned by a call; a service
//     that receives any such option is not reported;
//   - option closures written by hand (func(o *transport.Options) {...})
//     and options stored in struct fields other than go-micro's globals;
//   - a TLS config that is nil at run time although it is not the literal
//     nil, and one without certificates;
//   - Secure(b), EnableTLS(b) and InsecureSkipVerify set from a variable or
//     flag, which are assumed to be configured safely;
//   - components chosen at run time by MICRO_TRANSPORT, MICRO_BROKER,
//     MICRO_REGISTRY and the like, which go-micro always builds without
//     options, and MICRO_TLS_INSECURE / MICRO_TLS_SECURE, which change
//     what Secure(true) means in v5.13+ and v6;
//   - the grpc client's system-verified TLS for addresses on port 443,
//     with no port or with an https:// scheme (v2, v4 plugins, v5): a
//     grpc client without AuthTLS is reported even if it only dials such
//     addresses;
//   - go-micro's own defaults unless the package creates a service: the
//     default broker and registry of a service are not reported, only
//     their constructors are;
//   - v5 releases from v5.17 give each service its own server, so
//     server.Init and server.DefaultServer no longer reach a service; the
//     model treats all of v5 like v5.9;
//   - InsecureSkipVerify assigned to a tls.Config in a package that does
//     not import crypto/tls, go-micro or grpc itself (the import guard
//     skips such packages);
//   - a consul config changed through another variable holding it (d :=
//     c; d.Scheme = "https") is not seen, so such a registry is reported;
//     a Scheme of "https" assigned in one branch counts as given;
//   - a rabbitmq broker whose Addrs the rule cannot read (a variable, a
//     slice, os.Getenv) is reported as built without TLS, although an
//     amqps:// address would make it skip verification instead;
//   - the kafka and redis brokers of plugin trees other than
//     github.com/go-micro/plugins/v4 (v1.2.0 was read), which are not
//     judged;
//   - a sarama config the rule cannot read is taken to leave TLS off, so
//     its kafka broker is reported although the config may turn TLS on:
//     one from a parameter or another package's function, one whose
//     Net.TLS.Enable is set through another variable holding it, in a
//     function it is passed to or as a whole Net or Net.TLS struct, and
//     kafka.DefaultBrokerConfig or DefaultClusterConfig changed in
//     another package (such as main's init);
//   - of a sarama config, Net.TLS.Enable = true set in one branch only
//     (if os.Getenv("KAFKA_TLS") == "1" {...}) counts as given, as a
//     consul Scheme does, and so does one that a fresh config replaces in
//     one branch only, or in another function (an init's assignment to a
//     package variable that a function then replaces); loops and goto
//     are not followed, so an assignment after a helper's return statement
//     in a loop does not count for it;
//   - a grpc server's Listener, Server and Options given through
//     svc.Server().Init: they are not seen, so a service that gets TLS
//     only that way is reported.
//
// It reports too much in that InsecureSkipVerify: true is reported in
// any tls.Config, also one only a server uses (where it does nothing);
// and code that never runs is recognised only under an if statement
// whose whole condition is a literal true or false or a constant built
// from such literals and from constants declared in files of the package
// that no build constraint selects (no //go:build line, no _GOOS or
// _GOARCH file name suffix, no import "C", which only cgo builds) and
// that are not test files (if debug {...} with const debug = false;
// constants numbered with iota count). There findings are dropped, and
// what the code builds, assigns, applies or returns
// (b.Init(broker.Secure(true)), a helper's return []broker.Option{...})
// does not count. A constant that a build
// tag defines (const insecureDev = false under //go:build !insecure) may
// be true in another build, and one that depends on the word size (const
// is32bit = ^uint(0)>>63 == 0, or a constant of another package such as
// strconv.IntSize or runtime.GOOS) may be true on another machine, so
// code under them is checked. A condition that is constant only in part
// (debug && x), code after an early return under such an if, and the
// cases of a switch on a constant are checked as live.
//
// A web service with web.Secure(true) and no TLSConfig serves a
// self-signed certificate and is not reported; neither is a nats
// component with Secure and no TLSConfig, which verifies against the
// system roots. A server or client passed to a service with micro.Server
// or micro.Client is judged as part of the service, except grpc clients,
// which do not use the service's transport and are judged on their own.
// A consul registry given consul.Config(c) speaks HTTPS, verified against
// the system roots, when c's Scheme is set to "https" (or its Address
// starts with https:// and no Addrs option replaces it), in c's literal,
// by an assignment to its field (the last of one block) or in a helper
// function of the package that returns it; go-micro gives the consul
// client an http.Client of its own, so c's TLSConfig field is not used.
// Only a c proven to use https that way is not reported: one from a
// parameter or another package's function, or whose Scheme or Address is
// read at run time (os.Getenv), is reported, although CONSUL_HTTP_SSL or
// an https:// address in the environment may give it TLS.
package insecuretransport
