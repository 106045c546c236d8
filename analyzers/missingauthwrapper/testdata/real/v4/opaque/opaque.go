// Package opaque checks tokens with functions the rule cannot see into.
package opaque

import (
	"context"
	"errors"

	"github.com/google/uuid"
	"go-micro.dev/v4"
	"go-micro.dev/v4/metadata"
	"go-micro.dev/v4/server"

	"example.com/missingauthwrapperv4/authz"
)

type Orders struct{}

func (*Orders) Call(ctx context.Context, in, out *string) error { return nil }

func (*Orders) Place(ctx context.Context, in *string, out *string) error { return nil }

// ownCheck asks a package of the module, given the key, and fails on its
// error.
func ownCheck(next server.HandlerFunc) server.HandlerFunc { // want ownCheck:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		key, _ := metadata.Get(ctx, "X-Api-Key")
		if err := authz.Verify(key); err != nil {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}

// libraryParse only parses the key with a library of another module,
// which checks its form, not who sent it.
func libraryParse(next server.HandlerFunc) server.HandlerFunc {
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		key, _ := metadata.Get(ctx, "X-Api-Key")
		if _, err := uuid.Parse(key); err != nil {
			return errors.New("malformed key")
		}
		return next(ctx, req, rsp)
	}
}

func register() {
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(ownCheck)).Server(), new(Orders))
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(libraryParse)).Server(), new(Orders)) // want `wrappers \(libraryParse\) do not authenticate`
}
