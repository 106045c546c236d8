package v4

import (
	"context"
	"errors"
	"os"
	"strings"

	"go-micro.dev/v4"
	"go-micro.dev/v4/server"
)

// req.Header() holds the transport headers go-micro also copies into the
// context metadata: its Authorization entry is the same credential.

var expected = "Bearer " + os.Getenv("SERVICE_TOKEN")

func headerToken(next server.HandlerFunc) server.HandlerFunc { // want headerToken:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		if req.Header()["Authorization"] != expected {
			return errors.New("bad token")
		}
		return next(ctx, req, rsp)
	}
}

func headerVar(next server.HandlerFunc) server.HandlerFunc { // want headerVar:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		hdr := req.Header()
		if tok := strings.TrimPrefix(hdr["Authorization"], "Bearer "); tok != apiToken {
			return errors.New("bad token")
		}
		return next(ctx, req, rsp)
	}
}

// The same rules as for metadata: presence, the scheme alone, another
// header the caller sends, or a header that is no credential check
// nothing.

func headerPresent(next server.HandlerFunc) server.HandlerFunc {
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		if req.Header()["Authorization"] == "" {
			return errors.New("no token")
		}
		return next(ctx, req, rsp)
	}
}

func headerScheme(next server.HandlerFunc) server.HandlerFunc {
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		if strings.Fields(req.Header()["Authorization"])[0] != "Bearer" {
			return errors.New("not a bearer token")
		}
		return next(ctx, req, rsp)
	}
}

func headerEchoed(next server.HandlerFunc) server.HandlerFunc {
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		hdr := req.Header()
		if hdr["Authorization"] != hdr["X-Echo"] {
			return errors.New("mismatch")
		}
		return next(ctx, req, rsp)
	}
}

func headerOther(next server.HandlerFunc) server.HandlerFunc {
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		if req.Header()["Content-Type"] != "application/json" {
			return errors.New("bad content type")
		}
		return next(ctx, req, rsp)
	}
}

func headers() {
	ok := micro.NewService(micro.Name("orders"), micro.WrapHandler(headerToken))
	micro.RegisterHandler(ok.Server(), new(Orders))
	okVar := micro.NewService(micro.Name("orders"), micro.WrapHandler(headerVar))
	micro.RegisterHandler(okVar.Server(), new(Orders))
	present := micro.NewService(micro.Name("orders"), micro.WrapHandler(headerPresent, headerScheme, headerEchoed, headerOther))
	micro.RegisterHandler(present.Server(), new(Orders)) // want `handler Orders registered on service orders whose handler wrappers \(headerPresent, headerScheme, headerEchoed, headerOther\) do not authenticate`
}
