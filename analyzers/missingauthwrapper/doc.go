// Package missingauthwrapper defines an Analyzer that reports go-micro
// handlers registered on a service or server that no authentication
// wrapper guards.
//
// # Analyzer missingauthwrapper
//
// missingauthwrapper: report go-micro handlers that no authentication wrapper guards
//
// In go-micro v3 to v6 nothing authenticates an RPC unless a handler
// wrapper does it: the default auth provider is a no-op that accepts every
// token, micro.Auth only stores the provider, and no service installs an
// auth wrapper by itself. v2 installs one automatically, but with the
// default no-op auth it lets every request through. A handler registered
// without such a wrapper can be called by anyone who can reach the
// service's transport, including through the MCP gateway and the API
// gateway.
//
// The analyzer builds a model of every service and server in the package
// (micro.NewService, micro.New, micro.NewFunction, service.New,
// server.NewServer, server.NewRPCServer, the grpc server and
// server.DefaultServer), with the options that reach each: constructor
// arguments, option slices, helper functions (of other packages too, through
// facts), later Init calls (svc.Init, svc.Server().Init, server.Init) and
// servers installed with micro.Server. A micro.WrapHandler option wraps the
// server the service holds when the option is applied, so one given before
// a micro.Server option that installs another server wraps the server that
// option replaces, and does not count. It
// then reports each handler
// registration whose service or server has no handler wrapper that
// authenticates:
//
//   - micro.RegisterHandler(s, h) and s.Handle(s.NewHandler(h));
//   - package-level server.Handle(server.NewHandler(h)), on
//     server.DefaultServer;
//   - svc.Handle(h) of v5 and v6 services and of v1-v3 micro.Function;
//   - the micro.Handle(h) option of v4+;
//   - generated Register<X>Handler(s, h) functions, recognised by their
//     shape (a Register...Handler function whose first parameter is a
//     go-micro server.Server), whatever file they are in;
//   - calls of any function that registers handlers on its server or
//     service parameter, learnt from its body as a fact, so the
//     registration is reported where the server is known.
//
// A registration that serves no endpoint is not reported: nil, on which
// go-micro's NewHandler panics, and a value whose type has no exported
// method (a function, a struct with unexported methods only), which
// go-micro's servers refuse. A generated Register<X>Handler given nil
// still registers the service's methods, and a value of interface type
// may hold any handler: both are judged.
//
// A wrapper counts as authentication by what it does. Its handler must
// check a credential and return an error on some path without calling the
// next handler. Checking a credential means calling go-micro's
// auth.Auth.Inspect, auth.Rules.Verify, auth.Verify (or v2's
// auth.Auth.Verify), a JWT parse-and-verify call (golang-jwt, jwt-go,
// lestrrat-go/jwx, go-jose), an OIDC or Google ID token verifier,
// hmac.Equal, subtle.ConstantTimeCompare or a signature verification, a
// function that does one of these and reports failure (learnt as a fact),
// a call the rule cannot see into whose own name says it checks (a
// method of a client protoc-gen-micro generated, whose last parameter is
// ...client.CallOption; another interface method of the module; a
// function value, struct field or parameter the package gives no value
// the rule can read; a function of another package of the module that
// imports neither go-micro nor a check it knows; or a function that only
// hands its argument to such a call), that is given the credential, directly or as a field of a
// composite literal (also one built before the call in a local variable,
// in := &authpb.ValidateRequest{Token: tok}, or whose field is set to it,
// in.Token = tok; a variable or field the wrapper also gives something
// other than text cut from the credential, as tok = serviceToken when
// the header is missing or in.Token = serviceToken for X-Internal, is
// not the credential, for such a call as for Inspect and the checks it
// knows), and whose result (its error, or a field of its result) fails the request
// on a path that does not call the next handler (res, err :=
// authSvc.Validate(ctx, &authpb.ValidateRequest{Token: tok}); if err !=
// nil || !res.Valid { return errors.Unauthorized(...) }; a name says it
// checks when one of its words, split at case changes, underscores and
// digits, begins with auth, verif, valid, inspect, introspect, check,
// login or identif, and none begins with rate, limit, quota, log (login
// aside), record, audit, touch, decode, unverif, format, count, metric,
// trace, or a word naming other things a service checks (health, ping,
// status, version, email, mail, phone, address, schema, payload, body,
// input, checkout, order, cart, stock; a word author), in the function's
// or method's name or the variable's holding a
// function value, not its package's: a rate limiter's Allow or
// CheckRateLimit, an audit log's Record, RecordLogin or authlog.Write,
// session.Touch, DecodeClaims or a Token helper is none). A function
// value the package gives function literals or functions the rule reads
// (a struct field's default, a factory's argument, var verify =
// acceptAll), and an interface method called on a variable given values
// of the package's types (var v TokenValidator = allowAll{}), are judged
// by those bodies instead: each must check, and a no-op returning nil
// does not. Checking a credential also means comparing
// the Authorization (or X-Api-Key, Micro-Token) value of the metadata
// or of the request's headers (req.Header(), which hold the same
// transport headers, or a map the wrapper fills only from them, such as a
// copy under lower-cased keys), or text cut from it (strings.TrimPrefix,
// strings.Fields, an element or a slice of it), with something other than
// the empty string, a scheme name such as "Bearer", a sentinel such as
// "null" or another metadata value, or failing when it is missing from a
// map of valid keys (!validKeys[tok], _, ok := keys[tok]; !ok, or calling
// the next handler only when it is there). Its length, its prefix, or a
// blocklist alone checks nothing, and so does Inspect on go-micro's no-op
// auth, which accepts any token: on a local or unexported package variable
// given only auth.NewAuth(), noop.NewAuth(), auth.DefaultAuth (when the
// package does not replace it) or a function of the package returning only
// these, on the Options().Auth of a service built without micro.Auth while
// no auth plugin such as auth/jwt is linked in for MICRO_AUTH to select, or
// on the parameter of a wrapper factory of the package called with one of
// these (micro.WrapHandler(wrapWith(auth.NewAuth()))). A wrapper fails open, and does not count, when the
// caller can reach the next handler on a path that passes no check: one
// taken when the credential is missing (if tok == "" { return next(...) },
// a check made only when metadata.Get finds the header), when it has a
// form the wrapper lets through (if strings.HasPrefix(tok, "svc_")), or when a header
// the caller sets says so (X-Internal: true), read directly, by ranging
// over the metadata or by a function of the package given the context
// or the request (if internal(ctx)), or when the credential is found in
// a cache (a sync.Map, or a map the wrapper fills) that may hold tokens
// nobody verified; the message says which of these it is (a helper of
// the package the condition calls is taken to test the credential's
// presence). A cache of verified tokens is one keyed by the
// credential, empty at first (a sync.Map, or a map given only new empty
// maps, also as a field of a keyed struct literal: &w{seen:
// make(map[string]bool)}), out of other packages' reach and filled
// only by the handler itself after a check whose result decides
// (if _, ok := verified.Load(tok); ok { return next(...) }, then
// verified.Store(tok, true) once the check succeeded), and whose lookup's
// found variable the handler assigns nothing else; a cache filled
// before the check or whatever its result, under another header's value
// or a credential other than the one the check was given (text cut from
// it is the same one, and so is the credential a request built in a
// variable carries), or by another function is a bypass. Such a path is allowed when
// it is taken for some endpoints only (if req.Endpoint() ==
// "Health.Check", publicEndpoints[req.Endpoint()], a switch on
// req.Endpoint(), isPublic(req) where isPublic is a function of the
// package that reads only the endpoint of the request), unless it is
// compared with what the caller sends (req.Endpoint() == skip, skip read
// from an X-Skip-Auth-For header, is a bypass); req.Method() and
// req.Service() are the Micro-Method and Micro-Service headers as the
// caller sent them, while go-micro dispatches on the endpoint alone, so
// a path they pick is a bypass the caller opens with a header; or on a condition the
// caller does not send (a setting: package variables and constants, the
// environment, a wrapper factory's configuration; not the clock). A
// setting, in an if condition or as the tag of a switch (switch
// cfg.AuthMode { case "off": ... }), keeps the path allowed when the
// credential's absence also picks it (if devMode && tok == ""), as the
// operator chose to skip checks; a path that reaches the next handler
// whatever the setting's value is still reported, and so is one taken
// with the value production runs with: after a kill switch (if
// checksOff { return next(...) }, or a switch case "off" that calls the
// next handler) a path the caller opens with the switch closed (if tok
// == "" { return next(...) } further down) is a bypass. Wrappers are recognised wherever they come from: functions and
// methods (cfg.Middleware().Wrapper), function literals, variables, and
// functions of other packages that return a wrapper; the handler a
// wrapper returns may be a function literal or a method value of the
// package (return checkedCall{next}.handle). v2's
// wrapper.AuthHandler counts, and so does v5.16+ and v6
// wrapper/auth.AuthHandler when its HandlerOptions carry an auth provider
// that is not the no-op one; AuthOptional, which never rejects, does not.
// A variable of HandlerOptions is judged by every value the package gives
// it: the literal it starts from (none for a declaration without one)
// and the values stored into its Auth field afterwards, directly or
// through a pointer p := &opts, that may run before AuthHandler copies it
// (a store written after the call in the same function does not count
// unless a loop holds both); options a function returns are judged by
// the values it may return given the call's arguments (a provider
// parameter given nil or the no-op auth carries none; a constant argument
// rules out the branches it cannot take), through a fact for a function
// of another package.
// v2's automatic wrapper counts only when micro.Auth gives the service a
// provider other than the no-op auth.NewAuth() or auth.DefaultAuth.
//
// A service whose only wrappers log, trace, measure or recover is reported,
// with the wrappers named. Handlers whose type or generated service name
// matches -public are not reported; health checks are public by default.
//
// Bad:
//
//	svc := micro.NewService(micro.Name("shop.orders"), micro.WrapHandler(logWrapper))
//	pb.RegisterOrdersHandler(svc.Server(), new(Orders))
//
// Good:
//
//	func authWrapper(next server.HandlerFunc) server.HandlerFunc {
//		return func(ctx context.Context, req server.Request, rsp interface{}) error {
//			tok, _ := metadata.Get(ctx, "Authorization")
//			if _, err := provider.Inspect(strings.TrimPrefix(tok, "Bearer ")); err != nil {
//				return errors.Unauthorized(req.Service(), "invalid token")
//			}
//			return next(ctx, req, rsp)
//		}
//	}
//
//	svc := micro.NewService(micro.Name("shop.orders"), micro.WrapHandler(authWrapper))
//
// # Flags
//
//	-missingauthwrapper.trusted list
//	    extra authenticating wrappers, functions returning one, or
//	    credential checks: "import/path.Func" or "(import/path.Type).Method"
//	-missingauthwrapper.public list (default "Health,*.Health,HealthHandler,HealthCheck,HealthService,Healthz")
//	    handler types meant to be public: "import/path.Type" or a
//	    case-insensitive pattern of the type name or generated service name
//
// # Limitations
//
// The model is syntactic and flow-insensitive. It does not report what it
// cannot see, so it misses:
//
//   - services and servers that receive an option it cannot see into (a
//     parameter, a hand-written option closure, a spread slice of
//     wrappers), and handlers registered on a server that comes from a
//     parameter of a function literal, a struct field set in another
//     package or a function of another package;
//   - wrappers held in parameters or in interface values;
//   - whether a credential check's result decides the failing path: a
//     wrapper that calls Inspect and fails for another reason counts;
//   - wrappers that fail open inside a helper they call (a verifier that
//     returns nil when no token is sent) or by ignoring the check's result
//     on a condition the caller sets; conditions are read through ==, !=,
//     !, &&, || and switch cases, and any other use of req.Endpoint() (a
//     call, a map lookup) is taken to pick public endpoints; a function
//     of another package given the request is not seen into: a path it
//     picks is neither taken to be for public endpoints nor for a header
//     the caller sets, and a function of the package is read one call
//     deep (internal(ctx) reading metadata.Get counts, internal calling
//     another function that reads it does not, nor does a function
//     literal of the wrapper or an out-parameter); a package variable
//     counts as a setting even when the package sets it from metadata;
//     request data other than metadata and headers (req.ContentType(),
//     the body) is not taken for what the caller sets; a next handler
//     run by defer on every path (defer next(...))
//     or from recover after a panic is not seen calling the handler;
//   - HandlerOptions that a variable holds when AuthHandler is called: any
//     provider it may be given before the call counts, even one replaced
//     by nil before the call,
//     and a variable the rule cannot follow counts as carrying one (a
//     parameter, its address given to a call or kept other than in a
//     local pointer, a store in a function literal, opts.Auth, err =
//     load()); a function returning options is judged by its
//     arguments only where they give an auth.Auth parameter the no-op
//     auth or nil (opts(auth.NewAuth()) where opts returns
//     HandlerOptions{Auth: a}), or, for a function of the package, a
//     constant that settles an if condition of its parameters, and never
//     by a parameter the function assigns or takes the address of (if a
//     == nil { a = def } may replace the nil it is given); so one of
//     another package that returns options without a provider on some
//     path (if name == "public" { return opts }) counts, and one with
//     named results counts;
//   - a no-op auth seen across packages: an exported variable, a provider
//     passed to a function of another package that builds the wrapper,
//     and auth.DefaultAuth itself, which the program may replace before
//     requests come, are taken to verify tokens;
//   - the order of registrations and wrappers: a wrapper added by a later
//     Init call counts, as go-micro's rpc server applies wrappers at
//     request time; of options, only where micro.Server comes is taken
//     into account, and by source order, not by the order code runs in;
//     an option helper of another package is known by what its options
//     do, not by their order, so a helper that returns a wrapper before
//     micro.Server, or returns micro.Server given after a wrapper, is
//     not seen replacing the wrapped server; servers are told apart by
//     what their variables may hold anywhere in the function, and one the
//     model cannot see (a parameter's, svc.Server()) is taken to be the
//     server held;
//   - auth selected at run time by MICRO_AUTH in v2, which go-micro reads
//     when flags are parsed: a v2 service without micro.Auth is reported;
//   - v5.17+ and v6 give each service its own server, so server.Init and
//     server.DefaultServer no longer reach a service: the rule tells them
//     from earlier v5 releases by micro.Service, an alias of
//     service.Service from v5.17 on, and counts a server.Init wrapper for
//     a service only before that;
//   - what a call it cannot see into does with the credential: such a
//     call given the token whose error fails the request counts when its
//     own name says it checks (ValidateToken, VerifySession,
//     IsValidFormat), even if it only logs it or checks only the token's
//     format, and does not when its name does not (a verifier named
//     Introspector.Active, Lookup or introspect.Token), which is then reported unless
//     declared with -trusted; a function of a package the rule reads (one that
//     imports go-micro or a check it knows) counts only when it is learnt
//     to check, so a helper that compares its argument with a secret, or
//     looks it up in a database, there is not recognised, and neither is
//     a function or interface method of another module (a library's,
//     which may only parse the token, as uuid.Parse or jwt's
//     ParseUnverified do, or a shared auth module's; a generated client's
//     method counts wherever it is declared; without module information, as under GOPATH, every
//     package but the libraries of the checks it knows is taken to be
//     the module's); a function value the package gives both values the
//     rule reads and others (a no-op default an option function may
//     replace) is judged by the former only, and a function value of
//     another package, or a parameter of a function literal, by its name;
//     its result must be read by an if whose branch fails
//     (not a switch, nor a variable it was copied to), made in the if's
//     init or condition or in a statement before it in the same block,
//     with no other assignment of the result variables between them (b,
//     err := json.Marshal(v) after res, err := authSvc.Validate(...)
//     leaves a later if err != nil deciding nothing of the check); declare such a check with
//     -missingauthwrapper.trusted "example.com/internal/authz.Verify" or
//     "(example.com/auth/proto.AuthService).Validate", and the message
//     says so when a service has wrappers but none is recognised;
//   - a cache of verified tokens is read in one handler: one filled by a
//     function it calls, or shared by two wrappers, is a bypass, even
//     when each fills it after a check; whether its entries expire, or a
//     token revoked after it was cached still passes, is not judged;
//   - the implicit registrations of v6 (agents, the MCP, A2A and API
//     gateways) and the web service's net/http handlers, which have no
//     handler wrappers; the plugin module wrapper/auth of v4, whose API
//     could not be checked, counts only through -trusted.
//
// It reports some registrations that serve nothing as if they served:
// go-micro's servers also refuse a value of a type without a name
// (struct{ Orders }{}), and one whose exported methods all lack a
// handler's signature (ctx, req, rsp) error; a nil pointer held in a
// variable makes NewHandler panic.
//
// Code that never runs installs no wrapper: a micro.WrapHandler (or
// server.WrapHandler, micro.Auth) applied, appended to options or returned
// by an option helper in the body of an if statement whose whole
// condition is a constant false, or in the else branch of one whose
// condition is a constant true, does not reach the service, which is then
// reported (if authEnabled {...} with const authEnabled = false). A
// constant counts only when declared in a file of the package that no
// build constraint selects (no //go:build line, no _GOOS or _GOARCH file
// name suffix, no import "C") and that is not a test file, and when its
// value does not depend on the word size (^uint(0)) or on another
// package's constants. Only a whole if condition is read: a condition
// constant only in part (authEnabled && strict), the code after an early
// return under such an if (if !authEnabled { return nil } followed by the
// wrapper's return), and the cases of a switch on a constant are taken to
// run, so wrappers given there still count. A handler registered in code
// that never runs is still judged.
//
// Subscribers are not handlers for this rule; unsignedpublish reports
// subscribers that never verify their messages.
package missingauthwrapper
