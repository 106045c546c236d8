package v4

import (
	"context"
	"errors"
	"log"

	"app/authmw"
	"app/opts"
	"app/proto"

	"go-micro.dev/v4"
	"go-micro.dev/v4/auth"
	"go-micro.dev/v4/metadata"
	"go-micro.dev/v4/server"
)

type Orders struct{}

func (*Orders) Place(ctx context.Context, in *string, out *string) error { return nil }

type Health struct{}

func (*Health) Check(ctx context.Context, in *string, out *string) error { return nil }

// provider is set where the service starts; auth.NewAuth() would be the
// no-op auth, which accepts any token.
var provider auth.Auth

func authWrapper(next server.HandlerFunc) server.HandlerFunc { // want authWrapper:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, ok := metadata.Get(ctx, "Authorization")
		if !ok {
			return errors.New("no token")
		}
		if _, err := provider.Inspect(tok); err != nil {
			return err
		}
		return next(ctx, req, rsp)
	}
}

func logWrapper(next server.HandlerFunc) server.HandlerFunc {
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		log.Println(req.Endpoint())
		return next(ctx, req, rsp)
	}
}

func unguarded() {
	svc := micro.NewService(micro.Name("shop.orders"))
	micro.RegisterHandler(svc.Server(), new(Orders)) // want `handler Orders registered on service shop.orders with no authentication wrapper; add micro.WrapHandler\(yourAuthWrapper\)`
}

func guarded() {
	svc := micro.NewService(micro.Name("shop.orders"), micro.WrapHandler(authWrapper))
	micro.RegisterHandler(svc.Server(), new(Orders))
}

func logging() {
	svc := micro.NewService(micro.Name("shop.orders"), micro.WrapHandler(logWrapper))
	micro.RegisterHandler(svc.Server(), new(Orders)) // want `handler Orders registered on service shop.orders whose handler wrappers \(logWrapper\) do not authenticate`
}

func initAfter() {
	svc := micro.NewService(micro.Name("shop.init"))
	svc.Init(micro.WrapHandler(authWrapper))
	micro.RegisterHandler(svc.Server(), new(Orders))
}

func initAfterLogging() {
	svc := micro.NewService(micro.Name("shop.init"))
	svc.Init(micro.WrapHandler(logWrapper))
	micro.RegisterHandler(svc.Server(), new(Orders)) // want `handler Orders registered on service shop.init whose handler wrappers \(logWrapper\)`
}

func serverInit() {
	svc := micro.NewService()
	svc.Server().Init(server.WrapHandler(authWrapper))
	svc.Server().Handle(svc.Server().NewHandler(new(Orders)))
}

func serverInitNone() {
	svc := micro.NewService()
	svc.Server().Handle(svc.Server().NewHandler(new(Orders))) // want `handler Orders registered on a service with no authentication wrapper`
}

func generated() {
	svc := micro.NewService(micro.Name("gen"))
	proto.RegisterOrdersHandler(svc.Server(), new(Orders)) // want `handler Orders registered on service gen with no`
	proto.RegisterHealthHandler(svc.Server(), new(Health))
}

func generatedGuarded() {
	svc := micro.NewService(micro.Name("gen"), micro.WrapHandler(authmw.New(provider)))
	proto.RegisterOrdersHandler(svc.Server(), new(Orders))
}

func methodValue(cfg *authmw.Config) {
	svc := micro.NewService(micro.WrapHandler(cfg.Middleware().Wrapper))
	micro.RegisterHandler(svc.Server(), new(Orders))
}

func otherPackageLogging() {
	svc := micro.NewService(micro.WrapHandler(authmw.Logging()))
	micro.RegisterHandler(svc.Server(), new(Orders)) // want `whose handler wrappers \(authmw.Logging\) do not authenticate`
}

func inspectNoFail() {
	svc := micro.NewService(micro.WrapHandler(authmw.InspectOnly(provider)))
	micro.RegisterHandler(svc.Server(), new(Orders)) // want `whose handler wrappers \(authmw.InspectOnly\) do not authenticate`
}

func apiKeyVar() {
	svc := micro.NewService(micro.WrapHandler(authmw.APIKey))
	micro.RegisterHandler(svc.Server(), new(Orders))
}

func keyThroughHelpers() {
	svc := micro.NewService(micro.WrapHandler(authmw.ViaHelper))
	micro.RegisterHandler(svc.Server(), new(Orders))
}

func helperThatChecksNothing() {
	svc := micro.NewService(micro.WrapHandler(authmw.LabelOnly))
	micro.RegisterHandler(svc.Server(), new(Orders)) // want `whose handler wrappers \(authmw.LabelOnly\) do not authenticate`
}

func helperOptions(cfg *authmw.Config) {
	svc := micro.NewService(opts.Secure(cfg)...)
	micro.RegisterHandler(svc.Server(), new(Orders))
}

func helperOptionsLogging() {
	svc := micro.NewService(opts.Observability())
	micro.RegisterHandler(svc.Server(), new(Orders)) // want `whose handler wrappers \(authmw.Logging\) do not authenticate`
}

func newServer() {
	srv := server.NewServer(server.Name("inventory"), server.WrapHandler(authWrapper))
	srv.Handle(srv.NewHandler(new(Orders)))
}

func newServerBare() {
	srv := server.NewServer(server.Name("inventory"))
	h := srv.NewHandler(new(Orders))
	srv.Handle(h) // want `handler Orders registered on server inventory with no authentication wrapper; add server.WrapHandler\(yourAuthWrapper\)`
}

func serverIntoService() {
	srv := server.NewRPCServer(server.WrapHandler(logWrapper))
	svc := micro.NewService(micro.Server(srv), micro.WrapHandler(authWrapper))
	micro.RegisterHandler(svc.Server(), new(Orders))
	srv.Handle(srv.NewHandler(new(Orders)))
}

func handleOption() {
	micro.NewService(micro.Name("opt"), micro.Handle(new(Orders))) // want `handler Orders registered on service opt with no authentication wrapper`
	micro.NewService(micro.Name("opt"), micro.Handle(new(Orders)), micro.WrapHandler(authWrapper))
}

func registerAll(s server.Server) { // want registerAll:"registers"
	proto.RegisterOrdersHandler(s, new(Orders))
}

func viaHelper() {
	bare := micro.NewService(micro.Name("helper"))
	registerAll(bare.Server()) // want `a handler registered on service helper with no authentication wrapper`
	safe := micro.NewService(micro.Name("helper"), micro.WrapHandler(authWrapper))
	registerAll(safe.Server())
}

func fromParam(o ...micro.Option) {
	svc := micro.NewService(o...)
	micro.RegisterHandler(svc.Server(), new(Orders))
}

func literal() {
	svc := micro.NewService(micro.WrapHandler(func(next server.HandlerFunc) server.HandlerFunc {
		return func(ctx context.Context, req server.Request, rsp interface{}) error {
			if err := auth.Verify(nil, nil, &auth.Resource{Endpoint: req.Endpoint()}); err != nil {
				return err
			}
			return next(ctx, req, rsp)
		}
	}))
	micro.RegisterHandler(svc.Server(), new(Orders))
}

type application struct{ svc micro.Service }

type guardedApplication struct{ svc micro.Service }

// A service kept in a struct field set by a literal is the service the
// literal built.
func fieldLiteral() {
	a := &application{svc: micro.NewService(micro.Name("fielded"))}
	micro.RegisterHandler(a.svc.Server(), new(Orders)) // want `handler Orders registered on service fielded with no authentication wrapper`
	b := guardedApplication{micro.NewService(micro.Name("fielded.guarded"), micro.WrapHandler(authWrapper))}
	micro.RegisterHandler(b.svc.Server(), new(Orders))
}

// PatientHealth serves medical records: a name that ends in Health is not
// a health check.
type PatientHealth struct{}

func (*PatientHealth) Records(ctx context.Context, in *string, out *string) error { return nil }

func businessHealth() {
	svc := micro.NewService(micro.Name("clinic"))
	micro.RegisterHandler(svc.Server(), new(PatientHealth)) // want `handler PatientHealth registered on service clinic with no authentication wrapper`
	micro.RegisterHandler(svc.Server(), new(Health))
}

// micro.WrapHandler initialises the server the service holds when the
// option is applied: given before micro.Server, it wraps the server that
// option replaces.
func wrapperBeforeServer() {
	srv := server.NewServer(server.Name("replaced"))
	svc := micro.NewService(micro.Name("replaced"), micro.WrapHandler(authWrapper), micro.Server(srv))
	micro.RegisterHandler(svc.Server(), new(Orders)) // want `handler Orders registered on service replaced with no authentication wrapper: micro.WrapHandler\(authWrapper\) comes before micro.Server, which replaces the server it wraps; give micro.Server first`
	srv.Handle(srv.NewHandler(new(Orders)))          // want `handler Orders registered on server replaced with no authentication wrapper`
}

func wrapperAfterServer() {
	srv := server.NewServer(server.Name("kept"))
	svc := micro.NewService(micro.Name("kept"), micro.Server(srv), micro.WrapHandler(authWrapper))
	micro.RegisterHandler(svc.Server(), new(Orders))
	srv.Handle(srv.NewHandler(new(Orders)))
}

func wrapperInitAfterServer() {
	srv := server.NewServer(server.Name("late"))
	svc := micro.NewService(micro.Name("late"), micro.WrapHandler(authWrapper), micro.Server(srv))
	svc.Init(micro.WrapHandler(authWrapper))
	micro.RegisterHandler(svc.Server(), new(Orders))
}

func wrapperBetweenServers() {
	first := server.NewServer(server.Name("first"))
	second := server.NewServer(server.Name("second"))
	svc := micro.NewService(micro.Name("two"), micro.Server(first), micro.WrapHandler(authWrapper), micro.Server(second))
	micro.RegisterHandler(svc.Server(), new(Orders)) // want `handler Orders registered on service two with no authentication wrapper: micro.WrapHandler\(authWrapper\) comes before`
	first.Handle(first.NewHandler(new(Orders)))
	second.Handle(second.NewHandler(new(Orders))) // want `handler Orders registered on server second with no authentication wrapper`
}

// Options take effect in the order they are applied: a wrapper given
// through svc.Server().Init before a later svc.Init installs another
// server wraps the one replaced.
func wrapperInitBeforeServerInit() {
	svc := micro.NewService(micro.Name("swapped"))
	svc.Server().Init(server.WrapHandler(authWrapper))
	svc.Init(micro.Server(server.NewServer(server.Name("swapped"))))
	micro.RegisterHandler(svc.Server(), new(Orders)) // want `handler Orders registered on service swapped with no authentication wrapper: server.WrapHandler\(authWrapper\) comes before micro.Server`

	kept := micro.NewService(micro.Name("swapkept"))
	kept.Init(micro.Server(server.NewServer(server.Name("swapkept"))))
	kept.Server().Init(server.WrapHandler(authWrapper))
	micro.RegisterHandler(kept.Server(), new(Orders))
}

// micro.Server installing the server the service already holds replaces
// nothing: server.DefaultServer, which a v4 service starts with, or the
// server an earlier micro.Server option installed.
func sameServerAgain() {
	svc := micro.NewService(micro.Name("again"), micro.WrapHandler(authWrapper), micro.Server(server.DefaultServer))
	micro.RegisterHandler(svc.Server(), new(Orders))
	srv := server.NewServer(server.Name("twice"))
	svc2 := micro.NewService(micro.Name("twice"), micro.Server(srv), micro.WrapHandler(authWrapper), micro.Server(srv))
	micro.RegisterHandler(svc2.Server(), new(Orders))
	srv.Handle(srv.NewHandler(new(Orders)))
}

// A server the model cannot see may be the one the service holds.
func serverOfService() {
	svc := micro.NewService(micro.Name("self"), micro.WrapHandler(authWrapper))
	svc.Init(micro.Server(svc.Server()))
	micro.RegisterHandler(svc.Server(), new(Orders))
}
