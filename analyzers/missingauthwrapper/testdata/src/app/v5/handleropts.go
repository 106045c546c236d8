package v5

import (
	"errors"
	"os"

	"go-micro.dev/v5"
	"go-micro.dev/v5/auth"
	"go-micro.dev/v5/auth/jwt"
	"go-micro.dev/v5/server"
	wauth "go-micro.dev/v5/wrapper/auth"

	"app/authcfg"
)

// wrapper/auth.AuthHandler verifies the token only with its options' Auth
// (v5.30.0 wrapper/auth/server.go:61-81): a variable of HandlerOptions is
// judged by the literal it starts from and the values stored into its
// Auth field, directly or through a pointer to it.

func jwtProvider() auth.Auth { return jwt.NewAuth() }

func handlerOptionVars() {
	// Auth set after the literal.
	later := wauth.HandlerOptions{SkipEndpoints: []string{"Health.Check"}}
	later.Auth = jwtProvider()
	s1 := micro.NewService(micro.Name("ho.later"), micro.WrapHandler(wauth.AuthHandler(later)))
	s1.Handle(new(Orders))

	// A declared variable whose Auth is never set.
	var bare wauth.HandlerOptions
	bare.SkipEndpoints = []string{"Health.Check"}
	s2 := micro.NewService(micro.Name("ho.bare"), micro.WrapHandler(wauth.AuthHandler(bare)))
	s2.Handle(new(Orders)) // want `whose handler wrappers \(wauth.AuthHandler without an auth provider\) do not authenticate`

	// A declared variable given a provider.
	var given wauth.HandlerOptions
	given.Auth = jwt.NewAuth()
	s3 := micro.NewService(micro.Name("ho.given"), micro.WrapHandler(wauth.AuthHandler(given)))
	s3.Handle(new(Orders))

	// Auth set to the no-op auth, or to nil, after the literal.
	noop := wauth.HandlerOptions{Rules: jwt.NewRules()}
	noop.Auth = auth.NewAuth()
	s4 := micro.NewService(micro.Name("ho.noop"), micro.WrapHandler(wauth.AuthHandler(noop)))
	s4.Handle(new(Orders)) // want `wauth.AuthHandler without an auth provider`
	cleared := wauth.HandlerOptions{Rules: jwt.NewRules()}
	cleared.Auth = nil
	s5 := micro.NewService(micro.Name("ho.cleared"), micro.WrapHandler(wauth.AuthHandler(cleared)))
	s5.Handle(new(Orders)) // want `wauth.AuthHandler without an auth provider`

	// Through a pointer to the variable.
	viaPtr := wauth.HandlerOptions{}
	p := &viaPtr
	p.Auth = jwt.NewAuth()
	s6 := micro.NewService(micro.Name("ho.ptr"), micro.WrapHandler(wauth.AuthHandler(viaPtr)))
	s6.Handle(new(Orders))
	ptrSkips := wauth.HandlerOptions{}
	q := &ptrSkips
	q.SkipEndpoints = []string{"Health.Check"}
	s7 := micro.NewService(micro.Name("ho.ptrskips"), micro.WrapHandler(wauth.AuthHandler(ptrSkips)))
	s7.Handle(new(Orders)) // want `wauth.AuthHandler without an auth provider`
	var whole wauth.HandlerOptions
	r := &whole
	*r = wauth.HandlerOptions{Auth: jwt.NewAuth()}
	s8 := micro.NewService(micro.Name("ho.whole"), micro.WrapHandler(wauth.AuthHandler(whole)))
	s8.Handle(new(Orders))

	// Assigned a whole literal later.
	var reassigned wauth.HandlerOptions
	reassigned = wauth.HandlerOptions{SkipEndpoints: []string{"Health.Check"}}
	s9 := micro.NewService(micro.Name("ho.reassigned"), micro.WrapHandler(wauth.AuthHandler(reassigned)))
	s9.Handle(new(Orders)) // want `wauth.AuthHandler without an auth provider`

	// A copy is a variable of its own.
	orig := wauth.HandlerOptions{SkipEndpoints: []string{"Health.Check"}}
	var copied = orig
	copied.Auth = jwt.NewAuth()
	s10 := micro.NewService(micro.Name("ho.orig"), micro.WrapHandler(wauth.AuthHandler(orig)))
	s10.Handle(new(Orders)) // want `wauth.AuthHandler without an auth provider`
	s11 := micro.NewService(micro.Name("ho.copied"), micro.WrapHandler(wauth.AuthHandler(copied)))
	s11.Handle(new(Orders))

	// A store in code that never runs gives nothing.
	var never wauth.HandlerOptions
	if false {
		never.Auth = jwt.NewAuth()
	}
	s12 := micro.NewService(micro.Name("ho.never"), micro.WrapHandler(wauth.AuthHandler(never)))
	s12.Handle(new(Orders)) // want `wauth.AuthHandler without an auth provider`
}

// configure sets the options it is given.
func configure(o *wauth.HandlerOptions) { o.Auth = jwt.NewAuth() }

func loadProvider() (auth.Auth, error) {
	if os.Getenv("AUTH_PUBLIC_KEY") == "" {
		return nil, errors.New("no key")
	}
	return jwt.NewAuth(), nil
}

// What the rule cannot follow gets the benefit: the variable's address
// given to a call, a store in a function literal, a multi-value
// assignment, a pointer passed on.
func handlerOptionEscapes() {
	var passed wauth.HandlerOptions
	configure(&passed)
	s1 := micro.NewService(micro.Name("ho.passed"), micro.WrapHandler(wauth.AuthHandler(passed)))
	s1.Handle(new(Orders))

	var closure wauth.HandlerOptions
	setup := func() { closure.Auth = jwt.NewAuth() }
	setup()
	s2 := micro.NewService(micro.Name("ho.closure"), micro.WrapHandler(wauth.AuthHandler(closure)))
	s2.Handle(new(Orders))

	var multi wauth.HandlerOptions
	var err error
	multi.Auth, err = loadProvider()
	if err != nil {
		return
	}
	s3 := micro.NewService(micro.Name("ho.multi"), micro.WrapHandler(wauth.AuthHandler(multi)))
	s3.Handle(new(Orders))

	var paren wauth.HandlerOptions
	configure(&(paren))
	s5 := micro.NewService(micro.Name("ho.paren"), micro.WrapHandler(wauth.AuthHandler(paren)))
	s5.Handle(new(Orders))

	var handed wauth.HandlerOptions
	h := &handed
	configure(h)
	s4 := micro.NewService(micro.Name("ho.handed"), micro.WrapHandler(wauth.AuthHandler(handed)))
	s4.Handle(new(Orders))
}

// A package variable set in init.
var pkgOpts = wauth.HandlerOptions{SkipEndpoints: []string{"Health.Check"}}

func init() { pkgOpts.Auth = jwt.NewAuth() }

var pkgBare wauth.HandlerOptions

func init() { pkgBare.SkipEndpoints = []string{"Health.Check"} }

func handlerOptionPackageVars() {
	s1 := micro.NewService(micro.Name("ho.pkg"), micro.WrapHandler(wauth.AuthHandler(pkgOpts)))
	s1.Handle(new(Orders))
	s2 := micro.NewService(micro.Name("ho.pkgbare"), micro.WrapHandler(wauth.AuthHandler(pkgBare)))
	s2.Handle(new(Orders)) // want `wauth.AuthHandler without an auth provider`
}

// Options returned by a function: one of this package is read, one of
// another package is known by its fact.
func skipHealth() wauth.HandlerOptions {
	return wauth.HandlerOptions{SkipEndpoints: []string{"Health.Check"}}
}

func withJWT() wauth.HandlerOptions {
	opts := skipHealth()
	opts.Auth = jwt.NewAuth()
	return opts
}

func optsWith(a auth.Auth) wauth.HandlerOptions { return wauth.HandlerOptions{Auth: a} }

func handlerOptionHelpers(a auth.Auth) {
	s1 := micro.NewService(micro.Name("ho.skiphealth"), micro.WrapHandler(wauth.AuthHandler(skipHealth())))
	s1.Handle(new(Orders)) // want `wauth.AuthHandler without an auth provider`
	s2 := micro.NewService(micro.Name("ho.withjwt"), micro.WrapHandler(wauth.AuthHandler(withJWT())))
	s2.Handle(new(Orders))
	s3 := micro.NewService(micro.Name("ho.optswith"), micro.WrapHandler(wauth.AuthHandler(optsWith(a))))
	s3.Handle(new(Orders))
	s4 := micro.NewService(micro.Name("ho.optsnoop"), micro.WrapHandler(wauth.AuthHandler(optsWith(auth.NewAuth()))))
	s4.Handle(new(Orders)) // want `wauth.AuthHandler without an auth provider`

	s5 := micro.NewService(micro.Name("ho.cfgnone"), micro.WrapHandler(wauth.AuthHandler(authcfg.NoProvider())))
	s5.Handle(new(Orders)) // want `wauth.AuthHandler without an auth provider`
	s6 := micro.NewService(micro.Name("ho.cfgnoop"), micro.WrapHandler(wauth.AuthHandler(authcfg.NoopProvider())))
	s6.Handle(new(Orders)) // want `wauth.AuthHandler without an auth provider`
	s7 := micro.NewService(micro.Name("ho.cfgwith"), micro.WrapHandler(wauth.AuthHandler(authcfg.WithProvider())))
	s7.Handle(new(Orders))
	s8 := micro.NewService(micro.Name("ho.cfgparam"), micro.WrapHandler(wauth.AuthHandler(authcfg.With(authcfg.Provider()))))
	s8.Handle(new(Orders))
}

// AuthHandler takes its options by value: a store that runs after the call
// does not reach the wrapper it built. A store in a loop around the call,
// or in another function, may run before it.
func handlerOptionsStoreOrder(n int) {
	late := wauth.HandlerOptions{}
	w := wauth.AuthHandler(late)
	late.Auth = jwt.NewAuth()
	s1 := micro.NewService(micro.Name("ho.late"), micro.WrapHandler(w))
	s1.Handle(new(Orders)) // want `handler wrappers \(w\) do not authenticate`

	var lateWhole wauth.HandlerOptions
	w2 := wauth.AuthHandler(lateWhole)
	lateWhole = wauth.HandlerOptions{Auth: jwt.NewAuth()}
	s2 := micro.NewService(micro.Name("ho.latewhole"), micro.WrapHandler(w2))
	s2.Handle(new(Orders)) // want `handler wrappers \(w2\) do not authenticate`

	early := wauth.HandlerOptions{}
	early.Auth = jwt.NewAuth()
	w3 := wauth.AuthHandler(early)
	early.Auth = nil
	s3 := micro.NewService(micro.Name("ho.early"), micro.WrapHandler(w3))
	s3.Handle(new(Orders))

	var looped wauth.HandlerOptions
	var w4 server.HandlerWrapper
	for i := 0; i < n; i++ {
		w4 = wauth.AuthHandler(looped)
		looped.Auth = jwt.NewAuth()
	}
	s4 := micro.NewService(micro.Name("ho.looped"), micro.WrapHandler(w4))
	s4.Handle(new(Orders))

	// A closure built before the store runs after it.
	var closed wauth.HandlerOptions
	build := func() server.HandlerWrapper { return wauth.AuthHandler(closed) }
	closed.Auth = jwt.NewAuth()
	s5 := micro.NewService(micro.Name("ho.closed"), micro.WrapHandler(build()))
	s5.Handle(new(Orders))
}

var pkgLate = wauth.HandlerOptions{SkipEndpoints: []string{"Health.Check"}}

func handlerOptionsPackageLate() {
	w := wauth.AuthHandler(pkgLate)
	pkgLate.Auth = jwt.NewAuth()
	s := micro.NewService(micro.Name("ho.pkglate"), micro.WrapHandler(w))
	s.Handle(new(Orders)) // want `handler wrappers \(w\) do not authenticate`
}

// Every return of the helper copies the options as they are then.
func returnedEarly() wauth.HandlerOptions {
	o := wauth.HandlerOptions{}
	return o
	o.Auth = jwt.NewAuth()
	return o
}

func handlerOptionsReturnOrder() {
	s := micro.NewService(micro.Name("ho.retearly"), micro.WrapHandler(wauth.AuthHandler(returnedEarly())))
	s.Handle(new(Orders)) // want `wauth.AuthHandler without an auth provider`
}

// A helper whose provider is a parameter is judged by what the call gives
// it; one whose returns depend on a parameter, by the returns the
// call's constant arguments let run.
func optsFor(name string) wauth.HandlerOptions {
	o := wauth.HandlerOptions{}
	if name == "public" || name == "health" {
		return o
	}
	o.Auth = jwt.NewAuth()
	return o
}

func handlerOptionsHelperArgs(a auth.Auth, name string) {
	s1 := micro.NewService(micro.Name("ho.optsnil"), micro.WrapHandler(wauth.AuthHandler(optsWith(nil))))
	s1.Handle(new(Orders)) // want `wauth.AuthHandler without an auth provider`
	s2 := micro.NewService(micro.Name("ho.optsjwt"), micro.WrapHandler(wauth.AuthHandler(optsWith(jwt.NewAuth()))))
	s2.Handle(new(Orders))
	s3 := micro.NewService(micro.Name("ho.cfgnil"), micro.WrapHandler(wauth.AuthHandler(authcfg.With(nil))))
	s3.Handle(new(Orders)) // want `wauth.AuthHandler without an auth provider`
	s4 := micro.NewService(micro.Name("ho.cfgnoopparam"), micro.WrapHandler(wauth.AuthHandler(authcfg.With(auth.NewAuth()))))
	s4.Handle(new(Orders)) // want `wauth.AuthHandler without an auth provider`
	s5 := micro.NewService(micro.Name("ho.cfga"), micro.WrapHandler(wauth.AuthHandler(authcfg.With(a))))
	s5.Handle(new(Orders))
	s6 := micro.NewService(micro.Name("ho.cfgeither"), micro.WrapHandler(wauth.AuthHandler(authcfg.Either(nil, jwt.NewAuth()))))
	s6.Handle(new(Orders))

	s7 := micro.NewService(micro.Name("ho.forpublic"), micro.WrapHandler(wauth.AuthHandler(optsFor("public"))))
	s7.Handle(new(Orders)) // want `wauth.AuthHandler without an auth provider`
	s8 := micro.NewService(micro.Name("ho.fororders"), micro.WrapHandler(wauth.AuthHandler(optsFor("orders"))))
	s8.Handle(new(Orders))
	s9 := micro.NewService(micro.Name("ho.forname"), micro.WrapHandler(wauth.AuthHandler(optsFor(name))))
	s9.Handle(new(Orders))
}

// A parameter the helper assigns is not bound to what the call gives it:
// a nil provider replaced, a name changed before it is tested.
func withDefault(a auth.Auth) wauth.HandlerOptions {
	if a == nil {
		a = jwt.NewAuth()
	}
	return wauth.HandlerOptions{Auth: a}
}

func optsReassign(name string) wauth.HandlerOptions {
	o := wauth.HandlerOptions{}
	name = "x" + name
	if name == "public" {
		return o
	}
	o.Auth = jwt.NewAuth()
	return o
}

func optsIncr(n int) wauth.HandlerOptions {
	o := wauth.HandlerOptions{}
	n++
	if n == 0 {
		return o
	}
	o.Auth = jwt.NewAuth()
	return o
}

func optsUnset(a auth.Auth) wauth.HandlerOptions {
	if a != nil {
		return wauth.HandlerOptions{Auth: a}
	}
	return wauth.HandlerOptions{}
}

func handlerOptionsAssignedParams() {
	s1 := micro.NewService(micro.Name("ho.defaultnil"), micro.WrapHandler(wauth.AuthHandler(withDefault(nil))))
	s1.Handle(new(Orders))
	s2 := micro.NewService(micro.Name("ho.reassign"), micro.WrapHandler(wauth.AuthHandler(optsReassign("public"))))
	s2.Handle(new(Orders))
	s3 := micro.NewService(micro.Name("ho.incr"), micro.WrapHandler(wauth.AuthHandler(optsIncr(0))))
	s3.Handle(new(Orders))
	s4 := micro.NewService(micro.Name("ho.cfgdefaulted"), micro.WrapHandler(wauth.AuthHandler(authcfg.Defaulted(nil))))
	s4.Handle(new(Orders))
	s5 := micro.NewService(micro.Name("ho.cfgordefault"), micro.WrapHandler(wauth.AuthHandler(authcfg.OrDefault(nil))))
	s5.Handle(new(Orders))
	s6 := micro.NewService(micro.Name("ho.cfgloaded"), micro.WrapHandler(wauth.AuthHandler(authcfg.Loaded(auth.NewAuth()))))
	s6.Handle(new(Orders))
	s7 := micro.NewService(micro.Name("ho.cfgfilled"), micro.WrapHandler(wauth.AuthHandler(authcfg.Filled(nil))))
	s7.Handle(new(Orders))

	// Look-alikes: a parameter only read stays bound to the call.
	s8 := micro.NewService(micro.Name("ho.unset"), micro.WrapHandler(wauth.AuthHandler(optsUnset(nil))))
	s8.Handle(new(Orders)) // want `wauth.AuthHandler without an auth provider`
	s9 := micro.NewService(micro.Name("ho.forhealth"), micro.WrapHandler(wauth.AuthHandler(optsFor("health"))))
	s9.Handle(new(Orders)) // want `wauth.AuthHandler without an auth provider`
}
