package v4

import (
	"context"
	"errors"

	"go-micro.dev/v4"
	"go-micro.dev/v4/metadata"
	"go-micro.dev/v4/server"
)

// A wrapper may return a method value as its handler: the method's body
// is the handler's.

type checkedCall struct{ next server.HandlerFunc }

func (m checkedCall) handle(ctx context.Context, req server.Request, rsp interface{}) error { // want handle:"verifier"
	tok, ok := metadata.Get(ctx, "Authorization")
	if !ok {
		return errors.New("no token")
	}
	if _, err := verifier.Inspect(tok); err != nil {
		return errors.New("invalid token")
	}
	return m.next(ctx, req, rsp)
}

func methodValueAuth(next server.HandlerFunc) server.HandlerFunc { // want methodValueAuth:"authwrapper"
	return checkedCall{next}.handle
}

// Twins: a method that only logs, and one that fails open.

type loggedCall struct{ next server.HandlerFunc }

func (m *loggedCall) handle(ctx context.Context, req server.Request, rsp interface{}) error {
	println(req.Endpoint())
	return m.next(ctx, req, rsp)
}

func methodValueLog(next server.HandlerFunc) server.HandlerFunc {
	m := &loggedCall{next: next}
	return m.handle
}

type openCall struct{ next server.HandlerFunc }

func (m openCall) handle(ctx context.Context, req server.Request, rsp interface{}) error { // want handle:"verifier"
	tok, ok := metadata.Get(ctx, "Authorization")
	if !ok {
		return m.next(ctx, req, rsp)
	}
	if _, err := verifier.Inspect(tok); err != nil {
		return errors.New("invalid token")
	}
	return m.next(ctx, req, rsp)
}

func methodValueOpen(next server.HandlerFunc) server.HandlerFunc { // want methodValueOpen:"failsopen"
	return openCall{next}.handle
}

func methodValues() {
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(methodValueAuth)).Server(), new(Orders))
	l := micro.NewService(micro.Name("x"), micro.WrapHandler(methodValueLog))
	micro.RegisterHandler(l.Server(), new(Orders)) // want `handler Orders registered on service x whose handler wrappers \(methodValueLog\) do not authenticate`
	o := micro.NewService(micro.Name("x"), micro.WrapHandler(methodValueOpen))
	micro.RegisterHandler(o.Server(), new(Orders)) // want `wrapper methodValueOpen calls the handler without checking a credential when the credential is missing`
}
