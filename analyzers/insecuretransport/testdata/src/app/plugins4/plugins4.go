package plugins4

import (
	"crypto/tls"
	"net"

	"github.com/Shopify/sarama"
	"github.com/go-micro/plugins/v4/broker/kafka"
	natsb "github.com/go-micro/plugins/v4/broker/nats"
	redisb "github.com/go-micro/plugins/v4/broker/redis"
	grpcc "github.com/go-micro/plugins/v4/client/grpc"
	"github.com/go-micro/plugins/v4/registry/consul"
	"github.com/go-micro/plugins/v4/registry/etcd"
	grpcs "github.com/go-micro/plugins/v4/server/grpc"
	grpct "github.com/go-micro/plugins/v4/transport/grpc"
	capi "github.com/hashicorp/consul/api"
	natsp "github.com/nats-io/nats.go"
	"go-micro.dev/v4"
	"go-micro.dev/v4/broker"
	"go-micro.dev/v4/registry"
	"go-micro.dev/v4/server"
	"go-micro.dev/v4/transport"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
)

var cfg = &tls.Config{MinVersion: tls.VersionTLS12}

func transports() {
	grpct.NewTransport()                         // want `^grpc transport built without TLS: pass transport.Secure\(true\) and transport.TLSConfig\(cfg\)$`
	grpct.NewTransport(transport.TLSConfig(cfg)) // ok
	grpct.NewTransport(transport.Secure(true))   // want `^grpc transport uses Secure\(true\) without TLSConfig: it serves a self-signed certificate and clients skip certificate verification; pass transport.TLSConfig\(cfg\)$`
}

func serversAndClients() {
	grpcs.NewServer()                      // want `^grpc server built without TLS: it listens in plaintext; pass server.TLSConfig\(cfg\) or grpc.AuthTLS\(cfg\)$`
	grpcs.NewServer(grpcs.AuthTLS(cfg))    // ok
	grpcs.NewServer(server.TLSConfig(cfg)) // ok
	grpcc.NewClient()                      // want `^grpc client built without TLS: it dials in plaintext unless the address is https://, has port 443 or has no port; pass grpc.AuthTLS\(cfg\)$`
	grpcc.NewClient(grpcc.AuthTLS(cfg))    // ok

	micro.NewService(micro.Server(grpcs.NewServer()))                   // want `^service runs a grpc server without TLS, which listens without the transport: pass server.TLSConfig\(cfg\) or grpc.AuthTLS\(cfg\) to the server$`
	micro.NewService(micro.Server(grpcs.NewServer(grpcs.AuthTLS(cfg)))) // ok

	// A grpc client does not use the service's transport.
	tlsT := grpct.NewTransport(transport.TLSConfig(cfg))
	micro.NewService(
		micro.Server(grpcs.NewServer(grpcs.AuthTLS(cfg))),
		micro.Transport(tlsT),
		micro.Client(grpcc.NewClient()), // want `^grpc client built without TLS`
	)
	micro.NewService(
		micro.Server(grpcs.NewServer(grpcs.AuthTLS(cfg))),
		micro.Client(grpcc.NewClient(grpcc.AuthTLS(cfg))), // ok
	)
	micro.NewService(micro.Server(grpcs.NewServer()), micro.Transport(tlsT)) // want `^service runs a grpc server without TLS, which listens without the transport`
}

func registries() {
	etcd.NewRegistry()                                               // want `^etcd registry built without TLS: pass registry.Secure\(true\) and registry.TLSConfig\(cfg\)$`
	etcd.NewRegistry(registry.Secure(true))                          // want `^etcd registry uses Secure\(true\) without TLSConfig: the client skips certificate verification`
	etcd.NewRegistry(registry.Secure(true), registry.TLSConfig(cfg)) // ok
	consul.NewRegistry()                                             // want `^consul registry built without TLS`
	consul.NewRegistry(registry.TLSConfig(cfg))                      // ok
}

// consul.Config's consul API config is used as given: its Scheme, or the
// scheme of its Address, says whether the registry speaks HTTPS, and go-micro
// only overwrites it for Secure or TLSConfig. The client verifies against
// the system roots; the TLSConfig field of that config is not used, as
// go-micro gives the client an http.Client of its own.
//
// Only a config proven to use https silences the finding: one the model
// cannot read (a parameter, a value read at run time) is reported.
func consulConfig(given *capi.Config, addr string) {
	consul.NewRegistry(consul.Config(&capi.Config{Address: "consul.internal:8501", Scheme: "https"})) // ok
	consul.NewRegistry(consul.Config(&capi.Config{Address: "https://consul.internal:8501"}))          // ok
	consul.NewRegistry(consul.Config(&capi.Config{Address: "consul.internal:8500", Scheme: "http"}))  // want `^consul registry built without TLS`
	consul.NewRegistry(consul.Config(&capi.Config{Address: "consul.internal:8500"}))                  // want `^consul registry built without TLS`
	consul.NewRegistry(consul.Config(&capi.Config{TLSConfig: capi.TLSConfig{CAFile: "ca.pem"}}))      // want `^consul registry built without TLS`
	consul.NewRegistry(consul.Config(given))                                                          // want `^consul registry built without TLS`
	cc := capi.DefaultConfig()
	cc.Scheme = "https"
	consul.NewRegistry(consul.Config(cc)) // ok
	pc := capi.DefaultConfig()
	pc.Address = "consul.internal:8500"
	consul.NewRegistry(consul.Config(pc))                                                    // want `^consul registry built without TLS`
	consul.NewRegistry(consul.Config(&capi.Config{Scheme: "https"}), registry.Secure(false)) // ok

	ec := capi.DefaultConfig()
	ec.Address = addr
	consul.NewRegistry(consul.Config(ec))                                         // want `^consul registry built without TLS`
	consul.NewRegistry(consul.Config(ec), registry.Addrs("consul.internal:8500")) // want `^consul registry built without TLS`
	consul.NewRegistry(consul.Config(plainConsulConfig()))                        // want `^consul registry built without TLS`
	consul.NewRegistry(consul.Config(httpsConsulConfig()))                        // ok
	hc := capi.DefaultConfig()
	hc.Scheme = "https"
	hc.Scheme = "http"
	consul.NewRegistry(consul.Config(hc)) // want `^consul registry built without TLS`
	sc := capi.DefaultConfig()
	sc.Scheme = "http"
	sc.Scheme = "https"
	consul.NewRegistry(consul.Config(sc)) // ok
	ac := capi.DefaultConfig()
	ac.Address = "https://consul.internal:8501"
	consul.NewRegistry(consul.Config(ac))                                         // ok
	consul.NewRegistry(consul.Config(ac), registry.Addrs("consul.internal:8500")) // want `^consul registry built without TLS`
}

// legacy is settled: its http config is never returned.
const legacy = false

// A helper's return statement in code that never runs gives no value.
func consulHelpers(plain bool) {
	consul.NewRegistry(consul.Config(legacyConsulConfig()))      // ok
	consul.NewRegistry(consul.Config(eitherConsulConfig(plain))) // want `^consul registry built without TLS`
	grpcs.NewServer(grpcs.Listener(legacyListener()))            // ok
}

func legacyConsulConfig() *capi.Config {
	if legacy {
		return &capi.Config{Scheme: "http"}
	}
	return &capi.Config{Scheme: "https"}
}

func eitherConsulConfig(plain bool) *capi.Config {
	if plain {
		return &capi.Config{Scheme: "http"}
	}
	return &capi.Config{Scheme: "https"}
}

func legacyListener() net.Listener {
	if legacy {
		l, _ := net.Listen("tcp", ":0")
		return l
	}
	l, _ := tls.Listen("tcp", ":0", cfg)
	return l
}

func plainConsulConfig() *capi.Config {
	c := capi.DefaultConfig()
	c.Address = "consul.internal:8500"
	return c
}

func httpsConsulConfig() *capi.Config {
	c := capi.DefaultConfig()
	c.Scheme = "https"
	return c
}

func brokers() {
	natsb.NewBroker()                                                           // want `^nats broker built without TLS`
	natsb.NewBroker(natsb.Options(natsp.Options{Secure: true, TLSConfig: cfg})) // ok
	natsb.NewBroker(natsb.Options(natsp.Options{Secure: true}))                 // ok: nats verifies against the system roots
	natsb.NewBroker(natsb.Options(natsp.Options{Url: natsp.DefaultURL}))        // want `^nats broker built without TLS`
}

// The kafka broker plugin reads neither broker.Secure nor broker.TLSConfig.
// Its producer connects with the sarama config given by BrokerConfig, else
// kafka.DefaultBrokerConfig, and its consumer groups with the one given by
// ClusterConfig, else kafka.DefaultClusterConfig (v1.2.0 kafka.go:114-121,
// :242-244, :330-362); sarama speaks TLS when Net.TLS.Enable is true
// (v1.30.1 broker.go:183-184), verifying against the system roots when
// Net.TLS.Config is nil. A config the model cannot read (a parameter) is
// taken as plaintext; an Enable set from a variable is not reported, as
// Secure(b) is not.
func kafkaBrokers(given *sarama.Config, on bool) {
	kafka.NewBroker(broker.Addrs("kafka:9092"))                        // want `^kafka broker built without TLS: pass kafka.BrokerConfig\(c\) and kafka.ClusterConfig\(c\) with a sarama config c whose Net.TLS.Enable is true$`
	kafka.NewBroker(broker.Addrs("kafka:9093"), broker.TLSConfig(cfg)) // want `^kafka broker built without TLS: it ignores broker.Secure and broker.TLSConfig; pass kafka.BrokerConfig\(c\) and kafka.ClusterConfig\(c\) with a sarama config c whose Net.TLS.Enable is true$`
	kafka.NewBroker(broker.Secure(true))                               // want `^kafka broker built without TLS: it ignores broker.Secure and broker.TLSConfig`

	tc := sarama.NewConfig()
	tc.Net.TLS.Enable = true
	tc.Net.TLS.Config = cfg
	kafka.NewBroker(kafka.BrokerConfig(tc), kafka.ClusterConfig(tc))                        // ok
	kafka.NewBroker(kafka.BrokerConfig(tc), kafka.ClusterConfig(tc), broker.TLSConfig(cfg)) // ok
	kafka.NewBroker(kafka.BrokerConfig(tc))                                                 // want `^kafka broker subscribes without TLS: its consumer groups use the sarama config of kafka.ClusterConfig, not that of kafka.BrokerConfig; pass kafka.ClusterConfig\(c\) with a sarama config c whose Net.TLS.Enable is true$`
	kafka.NewBroker(kafka.ClusterConfig(tc))                                                // want `^kafka broker publishes without TLS: its producer uses the sarama config of kafka.BrokerConfig, not that of kafka.ClusterConfig; pass kafka.BrokerConfig\(c\) with a sarama config c whose Net.TLS.Enable is true$`
	kb := kafka.NewBroker(broker.Addrs("kafka:9093"))
	kb.Init(kafka.BrokerConfig(tc), kafka.ClusterConfig(tc)) // ok: the broker reads them when it connects

	pc := sarama.NewConfig()
	pc.Net.TLS.Config = cfg                                                // Enable stays false: sarama dials in plaintext
	kafka.NewBroker(kafka.BrokerConfig(pc), kafka.ClusterConfig(pc))       // want `^kafka broker built without TLS: pass kafka.BrokerConfig`
	kafka.NewBroker(kafka.BrokerConfig(tc), kafka.ClusterConfig(pc))       // want `^kafka broker subscribes without TLS`
	kafka.NewBroker(kafka.BrokerConfig(given), kafka.ClusterConfig(given)) // want `^kafka broker built without TLS`
	vc := sarama.NewConfig()
	vc.Net.TLS.Enable = on
	kafka.NewBroker(kafka.BrokerConfig(vc), kafka.ClusterConfig(vc)) // ok: set from a variable, as Secure(b) is
	kafka.NewBroker(kafka.BrokerConfig(vc), kafka.ClusterConfig(pc)) // want `^kafka broker subscribes without TLS`
	lc := sarama.NewConfig()
	lc.Net.TLS.Enable = true
	lc.Net.TLS.Enable = false
	kafka.NewBroker(kafka.BrokerConfig(lc), kafka.ClusterConfig(lc))                             // want `^kafka broker built without TLS`
	kafka.NewBroker(kafka.BrokerConfig(tlsKafkaConfig()), kafka.ClusterConfig(tlsKafkaConfig())) // ok
	kafka.NewBroker(kafka.BrokerConfig(sarama.NewConfig()), kafka.ClusterConfig(tc))             // want `^kafka broker publishes without TLS`
	kafka.NewBroker(kafka.BrokerConfig(pc), kafka.ClusterConfig(pc), kafkaOption())              // ok: not seen
}

func tlsKafkaConfig() *sarama.Config {
	c := sarama.NewConfig()
	c.Net.TLS.Enable = true
	return c
}

func kafkaOption() broker.Option { return opaqueOption }

// A sarama config built by a function literal called at once is read like
// one a helper returns.
var litKafkaConfig = func() *sarama.Config {
	c := sarama.NewConfig()
	c.Net.TLS.Enable = true
	return c
}()

var litPlainKafkaConfig = func() *sarama.Config {
	c := sarama.NewConfig()
	c.Net.TLS.Config = cfg
	return c
}()

// The configs of function literals called at once, in a package variable
// or a local one.
func kafkaLiteralConfigs() {
	kafka.NewBroker(kafka.BrokerConfig(litKafkaConfig), kafka.ClusterConfig(litKafkaConfig))           // ok
	kafka.NewBroker(kafka.BrokerConfig(litPlainKafkaConfig), kafka.ClusterConfig(litPlainKafkaConfig)) // want `^kafka broker built without TLS`
	fc := func() *sarama.Config {
		c := sarama.NewConfig()
		c.Net.TLS.Enable = true
		return c
	}()
	kafka.NewBroker(kafka.BrokerConfig(fc), kafka.ClusterConfig(fc)) // ok
	pc := func() *sarama.Config { return sarama.NewConfig() }()
	kafka.NewBroker(kafka.BrokerConfig(pc), kafka.ClusterConfig(pc)) // want `^kafka broker built without TLS`
}

var opaqueOption broker.Option

// Net.TLS.Enable counts where it may still hold at the broker: not when the
// variable is then given a fresh config, nor, in a helper, for a return
// that comes before it or in another branch. Set in one branch of an if,
// it counts, as a consul Scheme does.
func kafkaConfigFlow(t *tls.Config, on bool) {
	rc := sarama.NewConfig()
	rc.Net.TLS.Enable = true
	rc = sarama.NewConfig()
	kafka.NewBroker(kafka.BrokerConfig(rc), kafka.ClusterConfig(rc)) // want `^kafka broker built without TLS`
	ec := sarama.NewConfig()
	ec.Net.TLS.Enable = true
	ec = sarama.NewConfig()
	ec.Net.TLS.Enable = true
	kafka.NewBroker(kafka.BrokerConfig(ec), kafka.ClusterConfig(ec)) // ok: turned on again
	bc := sarama.NewConfig()
	bc.Net.TLS.Enable = true
	if on {
		bc = sarama.NewConfig()
	}
	kafka.NewBroker(kafka.BrokerConfig(bc), kafka.ClusterConfig(bc)) // ok: replaced in one branch only
	ac := sarama.NewConfig()
	ac.Net.TLS.Enable = true
	kafka.NewBroker(kafka.BrokerConfig(ac), kafka.ClusterConfig(ac)) // ok: replaced after the broker took it
	ac = sarama.NewConfig()
	kafka.NewBroker(kafka.BrokerConfig(ac), kafka.ClusterConfig(ac)) // want `^kafka broker built without TLS`

	kafka.NewBroker(kafka.BrokerConfig(earlyKafkaConfig(t)), kafka.ClusterConfig(earlyKafkaConfig(t))) // want `^kafka broker built without TLS`
	kafka.NewBroker(kafka.BrokerConfig(elseKafkaConfig(t)), kafka.ClusterConfig(elseKafkaConfig(t)))   // want `^kafka broker built without TLS`
	kafka.NewBroker(kafka.BrokerConfig(caseKafkaConfig(on)), kafka.ClusterConfig(caseKafkaConfig(on))) // want `^kafka broker built without TLS`
	kafka.NewBroker(kafka.BrokerConfig(guardKafkaConfig(t)), kafka.ClusterConfig(guardKafkaConfig(t))) // ok
	kafka.NewBroker(kafka.BrokerConfig(ifKafkaConfig(on)), kafka.ClusterConfig(ifKafkaConfig(on)))     // ok: set in one branch
	hc := earlyKafkaConfig(t)
	hc.Net.TLS.Enable = true
	kafka.NewBroker(kafka.BrokerConfig(hc), kafka.ClusterConfig(hc)) // ok: turned on after the helper
	ic := sarama.NewConfig()
	if on {
		ic.Net.TLS.Enable = true
	}
	kafka.NewBroker(kafka.BrokerConfig(ic), kafka.ClusterConfig(ic)) // ok: set in one branch
}

func earlyKafkaConfig(t *tls.Config) *sarama.Config {
	c := sarama.NewConfig()
	if t == nil {
		return c
	}
	c.Net.TLS.Enable = true
	c.Net.TLS.Config = t
	return c
}

func elseKafkaConfig(t *tls.Config) *sarama.Config {
	c := sarama.NewConfig()
	if t != nil {
		c.Net.TLS.Enable = true
	} else {
		return c
	}
	return c
}

func caseKafkaConfig(on bool) *sarama.Config {
	c := sarama.NewConfig()
	switch on {
	case true:
		c.Net.TLS.Enable = true
		return c
	default:
		return c
	}
}

func guardKafkaConfig(t *tls.Config) *sarama.Config {
	if t == nil {
		panic("kafka needs TLS")
	}
	c := sarama.NewConfig()
	c.Net.TLS.Enable = true
	return c
}

func ifKafkaConfig(on bool) *sarama.Config {
	c := sarama.NewConfig()
	if on {
		c.Net.TLS.Enable = true
	}
	return c
}

// The redis broker plugin cannot use TLS: it dials "redis://"+addr with
// redigo's DialURL and no TLS option, and reads neither broker.Secure nor
// broker.TLSConfig (v1.2.0 redis.go:163-185).
func redisBrokers() {
	redisb.NewBroker()                                                                                // want `^redis broker cannot use TLS: it always dials redis:// in plaintext; use a broker with TLS such as nats, or a local sidecar \(such as stunnel\) that carries its connection to redis over TLS$`
	redisb.NewBroker(broker.Addrs("redis:6379"), redisb.MaxIdle(4))                                   // want `^redis broker cannot use TLS: it always dials redis:// in plaintext; use`
	redisb.NewBroker(broker.TLSConfig(cfg))                                                           // want `^redis broker cannot use TLS: it always dials redis:// in plaintext and ignores broker.Secure and broker.TLSConfig; use a broker with TLS such as nats, or a local sidecar \(such as stunnel\) that carries its connection to redis over TLS$`
	redisb.NewBroker(broker.Addrs("rediss://redis:6380"), broker.Secure(true), broker.TLSConfig(cfg)) // want `^redis broker cannot use TLS: it always dials redis:// in plaintext and ignores broker.Secure and broker.TLSConfig`
	natsb.NewBroker(broker.TLSConfig(cfg))                                                            // ok: the nats broker reads it
}

// A grpc server gets TLS from its listener or its grpc-go credentials too:
// an injected listener is used as is (server.TLSConfig then makes no TLS
// listener), grpcs.Options are appended to the grpc.Server's options, and
// an injected grpc.Server is used as is (AuthTLS and Options ignored).
//
// A listener is a TLS one only if every listener it may hold is: of the
// assignments of one block, the last one before the use counts.
func grpcServerTLS(addr string, given net.Listener, toggle bool) {
	tl, _ := tls.Listen("tcp", addr, cfg)
	grpcs.NewServer(grpcs.Listener(tl))                          // ok
	grpcs.NewServer(grpcs.Listener(tls.NewListener(given, cfg))) // ok
	grpcs.NewServer(grpcs.Listener(given))                       // ok: not seen
	pl, _ := net.Listen("tcp", addr)
	grpcs.NewServer(grpcs.Listener(pl))                        // want `^grpc server built without TLS: its Listener is a plain listener, which server.TLSConfig does not change; pass grpc.AuthTLS\(cfg\) or a listener from tls.Listen$`
	grpcs.NewServer(grpcs.Listener(pl), server.TLSConfig(cfg)) // want `^grpc server built without TLS: its Listener is a plain listener`
	grpcs.NewServer(grpcs.Listener(pl), grpcs.AuthTLS(cfg))    // ok
	nl, _ := tls.Listen("tcp", addr, nil)                      // fails: a nil config has no certificate
	grpcs.NewServer(grpcs.Listener(nl))                        // want `^grpc server built without TLS`
	grpcs.NewServer(grpcs.AuthTLS(nil))                        // want `^grpc server built without TLS: it listens in plaintext`
	grpcs.NewServer(server.TLSConfig(nil))                     // want `^grpc server built without TLS: it listens in plaintext`
	rl, _ := tls.Listen("tcp", addr, cfg)
	rl, _ = net.Listen("tcp", addr)
	grpcs.NewServer(grpcs.Listener(rl)) // want `^grpc server built without TLS: its Listener is a plain listener`
	wl, _ := net.Listen("tcp", addr)
	wl = tls.NewListener(wl, cfg)
	grpcs.NewServer(grpcs.Listener(wl)) // ok
	bl, _ := tls.Listen("tcp", addr, cfg)
	if toggle {
		bl, _ = net.Listen("tcp", addr)
	}
	grpcs.NewServer(grpcs.Listener(bl)) // want `^grpc server built without TLS: its Listener is a plain listener`

	grpcs.NewServer(grpcs.Options(grpc.Creds(credentials.NewTLS(cfg))))             // ok
	grpcs.NewServer(grpcs.Options(grpc.MaxRecvMsgSize(1), grpc.Creds(fileCreds()))) // ok
	grpcs.NewServer(grpcs.Options(grpc.Creds(insecure.NewCredentials())))           // want `^grpc server built without TLS: it listens in plaintext` `^insecure.NewCredentials disables transport security`
	grpcs.NewServer(grpcs.Options(grpc.MaxRecvMsgSize(1)))                          // want `^grpc server built without TLS: it listens in plaintext`
	sopts := []grpc.ServerOption{grpc.MaxRecvMsgSize(1)}
	sopts = append(sopts, grpc.Creds(credentials.NewTLS(cfg)))
	grpcs.NewServer(grpcs.Options(sopts...)) // ok

	grpcs.NewServer(grpcs.Server(grpc.NewServer(grpc.Creds(credentials.NewTLS(cfg))))) // ok
	gs := grpc.NewServer(grpc.MaxRecvMsgSize(1))
	grpcs.NewServer(grpcs.Server(gs))                                                       // want `^grpc server built without TLS: its injected grpc.Server has no TLS credentials`
	grpcs.NewServer(grpcs.Server(gs), grpcs.AuthTLS(cfg))                                   // want `^grpc server built without TLS: its injected grpc.Server has no TLS credentials`
	grpcs.NewServer(grpcs.Server(gs), server.TLSConfig(cfg))                                // ok: the listener is a TLS one
	micro.NewService(micro.Server(grpcs.NewServer(grpcs.Server(gs), grpcs.AuthTLS(cfg))))   // want `^service runs a grpc server without TLS: its injected grpc.Server has no TLS credentials, and grpc.AuthTLS does not reach it; pass grpc.Creds\(credentials.NewTLS\(cfg\)\) to grpc.NewServer, or server.TLSConfig\(cfg\) to the server$`
	micro.NewService(micro.Server(grpcs.NewServer(grpcs.Listener(pl))))                     // want `^service runs a grpc server without TLS: its Listener is a plain listener, which server.TLSConfig does not change; pass grpc.AuthTLS\(cfg\) or a listener from tls.Listen to the server$`
	micro.NewService(micro.Server(grpcs.NewServer(grpcs.Listener(pl), grpcs.AuthTLS(cfg)))) // ok

	// Given both, Start serves the injected server on the listener as they
	// are: server.TLSConfig and AuthTLS change neither.
	grpcs.NewServer(grpcs.Server(gs), grpcs.Listener(pl))                                                  // want `^grpc server built without TLS: its injected grpc.Server has no TLS credentials and its Listener is a plain listener, which grpc.AuthTLS and server.TLSConfig do not change; pass grpc.Creds\(credentials.NewTLS\(cfg\)\) to grpc.NewServer, or a listener from tls.Listen$`
	grpcs.NewServer(grpcs.Server(gs), grpcs.Listener(pl), server.TLSConfig(cfg))                           // want `^grpc server built without TLS: its injected grpc.Server has no TLS credentials and its Listener is a plain listener`
	micro.NewService(micro.Server(grpcs.NewServer(grpcs.Server(gs), grpcs.Listener(pl))))                  // want `^service runs a grpc server without TLS: its injected grpc.Server has no TLS credentials and its Listener is a plain listener, which grpc.AuthTLS and server.TLSConfig do not change; pass grpc.Creds\(credentials.NewTLS\(cfg\)\) to grpc.NewServer, or a listener from tls.Listen to the server$`
	grpcs.NewServer(grpcs.Server(gs), grpcs.Listener(tl))                                                  // ok: a TLS listener
	grpcs.NewServer(grpcs.Server(grpc.NewServer(grpc.Creds(credentials.NewTLS(cfg)))), grpcs.Listener(pl)) // ok: TLS credentials
}

// A closure runs after the statements around it: every listener its
// variable is given counts, the zero value of its declaration none.
func grpcClosures(addr string) {
	var lis net.Listener
	run := func() {
		micro.NewService(micro.Server(grpcs.NewServer(grpcs.Listener(lis)))) // want `^service runs a grpc server without TLS: its Listener is a plain listener`
	}
	lis, _ = net.Listen("tcp", addr)
	run()

	tl, _ := tls.Listen("tcp", addr, cfg)
	runTLS := func() {
		micro.NewService(micro.Server(grpcs.NewServer(grpcs.Listener(tl)))) // want `^service runs a grpc server without TLS: its Listener is a plain listener`
	}
	tl, _ = net.Listen("tcp", addr)
	runTLS()

	var sl net.Listener
	runSecure := func() {
		micro.NewService(micro.Server(grpcs.NewServer(grpcs.Listener(sl)))) // ok
	}
	sl, _ = tls.Listen("tcp", addr, cfg)
	runSecure()

	wl, _ := net.Listen("tcp", addr)
	wl = tls.NewListener(wl, cfg)
	micro.NewService(micro.Server(grpcs.NewServer(grpcs.Listener(wl)))) // ok: the last listener before the use
}

func fileCreds() credentials.TransportCredentials {
	c, _ := credentials.NewServerTLSFromFile("cert.pem", "key.pem")
	return c
}
