// Package tokens checks tokens with the auth service through its
// generated client. It imports go-micro, so the rule learns from it: Parse
// is a verifier through a call the rule cannot see into, which its
// callers judge as they would that call.
package tokens

import (
	"context"
	"errors"

	"app/authpb"

	"go-micro.dev/v4/metadata"
)

var svc = authpb.NewAuthService("auth", nil)

type Claims struct{ Subject string }

// Parse asks the auth service whether tok is valid.
func Parse(ctx context.Context, tok string) (*Claims, error) { // want Parse:"verifier"
	res, err := svc.Validate(ctx, &authpb.ValidateRequest{Token: tok})
	if err != nil {
		return nil, err
	}
	if !res.Valid {
		return nil, errors.New("invalid token")
	}
	return &Claims{}, nil
}

// Record sends the token to the auth service for its statistics and
// reports nothing of it: no verifier.
func Record(ctx context.Context, tok string) error {
	svc.Validate(ctx, &authpb.ValidateRequest{Token: tok})
	return nil
}

// FromContext returns the token the caller sent.
func FromContext(ctx context.Context) string {
	tok, _ := metadata.Get(ctx, "Authorization")
	return tok
}
