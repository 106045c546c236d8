package v4

import (
	"context"
	"errors"
	"os"
	"strings"

	"go-micro.dev/v4"
	"go-micro.dev/v4/server"
)

// A map the wrapper fills only with the request's headers (here under
// lower-cased keys) holds what the caller sends, as req.Header() does.

func hdrCopy(next server.HandlerFunc) server.HandlerFunc { // want hdrCopy:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		hdr := make(map[string]string)
		for k, v := range req.Header() {
			hdr[strings.ToLower(k)] = v
		}
		if hdr["authorization"] != expected {
			return errors.New("bad token")
		}
		return next(ctx, req, rsp)
	}
}

// Twin: a map also given a value of the server's own is no copy of the
// headers; comparing its entry checks nothing the caller sent.

func hdrMixed(next server.HandlerFunc) server.HandlerFunc {
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		hdr := map[string]string{}
		for k, v := range req.Header() {
			hdr[strings.ToLower(k)] = v
		}
		hdr["authorization"] = os.Getenv("DEFAULT_TOKEN")
		if hdr["authorization"] != expected {
			return errors.New("bad token")
		}
		return next(ctx, req, rsp)
	}
}

func headerCopies() {
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(hdrCopy)).Server(), new(Orders))
	m := micro.NewService(micro.Name("x"), micro.WrapHandler(hdrMixed))
	micro.RegisterHandler(m.Server(), new(Orders)) // want `handler Orders registered on service x whose handler wrappers \(hdrMixed\) do not authenticate`
}
