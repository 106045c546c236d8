// Package unsignedpublish defines an Analyzer that reports go-micro broker
// and event publishes that carry no message signature, and subscribers that
// never verify one.
//
// # Analyzer unsignedpublish
//
// unsignedpublish: report go-micro publishes without a message signature
//
// No go-micro version signs or verifies broker messages. The HTTP broker
// accepts any POST that decodes to a message, NATS and RabbitMQ accept
// whatever their credentials allow, and go-micro's auth tokens in metadata
// authenticate a caller, not a message. Unless the application signs each
// message and each subscriber verifies the signature, anyone who can reach
// the broker can forge events that subscribers act on.
//
// The analyzer reports publishes whose message carries no signature:
//
//   - broker.Broker.Publish, package broker.Publish and the Publish method
//     of any go-micro broker (the v5 and v6 nats and rabbitmq brokers
//     included), unless the message's Header holds a value derived from
//     a signature or the broker signs it: a value of a broker type whose
//     Publish puts a signature in the Header of the message it passes on
//     (m.Header["X-Signature"] = sig, m.Header = map[string]string{
//     "X-Signature": sig} or a map variable holding it, or a new message
//     &broker.Message{Header: map[string]string{"X-Signature": sig}}
//     that it publishes; signing a copy and passing on the message it
//     was given does not count, nor deleting the entry afterwards),
//     and publishes to no broker before that (itself, or in the body
//     of a function, method or function literal of the package it calls
//     before that), or a broker.Broker variable every value of which a
//     function returning only such brokers gives (func Wrap(b broker.Broker)
//     broker.Broker { return &SigningBroker{b} }, also of another
//     package, through facts), or the broker a service or client holds
//     (svc.Options().Broker, cl.Options().Broker, and
//     svc.Server().Options().Broker, which micro.Broker sets too) when it
//     is given such a broker on every path (see below);
//   - client.Client.Publish and package client.Publish with
//     client.NewMessage, unless the context carries go-micro metadata with
//     a signature (metadata.Set, metadata.NewContext,
//     metadata.MergeContext) or the client goes through a client wrapper
//     whose Publish signs and never publishes the context it was given
//     while that context is unsigned (a Publish that signs a copy of its
//     context and publishes the one it was given, or both, does not
//     sign; a context a retry helper hands to a function literal counts
//     as signed when the helper is given a signed one; the metadata may
//     be filled with its Set method) (micro.WrapClient, client.Wrap given
//     to the client's constructor, a client type whose Publish signs;
//     client.Wrap given to a client's Init later does not wrap it, and a
//     micro.WrapClient given before a micro.Client option, in the
//     constructor or a later svc.Init, wraps the client that option
//     replaces), or the client publishes through a signing broker (as
//     above): one the last micro.Broker of its service, or client.Broker
//     of its own, gives on every path (micro.Broker hands its broker to
//     the service's client in v1 to v5.30, and the client publishes
//     through it). A micro.Broker given before a micro.Client option went
//     to the client that option replaces, and a broker that does not sign
//     takes its place when given after it, by a service the client is
//     installed into or, up to v5.16, by another service sharing
//     go-micro's default client, as for an in-process broker below;
//     package client.Publish goes through go-micro's default
//     client, which counts as signing when the package replaces it with a
//     signing client before the publish (client.DefaultClient = ..., or,
//     up to v5.16, micro.Client, which sets client.DefaultClient too) and
//     every client it gives it signs (through a signing broker only when
//     no service sharing the default client gives it one that does not
//     sign);
//   - micro.Event and micro.Publisher Publish (micro.NewEvent,
//     micro.NewPublisher), judged like a client publish with the event's
//     client;
//   - events.Publish and events.Stream.Publish (v4+), unless
//     events.WithMetadata carries a signature.
//
// A signature is a value computed by hmac.New(...).Sum, ed25519.Sign,
// ecdsa.Sign and SignASN1, rsa.SignPKCS1v15 and SignPSS, a crypto.Signer,
// nacl sign.Sign or a JWS/JWT signer, through encodings, conversions,
// concatenation, variables and functions (of other packages too, through
// facts), or by a -signers function. A direct broker publish is judged on
// its message alone: it bypasses client wrappers, so a service whose client
// wrapper signs does not make it signed.
//
// A function that publishes what its caller gives it (a forwarder) is
// judged at each call instead, on the argument passed, and reported there
// as "broker publish through Send": it cannot sign what its callers
// decide. That is a function that publishes, unchanged:
//
//   - with a broker, the message it is given;
//   - with a client or event, its caller's context and its caller's
//     client or event, or, being a Publish method (a client or event
//     wrapper), its caller's context;
//   - with events.Publish, its caller's options.
//
// Forwarders calling forwarders are followed, across packages.
//
// A second kind of finding reports subscribers that never verify a
// signature: micro.RegisterSubscriber, s.Subscribe(s.NewSubscriber(...)),
// server.Subscribe, Function.Subscribe, broker.Subscribe and
// Broker.Subscribe, when neither the handler (a function, a literal, or a
// method of the handler type) nor a subscriber wrapper of the server
// (micro.WrapSubscriber, not given before a micro.Server option that
// replaces the server it wraps; server.WrapSubscriber; also one a function
// of another package returns, through facts) calls hmac.Equal,
// subtle.ConstantTimeCompare, ed25519.Verify, ecdsa.Verify or VerifyASN1,
// rsa.VerifyPKCS1v15 or VerifyPSS, nacl sign.Open, a JWS verification, a
// -verifiers function or a function that does (learnt as a fact).
//
// Publishes to and subscriptions on an in-process broker
// (broker.NewMemoryBroker, broker/memory) are not reported: nothing they
// carry leaves the process. That includes events, client publishes and
// subscribers of a service given one with micro.Broker on every path (one
// appended to its options or given by svc.Init in an if, for local
// development, leaves the default HTTP broker on the others), unless a later
// micro.Client or micro.Server installs a client or server that keeps its
// own broker, or a later client.Broker or server.Broker (through
// svc.Client().Init or svc.Server().Init) gives another; a client given one
// counts only when no service it is installed into with micro.Client
// gives it another broker. Services up to
// v5.16 share go-micro's default client and server, which every
// micro.Broker configures, so such a service counts only when every broker
// the package gives those services is in-process; a client or server
// installed into two services with micro.Client or micro.Server is not
// followed.
//
// Calls are matched by the go-micro object they target, so a gomock
// recorder's EXPECT().Publish is not a publish.
//
// Bad:
//
//	broker.Publish("orders.created", &broker.Message{Body: body})
//
// Good:
//
//	mac := hmac.New(sha256.New, key)
//	mac.Write(body)
//	sig := hex.EncodeToString(mac.Sum(nil))
//	broker.Publish("orders.created", &broker.Message{
//		Header: map[string]string{"X-Signature": sig},
//		Body:   body,
//	})
//
// # Flags
//
//	-unsignedpublish.signers list
//	    extra functions returning a signature, signing client wrappers, or
//	    signing broker wrappers (a broker type's Publish method, a function
//	    returning such a broker): "import/path.Func" or
//	    "(import/path.Type).Method"
//	-unsignedpublish.verifiers list
//	    extra functions that check a message signature
//
// # Limitations
//
// The analysis is syntactic and flow-insensitive:
//
//   - it checks that a signature reaches the message's header or
//     metadata, not that it was computed over the body being published,
//     with a key that is not hard-coded, or on every path;
//   - a header map filled through a pointer or by a function of another
//     package (other than one returning a signed message) is not seen, and
//     such publishes are reported;
//   - a client held in a parameter, or in a struct field set in another
//     package or set more than once, is not resolved to its wrappers, so
//     its publishes are reported unless the message itself is signed
//     (listing the wrapper in -signers does not help there);
//   - a broker option counts as given on every path only when it is
//     applied outside any branch or loop, ahead of the constructor (or, in
//     svc.Init, after it in the same block) and through helpers each of
//     whose returns gives it: an in-process broker given in each branch of
//     an if is taken as given on some paths only, and such a service's
//     publishes are reported;
//   - a broker held in a parameter, or in a broker.Broker field or
//     variable assigned a value the rule cannot see (set in another
//     package, or from a broker of another kind on some path), is not
//     taken to sign, even when a -signers function built it;
//   - go-micro's default client counts as replaced before a publish only
//     when the assignment or micro.Client comes ahead of it in the same
//     function, outside any branch; or at the top of an init function or
//     of main (package main), outside any branch, ahead of every call that
//     function makes into the package's functions (the rule does not tell
//     which of them publish, so a publish in a function called earlier
//     than the assignment, or in any function once one of the package's
//     functions was called first, is reported), for publishes that run
//     later: in other functions, not in a package variable's initializer
//     nor, for main, in an init function, nor, for init, in an earlier
//     init function (one made in a function called earlier is not
//     followed, and the publish is reported; a publish in a function that
//     an earlier init function or a package variable's initializer calls
//     is taken to come after it). The body of an if whose condition is a
//     constant true (if signEvents {...} with const signEvents = true)
//     counts as outside any branch;
//   - an in-process broker in the slice literal a service's options
//     start from counts as given on every path even when a branch
//     replaces the whole slice, and one given by svc.Init run with go or
//     defer counts as given before the publishes that follow;
//   - a client wrapper's Publish that passes on the context it was given
//     unsigned on some path (for topics it does not sign, or when the
//     context already carries a signature) does not count as signing,
//     and its events are reported;
//   - a broker's Publish that assigns a signed message to its message
//     variable (m = signed) counts as publishing it on every path, even
//     when the assignment is in a branch, and a client wrapper's context
//     assigned a signed one in a branch counts as signed;
//   - a broker's Publish that gives the message a Header map of its own
//     without a signature (m.Header = map[string]string{"X-From": "a"})
//     is taken to pass the message on unchanged, so a signature its
//     caller put in the header counts as kept;
//   - a signing broker's Publish that hands the unsigned message, before
//     signing it, to a helper that publishes it through a further call
//     (two levels down) or through another package's function counts as
//     signing; and the broker publish such a wrapper makes before it signs
//     (s.audit.Publish(t, m) ahead of m.Header["X-Signature"] = sig) is
//     itself taken as signed, since the message is signed further on, so
//     only publishes through a broker.Broker holding the wrapper are
//     reported, not calls of the wrapper type's own Publish method;
//   - broker.DefaultBroker replaced by a signing broker is not followed:
//     package broker.Publish stays reported, also after a micro.Broker of
//     v5 up to v5.16, which sets broker.DefaultBroker too; and the
//     micro.Broker of a service sharing go-micro's default client (up to
//     v5.16) does not make package client.Publish signed, though it gives
//     that client its broker: only client.DefaultClient = ... (or
//     micro.Client) counts;
//   - a broker given through the -broker flag or MICRO_BROKER, which
//     svc.Init parses, is not seen: a service given a signing (or an
//     in-process) broker in code counts as keeping it;
//   - the hint that a verifying micro.WrapSubscriber was lost to a later
//     micro.Server is given only for subscribers registered on the
//     service's server (svc.Server()), not on the server variable itself;
//   - a subscriber verifies if any code of its handler calls a verifier,
//     whether or not the result decides anything;
//   - a subscriber is not judged when its service or server takes options
//     the rule cannot see into (a function of another package returning
//     options, a slice built elsewhere, as in
//     svc.Init(append(config.Options(), ...)...)), which may install a
//     verifying subscriber wrapper, nor when the server is reached through
//     a parameter or Options().Server;
//   - events.Stream Consume loops, the v6 MCP gateway's
//     micro_broker_publish tool and flows are not modelled;
//   - signing and verifying helpers are learnt from your modules and from
//     dependencies that import go-micro or a signing package the rule knows
//     (crypto/hmac, crypto/ed25519, a JWT or JOSE library), directly or
//     through other such dependencies; a helper that signs through a
//     library the rule does not know is not recognised, so list it in
//     -unsignedpublish.signers;
//   - a forwarder that replaces the metadata of the context it passes on
//     (metadata.NewContext with metadata of its own, metadata.Delete,
//     metadata.MergeContext with overwrite, metadata.Set of a key naming a
//     signature) or copies the message is judged as a publisher, and a
//     forwarder that no analysed code calls is not reported at all. One
//     that derives the context from its caller's (metadata.MergeContext
//     without overwrite, metadata.Set of another key, context.With...,
//     metadata.NewContext with the caller's metadata read by
//     metadata.FromContext and nothing deleted, a function of the package
//     whose results derive from the context it is given) still forwards
//     it. A function of another package given the context first (a tracer
//     starting a span) is taken to derive from it, and the order of those
//     steps is not looked at, so metadata read from the caller and then
//     replaced by an empty map counts as the caller's.
//
// Code that never runs gives nothing: a signing client assigned to
// client.DefaultClient or given with micro.Client or micro.WrapClient, an
// in-process broker, and a signing helper's or broker wrapper's return in
// the body of an if statement whose whole condition is a constant false,
// or in the else branch of one whose condition is a constant true, do not
// count (if signEvents {...} with const signEvents = false), and the body
// of an if whose condition is a constant true runs as if written in its
// place. A constant counts only when declared in a file of the package
// that no build constraint selects (no //go:build line, no _GOOS or
// _GOARCH file name suffix, no import "C") and that is not a test file,
// and when its value does not depend on the word size (^uint(0)) or on
// another package's constants. Only a whole if condition is read: a
// condition constant only in part (signEvents && strict), the code after
// an early return under such an if, and the cases of a switch on a
// constant are taken to run, so what is given there still counts. A
// publish or subscriber in code that never runs is still reported.
package unsignedpublish
