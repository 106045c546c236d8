// Package signbroker runs its services on a signing broker wrapper:
// micro.Broker hands the broker to the service's client (v4 options.go:
// 81-87), whose Publish publishes through it (client/rpc_client.go:714),
// so events and client publishes of such a service are signed. Every
// service of the package that shares go-micro's default client is given
// a signing broker only.
package signbroker

import (
	"context"
	"os"

	"app/signing"

	"go-micro.dev/v4"
	"go-micro.dev/v4/broker"
	"go-micro.dev/v4/client"
)

type Order struct{ ID string }

// A service whose broker option is a signing broker, given in the
// constructor, inline or through a variable, or by svc.Init after it.
func signedService(ctx context.Context) {
	b := signing.WrapBroker(broker.NewBroker())
	svc := micro.NewService(micro.Name("q2"), micro.Broker(b))
	_ = micro.NewEvent("orders.created", svc.Client()).Publish(ctx, &Order{})
	_ = svc.Client().Publish(ctx, svc.Client().NewMessage("orders.created", &Order{}))
	cl := svc.Client()
	_ = cl.Publish(ctx, cl.NewMessage("orders.created", &Order{}))

	inline := micro.NewService(micro.Name("q2"), micro.Broker(signing.WrapBroker(broker.NewBroker())))
	_ = micro.NewEvent("orders.created", inline.Client()).Publish(ctx, &Order{})

	later := micro.NewService(micro.Name("q2"))
	later.Init(micro.Broker(signing.WrapAudit(broker.NewBroker(), broker.NewBroker())))
	_ = micro.NewEvent("orders.created", later.Client()).Publish(ctx, &Order{})

	var typed broker.Broker = &signing.SigningBroker{Broker: broker.NewBroker()}
	concrete := micro.NewService(micro.Name("q2"), micro.Broker(typed))
	_ = micro.NewEvent("orders.created", concrete.Client()).Publish(ctx, &Order{})
}

// A signing broker given to the service's client itself, or to a client
// micro.Client installs, before or after it.
func signedClient(ctx context.Context) {
	svc := micro.NewService(micro.Name("q2"))
	svc.Client().Init(client.Broker(signing.WrapBroker(broker.NewBroker())))
	_ = micro.NewEvent("orders.created", svc.Client()).Publish(ctx, &Order{})

	own := micro.NewService(micro.Name("q2"), micro.Client(client.NewClient(client.Broker(signing.WrapBroker(broker.NewBroker())))))
	_ = micro.NewEvent("orders.created", own.Client()).Publish(ctx, &Order{})

	first := micro.NewService(micro.Name("q2"), micro.Client(client.NewClient()), micro.Broker(signing.WrapBroker(broker.NewBroker())))
	_ = micro.NewEvent("orders.created", first.Client()).Publish(ctx, &Order{})
}

// client.Broker given to a client's constructor or to its Init after it.
func clientBroker(ctx context.Context) {
	cl := client.NewClient(client.Broker(signing.WrapBroker(broker.NewBroker())))
	_ = micro.NewEvent("orders.created", cl).Publish(ctx, &Order{})
	_ = cl.Publish(ctx, cl.NewMessage("orders.created", &Order{}))

	inited := client.NewClient()
	inited.Init(client.Broker(signing.WrapBroker(broker.NewBroker())))
	_ = micro.NewEvent("orders.created", inited).Publish(ctx, &Order{})

	plain := client.NewClient(client.Broker(broker.NewBroker()))
	_ = micro.NewEvent("orders.created", plain).Publish(ctx, &Order{}) // want `event publish to topic "orders.created" carries no message signature`

	logging := client.NewClient(client.Broker(signing.WrapLogging(broker.NewBroker())))
	_ = logging.Publish(ctx, logging.NewMessage("orders.created", &Order{})) // want `publish to topic "orders.created" carries no message signature`

	relinked := client.NewClient(client.Broker(signing.WrapBroker(broker.NewBroker())))
	relinked.Init(client.Broker(broker.NewBroker()))
	_ = micro.NewEvent("orders.created", relinked).Publish(ctx, &Order{}) // want `event publish to topic "orders.created" carries no message signature`

	maybe := client.NewClient()
	if os.Getenv("SIGN") != "" {
		maybe.Init(client.Broker(signing.WrapBroker(broker.NewBroker())))
	}
	_ = micro.NewEvent("orders.created", maybe).Publish(ctx, &Order{}) // want `event publish to topic "orders.created" carries no message signature`

	tee := client.NewClient(client.Broker(signing.WrapTee(broker.NewBroker(), broker.NewBroker())))
	_ = micro.NewEvent("orders.created", tee).Publish(ctx, &Order{}) // want `event publish to topic "orders.created" carries no message signature`
}

// A client micro.Client installs after the signing broker keeps its own
// broker; a signing broker given on some paths only leaves go-micro's
// default HTTP broker on the others.
func lost(ctx context.Context) {
	replaced := micro.NewService(micro.Name("q2"), micro.Broker(signing.WrapBroker(broker.NewBroker())), micro.Client(client.NewClient()))
	_ = micro.NewEvent("orders.created", replaced.Client()).Publish(ctx, &Order{}) // want `event publish to topic "orders.created" carries no message signature; its signing micro.Broker comes before micro.Client`

	reinit := micro.NewService(micro.Name("q2"), micro.Broker(signing.WrapBroker(broker.NewBroker())))
	reinit.Init(micro.Client(client.NewClient()))
	_ = reinit.Client().Publish(ctx, reinit.Client().NewMessage("orders.created", &Order{})) // want `publish to topic "orders.created" carries no message signature; its signing micro.Broker comes before micro.Client`

	opts := []micro.Option{micro.Name("q2")}
	if os.Getenv("SIGN") != "" {
		opts = append(opts, micro.Broker(signing.WrapBroker(broker.NewBroker())))
	}
	branch := micro.NewService(opts...)
	_ = micro.NewEvent("orders.created", branch.Client()).Publish(ctx, &Order{}) // want `event publish to topic "orders.created" carries no message signature`
}

// go-micro's default client given a signing broker, as every service of
// the package sharing it gives it.
func defaultClient(ctx context.Context) {
	client.DefaultClient = client.NewClient(client.Broker(signing.WrapBroker(broker.NewBroker())))
	_ = client.Publish(ctx, client.NewMessage("orders.created", &Order{}))
}

// The broker a service or client holds, published on directly: a
// signing one, or one a later micro.Broker or client.Broker replaces, or
// one given on some paths only.
func optionsBroker(body []byte) {
	svc := micro.NewService(micro.Name("q3"), micro.Broker(signing.WrapBroker(broker.NewBroker())))
	_ = svc.Options().Broker.Publish("orders.created", &broker.Message{Body: body})
	_ = svc.Client().Options().Broker.Publish("orders.created", &broker.Message{Body: body})
	cl := client.NewClient(client.Broker(signing.WrapBroker(broker.NewBroker())))
	_ = cl.Options().Broker.Publish("orders.created", &broker.Message{Body: body})

	bare := micro.NewService(micro.Name("q3"))
	_ = bare.Options().Broker.Publish("orders.created", &broker.Message{Body: body}) // want `broker publish to topic "orders.created" carries no message signature`

	relinked := client.NewClient(client.Broker(signing.WrapBroker(broker.NewBroker())))
	relinked.Init(client.Broker(broker.NewBroker()))
	_ = relinked.Options().Broker.Publish("orders.created", &broker.Message{Body: body}) // want `broker publish to topic "orders.created" carries no message signature`

	maybe := micro.NewService(micro.Name("q3"))
	if os.Getenv("SIGN") != "" {
		maybe.Init(micro.Broker(signing.WrapBroker(broker.NewBroker())))
	}
	_ = maybe.Options().Broker.Publish("orders.created", &broker.Message{Body: body}) // want `broker publish to topic "orders.created" carries no message signature`
}

// A non-signing broker lost to a later micro.Client gives no hint.
func lostPlain(ctx context.Context) {
	unsigned := micro.NewService(micro.Name("q2"), micro.Broker(signing.WrapLogging(broker.NewBroker())), micro.Client(client.NewClient()))
	_ = micro.NewEvent("orders.created", unsigned.Client()).Publish(ctx, &Order{}) // want `event publish to topic "orders.created" carries no message signature; add a signature`
}

// Brokers whose Publish gives the message a header literal with the
// signature sign; one that signs a copy, or drops the signature, does not.
func headerLiterals(ctx context.Context, body []byte) {
	lit := micro.NewService(micro.Name("q4"), micro.Broker(signing.WrapLit(broker.NewBroker())))
	_ = micro.NewEvent("orders.created", lit.Client()).Publish(ctx, &Order{})
	var val broker.Broker = signing.ValLitBroker{Broker: broker.NewBroker()}
	_ = val.Publish("orders.created", &broker.Message{Body: body})
	resign := client.NewClient(client.Broker(signing.WrapResign(broker.NewBroker())))
	_ = micro.NewEvent("orders.created", resign).Publish(ctx, &Order{})

	plain := client.NewClient(client.Broker(signing.WrapHeaderLit(broker.NewBroker())))
	_ = micro.NewEvent("orders.created", plain).Publish(ctx, &Order{}) // want `event publish to topic "orders.created" carries no message signature`
	dropped := client.NewClient(client.Broker(signing.WrapDrop(broker.NewBroker())))
	_ = micro.NewEvent("orders.created", dropped).Publish(ctx, &Order{}) // want `event publish to topic "orders.created" carries no message signature`
	copied := client.NewClient(client.Broker(signing.WrapCopy(broker.NewBroker())))
	_ = micro.NewEvent("orders.created", copied).Publish(ctx, &Order{}) // want `event publish to topic "orders.created" carries no message signature`
	var cp broker.Broker = &signing.CopyBroker{Broker: broker.NewBroker()}
	_ = cp.Publish("orders.created", &broker.Message{Body: body}) // want `broker publish to topic "orders.created" carries no message signature`
}

// A broker whose Publish publishes a new message built with the signed
// header, or a header map variable holding it, signs; one that publishes
// the original too does not. A client wrapper signs only when every
// publish of its Publish is given the signed context.
func signedCopies(ctx context.Context) {
	litCopy := client.NewClient(client.Broker(signing.WrapLitCopy(broker.NewBroker())))
	_ = micro.NewEvent("orders.created", litCopy).Publish(ctx, &Order{})
	swap := client.NewClient(client.Broker(signing.WrapSwap(broker.NewBroker())))
	_ = micro.NewEvent("orders.created", swap).Publish(ctx, &Order{})
	headerVar := client.NewClient(client.Broker(signing.WrapHeaderVar(broker.NewBroker())))
	_ = micro.NewEvent("orders.created", headerVar).Publish(ctx, &Order{})
	derived := client.NewClient(client.Wrap(signing.NewDerivedCtxWrapper()))
	_ = micro.NewEvent("orders.created", derived).Publish(ctx, &Order{})

	unused := client.NewClient(client.Broker(signing.WrapLitCopyUnused(broker.NewBroker())))
	_ = micro.NewEvent("orders.created", unused).Publish(ctx, &Order{}) // want `event publish to topic "orders.created" carries no message signature`
	audit := client.NewClient(client.Broker(signing.WrapLitAudit(broker.NewBroker())))
	_ = micro.NewEvent("orders.created", audit).Publish(ctx, &Order{}) // want `event publish to topic "orders.created" carries no message signature`
	plainVar := client.NewClient(client.Broker(signing.WrapPlainVar(broker.NewBroker())))
	_ = micro.NewEvent("orders.created", plainVar).Publish(ctx, &Order{}) // want `event publish to topic "orders.created" carries no message signature`
	copyCtx := client.NewClient(client.Wrap(signing.NewCopyCtxWrapper()))
	_ = micro.NewEvent("orders.created", copyCtx).Publish(ctx, &Order{}) // want `event publish to topic "orders.created" carries no message signature`
	auditCtx := client.NewClient(client.Wrap(signing.NewAuditCtxWrapper()))
	_ = micro.NewEvent("orders.created", auditCtx).Publish(ctx, &Order{}) // want `event publish to topic "orders.created" carries no message signature`
}
