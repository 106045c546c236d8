package v4

import (
	"crypto/tls"

	"go-micro.dev/v4"
	"go-micro.dev/v4/api/server"
	apihttp "go-micro.dev/v4/api/server/http"
	"go-micro.dev/v4/broker"
	"go-micro.dev/v4/client"
	"go-micro.dev/v4/registry"
	mserver "go-micro.dev/v4/server"
	"go-micro.dev/v4/transport"
	"go-micro.dev/v4/web"
)

var cfg = &tls.Config{MinVersion: tls.VersionTLS12}

func tlsTransport() transport.Transport {
	return transport.NewHTTPTransport(transport.TLSConfig(cfg)) // ok: a config is enough
}

func transports() {
	_ = transport.NewHTTPTransport()                                                 // want `^transport built without TLS: pass transport.Secure\(true\) and transport.TLSConfig\(cfg\)$`
	_ = transport.NewHTTPTransport(transport.Secure(true), transport.TLSConfig(cfg)) // ok
	_ = transport.NewHTTPTransport(transport.TLSConfig(nil))                         // want `^transport built without TLS`
	_ = transport.NewHTTPTransport(transport.Secure(true))                           // want `^transport uses Secure\(true\) without TLSConfig: it serves a self-signed certificate that verifying clients reject; pass transport.TLSConfig\(cfg\)$`
	_ = transport.NewHTTPTransport(transport.Secure(false))                          // want `^transport built without TLS`
	_ = transport.NewMemoryTransport()                                               // ok: in-process
}

func transportInit() {
	t := transport.NewHTTPTransport() // ok: Init adds TLS
	t.Init(transport.Secure(true), transport.TLSConfig(cfg))

	u := transport.NewHTTPTransport() // want `^transport built without TLS`
	u.Init(transport.Addrs(":0"))
}

func transportFromSetting(secure bool, opt transport.Option) {
	_ = transport.NewHTTPTransport(transport.Secure(secure)) // ok: decided at run time
	_ = transport.NewHTTPTransport(opt)                      // ok: the model cannot see opt
}

func services() {
	micro.NewService(micro.Name("a"))                                  // want `^service uses the default plaintext transport: pass micro.Transport\(t\) with a transport built with transport.TLSConfig\(cfg\), or server.TLSConfig\(cfg\)$`
	micro.NewService(micro.Name("b"), micro.Transport(tlsTransport())) // ok

	plain := transport.NewHTTPTransport()                     // want `^transport built without TLS`
	micro.NewService(micro.Name("c"), micro.Transport(plain)) // ok: reported at the transport
}

func serviceSlice() {
	opts := []micro.Option{micro.Name("d")}
	opts = append(opts, micro.Transport(tlsTransport()))
	micro.NewService(opts...) // ok: TLS transport through the slice
}

func serviceSliceWithoutTLS() {
	opts := []micro.Option{micro.Name("e")}
	opts = append(opts, micro.Version("1"))
	micro.NewService(opts...) // want `^service uses the default plaintext transport`
}

func serviceInit() {
	svc := micro.NewService(micro.Name("f")) // ok: Init installs a TLS transport
	svc.Init(micro.Transport(tlsTransport()))

	other := micro.NewService(micro.Name("g")) // want `^service uses the default plaintext transport`
	other.Init(micro.Version("2"))
}

func serviceServerInit() {
	svc := micro.NewService(micro.Name("h")) // ok: its server gets a TLS config
	svc.Server().Init(mserver.TLSConfig(cfg))
	svc2 := micro.NewService(micro.Name("h2")) // ok: its server gets a TLS transport
	svc2.Server().Init(mserver.Transport(tlsTransport()))
	svc3 := micro.NewService(micro.Name("h3")) // want `^service uses the default plaintext transport`
	svc3.Server().Init(mserver.Name("h3"))
}

func serviceServers() {
	micro.NewService(micro.Server(mserver.NewServer(mserver.TLSConfig(cfg))))                          // ok
	micro.NewService(micro.Server(mserver.NewServer(mserver.Name("x"))))                               // want `^service uses the default plaintext transport`
	micro.NewService(micro.Server(mserver.NewServer()), micro.Transport(tlsTransport()))               // ok: the rpc server listens on the TLS transport
	micro.NewService(micro.Transport(tlsTransport()), micro.Server(mserver.NewServer()))               // want `^service runs a server without TLS: its micro.Transport comes before micro.Server`
	micro.NewService(micro.Transport(tlsTransport()), micro.Server(mserver.DefaultServer))             // ok: the server it started with, given again
	micro.NewService(micro.Transport(transport.NewHTTPTransport()), micro.Server(mserver.NewServer())) // want `^service uses the default plaintext transport` `^transport built without TLS`
}

func helperOptions() []micro.Option {
	return []micro.Option{micro.Name("i"), micro.Transport(tlsTransport())}
}

func withTLS() micro.Option { return micro.Transport(tlsTransport()) }

func withName() micro.Option { return micro.Name("j") }

func serviceHelpers(opt micro.Option) {
	micro.NewService(helperOptions()...) // ok
	micro.NewService(withTLS())          // ok
	micro.NewService(withName())         // want `^service uses the default plaintext transport`
	micro.NewService(withName(), opt)    // ok: opt may carry TLS
}

func brokers() {
	broker.NewBroker()                                           // want `^broker built without TLS: pass broker.Secure\(true\) and broker.TLSConfig\(cfg\)$`
	broker.NewBroker(broker.TLSConfig(cfg))                      // ok
	broker.NewBroker(broker.Secure(true))                        // want `^broker uses Secure\(true\) without TLSConfig: it serves a self-signed certificate and publishers skip certificate verification; pass broker.TLSConfig\(cfg\)$`
	broker.NewBroker(broker.Secure(true), broker.TLSConfig(cfg)) // ok
	broker.NewMemoryBroker()                                     // ok: in-process
}

func registries() {
	registry.NewRegistry()       // want `^mdns registry is unauthenticated: any host on the network can register or resolve services; use a registry with TLS such as etcd or consul$`
	registry.NewMemoryRegistry() // ok: in-process
}

func serversAndClients() {
	mserver.NewServer()                                     // want `^server built without TLS: it uses a plaintext transport; pass server.TLSConfig\(cfg\)$`
	mserver.NewServer(mserver.TLSConfig(cfg))               // ok
	mserver.NewRPCServer()                                  // want `^server built without TLS`
	mserver.NewRPCServer(mserver.Transport(tlsTransport())) // ok
	client.NewClient()                                      // want `^client built without TLS: it dials over a plaintext transport; pass client.Transport\(t\) with a transport built with transport.TLSConfig\(cfg\)$`
	client.NewClient(client.Transport(tlsTransport()))      // ok
}

// server.TLSConfig turns TLS on in the transport the server holds when the
// option is applied (o.Transport.Init(transport.Secure(true),
// transport.TLSConfig(cfg))), and that transport is changed in place.
func serverTLSReachesTransport() {
	t := transport.NewHTTPTransport() // ok: the server's TLSConfig below turns TLS on in it
	s := mserver.NewServer(mserver.Name("orders"), mserver.Transport(t), mserver.TLSConfig(cfg))
	micro.NewService(micro.Server(s), micro.Transport(t))

	u := transport.NewHTTPTransport()                               // want `^transport built without TLS`
	mserver.NewServer(mserver.TLSConfig(cfg), mserver.Transport(u)) // ok: reported at the transport, which replaced the one the config went to

	v := transport.NewHTTPTransport() // ok: srv.Init turns TLS on in it
	srv := mserver.NewServer(mserver.Transport(v))
	srv.Init(mserver.TLSConfig(cfg))

	w := transport.NewHTTPTransport() // ok: the service's server holds it when Init turns TLS on
	svc := micro.NewService(micro.Transport(w))
	svc.Server().Init(mserver.TLSConfig(cfg))

	x := transport.NewHTTPTransport() // want `^transport built without TLS`
	svc2 := micro.NewService(micro.Name("x"))
	svc2.Server().Init(mserver.TLSConfig(cfg))
	client.NewClient(client.Transport(x)) // ok: reported at the transport

	y := transport.NewHTTPTransport()
	mserver.NewServer(mserver.Transport(y), mserver.TLSConfig(nil)) // want `^transport uses Secure\(true\) without TLSConfig`

	// Init calls apply in source order: the server's TLS config goes to
	// the transport it holds then, not to one micro.Transport gives later.
	u2 := transport.NewHTTPTransport() // ok: the service's server holds it when TLS is turned on
	t2 := transport.NewHTTPTransport() // want `^transport built without TLS`
	svc3 := micro.NewService(micro.Transport(u2))
	svc3.Server().Init(mserver.TLSConfig(cfg))
	svc3.Init(micro.Transport(t2))

	// A variable that holds two transports: neither is known to be the
	// one the server held.
	z := transport.NewHTTPTransport() // want `^transport built without TLS`
	mserver.NewServer(mserver.Transport(z), mserver.TLSConfig(cfg))
	z = transport.NewHTTPTransport() // want `^transport built without TLS`
	micro.NewService(micro.Name("z"), micro.Transport(z))
}

func webs() {
	web.NewService(web.Name("w"))                        // want `^web service built without TLS: pass web.Secure\(true\) and web.TLSConfig\(cfg\)$`
	web.NewService(web.Secure(true), web.TLSConfig(cfg)) // ok
	web.NewService(web.Secure(true))                     // ok: a self-signed listener with no go-micro client

	w := web.NewService(web.Name("v")) // ok: Init adds TLS
	w.Init(web.TLSConfig(cfg))
}

func apis() {
	apihttp.NewServer(":8080")                                                // want `^api server built without TLS: pass server.EnableTLS\(true\) and server.TLSConfig\(cfg\)$`
	apihttp.NewServer(":8080", server.EnableTLS(true), server.TLSConfig(cfg)) // ok
	apihttp.NewServer(":8080", server.EnableTLS(true))                        // want `^api server sets EnableTLS\(true\) without TLSConfig: it silently serves plaintext; pass server.TLSConfig\(cfg\)$`
	apihttp.NewServer(":8080", server.TLSConfig(cfg))                         // want `^api server built without TLS`
	apihttp.NewServer(":8080", server.EnableACME(true))                       // ok: ACME certificates
}

func dial(t transport.Transport) {
	t.Dial("peer:1", transport.WithInsecureSkipVerify(true))  // want `^transport dial skips certificate verification: remove transport.WithInsecureSkipVerify\(true\) and give the transport a TLSConfig with the peer's CA$`
	t.Dial("peer:1", transport.WithInsecureSkipVerify(false)) // ok
}

// Code under a constant false condition never runs.
const debug = false

func deadCode() {
	if debug {
		transport.NewHTTPTransport() // ok: never runs
	}
	if !debug {
		transport.NewHTTPTransport() // want `^transport built without TLS`
	} else {
		transport.NewHTTPTransport() // ok: never runs
	}
}

// Options applied in code that never runs do not reach the component.
func deadOptions(on bool) {
	b := broker.NewBroker() // want `^broker built without TLS`
	if debug {
		b.Init(broker.Secure(true))
	}
	t := transport.NewHTTPTransport() // want `^transport built without TLS`
	if debug {
		t.Init(transport.TLSConfig(cfg))
	}
	lt := transport.NewHTTPTransport() // ok
	if on {
		lt.Init(transport.TLSConfig(cfg))
	}
}

// What a helper returns in code that never runs does not reach the
// component either.
func deadReturns(on bool) {
	broker.NewBroker(deadBrokerOpts()...)   // want `^broker built without TLS`
	broker.NewBroker(liveBrokerOpts(on)...) // ok
}

func deadBrokerOpts() []broker.Option {
	if debug {
		return []broker.Option{broker.Secure(true), broker.TLSConfig(cfg)}
	}
	return nil
}

func liveBrokerOpts(on bool) []broker.Option {
	if on {
		return nil
	}
	return []broker.Option{broker.Secure(true), broker.TLSConfig(cfg)}
}
