package v4

import (
	"context"
	"errors"
	"log"
	"strings"

	"app/authpb"
	"app/authz"
	"app/tokens"

	"github.com/golang-jwt/jwt/v5"

	"go-micro.dev/v4"
	"go-micro.dev/v4/metadata"
	"go-micro.dev/v4/server"
)

// Checks the rule cannot see into: a function of another package it has
// no fact for, a verifier of another package learnt to check through the
// auth service's client, and a helper of this package doing the same.
// Each is given the credential, and its result fails the request.

func viaAuthz(next server.HandlerFunc) server.HandlerFunc { // want viaAuthz:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		key, _ := metadata.Get(ctx, "X-Api-Key")
		if err := authz.Verify(key); err != nil {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}

func viaAuthzBool(next server.HandlerFunc) server.HandlerFunc { // want viaAuthzBool:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if authz.Valid(strings.TrimPrefix(tok, "Bearer ")) {
			return next(ctx, req, rsp)
		}
		return errors.New("unauthorized")
	}
}

func viaTokens(next server.HandlerFunc) server.HandlerFunc { // want viaTokens:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		claims, err := tokens.Parse(ctx, tok)
		if err != nil {
			return err
		}
		log.Println(claims.Subject)
		return next(ctx, req, rsp)
	}
}

// validate asks the auth service, and fails on its answer.
func validate(ctx context.Context, tok string) error { // want validate:"verifier"
	res, err := authSvc.Validate(ctx, &authpb.ValidateRequest{Token: tok})
	if err != nil {
		return err
	}
	if !res.Valid {
		return errors.New("invalid token")
	}
	return nil
}

func viaLocal(next server.HandlerFunc) server.HandlerFunc { // want viaLocal:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if err := validate(ctx, tok); err != nil {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}

// Twins: the token given to a call whose result decides nothing (ignored,
// only logged, reported by a helper that ignores it), a call whose result
// fails the request but that is not given the token, and a path that
// skips the call when no token is sent.

func remoteIgnored(next server.HandlerFunc) server.HandlerFunc {
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if tok == "" {
			return errors.New("no token")
		}
		authSvc.Validate(ctx, &authpb.ValidateRequest{Token: tok})
		return next(ctx, req, rsp)
	}
}

func remoteLogged(next server.HandlerFunc) server.HandlerFunc {
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if tok == "" {
			return errors.New("no token")
		}
		if res, err := authSvc.Validate(ctx, &authpb.ValidateRequest{Token: tok}); err != nil || !res.Valid {
			log.Println("invalid token", err)
		}
		return next(ctx, req, rsp)
	}
}

// record hands the token on and reports no failure of the check.
func record(ctx context.Context, tok string) error {
	authSvc.Validate(ctx, &authpb.ValidateRequest{Token: tok})
	return nil
}

func recorded(next server.HandlerFunc) server.HandlerFunc {
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if err := record(ctx, tok); err != nil {
			return err
		}
		if err := tokens.Record(ctx, tok); err != nil {
			return err
		}
		return next(ctx, req, rsp)
	}
}

func remoteNoToken(next server.HandlerFunc) server.HandlerFunc {
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if tok == "" {
			return errors.New("no token")
		}
		res, err := authSvc.Validate(ctx, &authpb.ValidateRequest{Token: req.Service()})
		if err != nil || !res.Valid {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}

func remoteOpen(next server.HandlerFunc) server.HandlerFunc { // want remoteOpen:"failsopen"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if tok == "" {
			return next(ctx, req, rsp)
		}
		if _, err := tokens.Parse(ctx, tok); err != nil {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}

func opaqueChecks() {
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(viaAuthz)).Server(), new(Orders))
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(viaAuthzBool)).Server(), new(Orders))
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(viaTokens)).Server(), new(Orders))
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(viaLocal)).Server(), new(Orders))
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(remoteIgnored)).Server(), new(Orders)) // want `wrappers \(remoteIgnored\) do not authenticate`
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(remoteLogged)).Server(), new(Orders))  // want `wrappers \(remoteLogged\) do not authenticate`
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(recorded)).Server(), new(Orders))      // want `wrappers \(recorded\) do not authenticate`
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(remoteNoToken)).Server(), new(Orders)) // want `wrappers \(remoteNoToken\) do not authenticate`
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(remoteOpen)).Server(), new(Orders))    // want `wrapper remoteOpen calls the handler without checking a credential when the credential is missing`
}

// unverifiedJWT decodes the token with a library whose checks the rule
// knows by name, without checking its signature: no check, though its
// error fails the request.
func unverifiedJWT(next server.HandlerFunc) server.HandlerFunc {
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		tok, _ := metadata.Get(ctx, "Authorization")
		if _, _, err := jwt.NewParser().ParseUnverified(tok, jwt.MapClaims{}); err != nil {
			return errors.New("malformed token")
		}
		return next(ctx, req, rsp)
	}
}

func unverified() {
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(unverifiedJWT)).Server(), new(Orders)) // want `wrappers \(unverifiedJWT\) do not authenticate`
}
