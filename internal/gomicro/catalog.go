package gomicro

import (
	"go/ast"
	"go/types"
)

// Kind is the kind of go-micro component a constructor builds.
type Kind uint8

// The component kinds. Service is the root micro.Service (and the v1/v2
// grpc service helper); API is the API gateway's HTTP server.
const (
	NoKind Kind = iota
	Transport
	Broker
	Registry
	Server
	Client
	Web
	API
	Service
)

var kindNames = [...]string{"none", "transport", "broker", "registry", "server", "client", "web service", "api server", "service"}

// String returns the lowercase name used in messages: "transport",
// "web service", "api server".
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Impl names the implementation a constructor builds.
type Impl string

// Implementations known to the model.
const (
	HTTP        Impl = "http"     // HTTP transport, HTTP broker, web, API gateway
	GRPC        Impl = "grpc"     // grpc transport, server, client, service
	QUIC        Impl = "quic"     // v1/v2 quic transport
	NATS        Impl = "nats"     // nats transport, broker, registry
	RabbitMQ    Impl = "rabbitmq" // v5 in-tree rabbitmq broker
	Redis       Impl = "redis"    // v4 plugin redis broker, which has no TLS
	Kafka       Impl = "kafka"    // v4 plugin kafka broker, TLS from sarama configs
	Memory      Impl = "memory"   // in-process transport, broker, registry
	MDNS        Impl = "mdns"     // multicast DNS registry
	Etcd        Impl = "etcd"
	Consul      Impl = "consul"
	RPC         Impl = "rpc" // rpc (mucp) server and client, over a transport
	MicroServer Impl = "micro"
)

// Constructor describes what a constructor call builds.
type Constructor struct {
	Ref  Ref
	Kind Kind
	Impl Impl
}

type ctorKey struct{ path, name string }

// constructors lists, by role path and object name, every constructor the
// model knows (GOMICRO.md §3.2 and §8). Names that only exist in some
// versions are harmless in the others.
var constructors = map[ctorKey]struct {
	kind Kind
	impl Impl
}{
	{"transport", "NewTransport"}:        {Transport, HTTP}, // v1, v2
	{"transport", "NewHTTPTransport"}:    {Transport, HTTP}, // v3+
	{"transport", "NewMemoryTransport"}:  {Transport, Memory},
	{"transport/http", "NewTransport"}:   {Transport, HTTP},
	{"transport/grpc", "NewTransport"}:   {Transport, GRPC},
	{"transport/quic", "NewTransport"}:   {Transport, QUIC},
	{"transport/memory", "NewTransport"}: {Transport, Memory},
	{"transport/nats", "NewTransport"}:   {Transport, NATS},

	{"broker", "NewBroker"}:                  {Broker, HTTP}, // v1-v4
	{"broker", "NewHttpBroker"}:              {Broker, HTTP}, // v5+
	{"broker", "NewMemoryBroker"}:            {Broker, Memory},
	{"broker/http", "NewBroker"}:             {Broker, HTTP},
	{"broker/memory", "NewBroker"}:           {Broker, Memory},
	{"broker/nats", "NewBroker"}:             {Broker, NATS},
	{"broker/nats", "NewNatsBroker"}:         {Broker, NATS},
	{"broker/rabbitmq", "NewBroker"}:         {Broker, RabbitMQ},
	{"broker/redis", "NewBroker"}:            {Broker, Redis},  // v4 plugin v1.2.0 redis.go:246
	{"broker/kafka", "NewBroker"}:            {Broker, Kafka},  // v4 plugin v1.2.0 kafka.go:302
	{"registry", "NewRegistry"}:              {Registry, MDNS}, // v1-v4
	{"registry", "NewMDNSRegistry"}:          {Registry, MDNS}, // v5+
	{"registry", "NewMemoryRegistry"}:        {Registry, Memory},
	{"registry/mdns", "NewRegistry"}:         {Registry, MDNS},
	{"registry/memory", "NewRegistry"}:       {Registry, Memory},
	{"registry/etcd", "NewRegistry"}:         {Registry, Etcd},
	{"registry/etcd", "NewEtcdRegistry"}:     {Registry, Etcd},
	{"registry/consul", "NewRegistry"}:       {Registry, Consul},
	{"registry/consul", "NewConsulRegistry"}: {Registry, Consul},
	{"registry/nats", "NewRegistry"}:         {Registry, NATS},
	{"registry/nats", "NewNatsRegistry"}:     {Registry, NATS},

	{"server", "NewServer"}:      {Server, RPC}, // func in v1, var in v2+
	{"server", "NewRPCServer"}:   {Server, RPC},
	{"server/mucp", "NewServer"}: {Server, RPC},
	{"server/grpc", "NewServer"}: {Server, GRPC},
	{"client", "NewClient"}:      {Client, RPC}, // func in v1, var in v2+
	{"client/mucp", "NewClient"}: {Client, RPC},
	{"client/grpc", "NewClient"}: {Client, GRPC},

	{"web", "NewService"}:            {Web, HTTP},
	{"api/server/http", "NewServer"}: {API, HTTP},
	{"", "NewService"}:               {Service, MicroServer},
	{"", "New"}:                      {Service, MicroServer},
	{"", "NewFunction"}:              {Service, MicroServer}, // v1-v3
	{"service", "New"}:               {Service, MicroServer}, // v5+
	{"service", "NewService"}:        {Service, MicroServer},
	{"service/grpc", "NewService"}:   {Service, GRPC}, // v1, v2
}

// ConstructorOf reports whether call builds a go-micro component and what
// it builds. It matches the callee's object (function or function-typed
// package variable) by package and name.
func ConstructorOf(info *types.Info, call *ast.CallExpr) (Constructor, bool) {
	ref, ok := CalleeRef(info, call)
	if !ok {
		return Constructor{}, false
	}
	c, ok := constructors[ctorKey{ref.Path, ref.Name}]
	if !ok {
		return Constructor{}, false
	}
	return Constructor{Ref: ref, Kind: c.kind, Impl: c.impl}, true
}

// OptionKind classifies an option value by what it does to TLS.
type OptionKind uint8

// Option kinds.
const (
	// OptOpaque is an option the model cannot see into: built by a function
	// outside go-micro and the current package, taken from a parameter, a
	// closure literal, and so on. It may turn TLS on.
	OptOpaque OptionKind = iota
	// OptOther is a go-micro option that does not touch TLS (micro.Name,
	// transport.Timeout, ...).
	OptOther
	// OptSecure is Secure(b) of transport, broker, registry and web, and
	// nats.Options{Secure: b}.
	OptSecure
	// OptEnableTLS is the API gateway's EnableTLS(b).
	OptEnableTLS
	// OptEnableACME is the API gateway's EnableACME(b).
	OptEnableACME
	// OptTLSConfig is TLSConfig(cfg) of transport, broker, registry, web and
	// the API gateway, and nats.Options{TLSConfig: cfg}.
	OptTLSConfig
	// OptServerTLSConfig is server.TLSConfig(cfg) (v2+): the server listens
	// with cfg, and its transport gets Secure(true) and TLSConfig(cfg).
	OptServerTLSConfig
	// OptAuthTLS is the grpc server's or client's AuthTLS(cfg).
	OptAuthTLS
	// OptWithTLS is the v1/v2 service/grpc WithTLS(cfg): AuthTLS on both the
	// service's server and client.
	OptWithTLS
	// OptNatsOptions is nats.Options(nats.Options{...}) of the nats
	// transport, broker or registry. The model turns its literal's Secure
	// and TLSConfig fields into Secure and TLSConfig options.
	OptNatsOptions
	// OptComponent is an option that installs a component: micro.Transport(t),
	// micro.Server(s), server.Transport(t), client.Transport(t) and so on.
	OptComponent
	// OptDialSkipVerify is transport.WithInsecureSkipVerify(b), a DialOption of
	// v4+.
	OptDialSkipVerify
	// OptGRPCListener is the grpc server's Listener(l): the server serves
	// on l as it is, and server.TLSConfig no longer makes a TLS listener.
	OptGRPCListener
	// OptGRPCServer is the grpc server's Server(srv): the server runs the
	// given *grpc.Server as it is, without AuthTLS or Options.
	OptGRPCServer
	// OptGRPCOptions is the grpc server's Options(opts...): grpc-go
	// server options, such as grpc.Creds, added to those of its
	// grpc.Server.
	OptGRPCOptions
	// OptConsulConfig is the consul registry's Config(c): the consul API
	// config it uses, whose Scheme says whether it speaks HTTPS.
	OptConsulConfig
	// OptKafkaBrokerConfig is the kafka broker's BrokerConfig(c): the
	// sarama config its producer connects with.
	OptKafkaBrokerConfig
	// OptKafkaClusterConfig is the kafka broker's ClusterConfig(c): the
	// sarama config its consumer groups connect with.
	OptKafkaClusterConfig
)

type optionInfo struct {
	kind   OptionKind
	target Kind // for Component: the kind of component installed
}

// options lists the options the model understands, by role path and name.
// Every other option declared in go-micro is Other.
var options = map[ctorKey]optionInfo{
	{"transport", "Secure"}:                 {kind: OptSecure},
	{"transport", "TLSConfig"}:              {kind: OptTLSConfig},
	{"transport", "WithInsecureSkipVerify"}: {kind: OptDialSkipVerify},
	{"broker", "Secure"}:                    {kind: OptSecure},
	{"broker", "TLSConfig"}:                 {kind: OptTLSConfig},
	{"registry", "Secure"}:                  {kind: OptSecure},
	{"registry", "TLSConfig"}:               {kind: OptTLSConfig},
	{"web", "Secure"}:                       {kind: OptSecure},
	{"web", "TLSConfig"}:                    {kind: OptTLSConfig},
	{"api/server", "EnableTLS"}:             {kind: OptEnableTLS},
	{"api/server", "TLSConfig"}:             {kind: OptTLSConfig},
	{"api/server", "EnableACME"}:            {kind: OptEnableACME},
	{"server", "TLSConfig"}:                 {kind: OptServerTLSConfig},
	{"server/grpc", "AuthTLS"}:              {kind: OptAuthTLS},
	{"client/grpc", "AuthTLS"}:              {kind: OptAuthTLS},
	{"service/grpc", "WithTLS"}:             {kind: OptWithTLS},
	{"server/grpc", "Listener"}:             {kind: OptGRPCListener},
	{"server/grpc", "Server"}:               {kind: OptGRPCServer},
	{"server/grpc", "Options"}:              {kind: OptGRPCOptions},
	{"registry/consul", "Config"}:           {kind: OptConsulConfig},
	{"broker/kafka", "BrokerConfig"}:        {kind: OptKafkaBrokerConfig},  // v1.2.0 options.go:19
	{"broker/kafka", "ClusterConfig"}:       {kind: OptKafkaClusterConfig}, // v1.2.0 options.go:23
	{"transport/nats", "Options"}:           {kind: OptNatsOptions},
	{"broker/nats", "Options"}:              {kind: OptNatsOptions},
	{"registry/nats", "Options"}:            {kind: OptNatsOptions},
	{"registry/nats", "NatsOptions"}:        {kind: OptNatsOptions},

	{"server", "Transport"}:  {OptComponent, Transport},
	{"client", "Transport"}:  {OptComponent, Transport},
	{"server", "Broker"}:     {OptComponent, Broker},
	{"client", "Broker"}:     {OptComponent, Broker},
	{"", "Transport"}:        {OptComponent, Transport},
	{"", "Server"}:           {OptComponent, Server},
	{"", "Client"}:           {OptComponent, Client},
	{"", "Broker"}:           {OptComponent, Broker},
	{"", "Registry"}:         {OptComponent, Registry},
	{"service", "Transport"}: {OptComponent, Transport},
	{"service", "Server"}:    {OptComponent, Server},
	{"service", "Client"}:    {OptComponent, Client},
	{"service", "Broker"}:    {OptComponent, Broker},
	{"service", "Registry"}:  {OptComponent, Registry},
}

// packageInits maps package-level Init functions to the global they
// initialise: server.Init(opts...) applies opts to server.DefaultServer.
var packageInits = map[ctorKey]string{
	{"server", "Init"}:   "DefaultServer",
	{"client", "Init"}:   "DefaultClient",
	{"broker", "Init"}:   "DefaultBroker",
	{"registry", "Init"}: "DefaultRegistry",
}

// defaultGlobals maps a component kind to the package and name of the
// global that holds its default.
var defaultGlobals = map[Kind]ctorKey{
	Transport: {"transport", "DefaultTransport"},
	Broker:    {"broker", "DefaultBroker"},
	Registry:  {"registry", "DefaultRegistry"},
	Server:    {"server", "DefaultServer"},
	Client:    {"client", "DefaultClient"},
}

// DefaultImpl returns the implementation of the default component of kind
// in go-micro major version v: the HTTP transport and broker, the mDNS
// registry, the rpc client and server (grpc in v2, whose root package
// installs grpc defaults in init).
func DefaultImpl(v int, kind Kind) Impl {
	switch kind {
	case Transport, Broker:
		return HTTP
	case Registry:
		return MDNS
	case Server, Client:
		if v == 2 {
			return GRPC
		}
		return RPC
	}
	return ""
}
