// Package authpb stands for the code protoc-gen-micro generates for an
// auth service: a client whose Validate calls the service over RPC.
package authpb

import (
	"context"

	"go-micro.dev/v4/client"
)

type ValidateRequest struct{ Token string }

type ValidateResponse struct{ Valid bool }

type HealthResponse struct{ Up bool }

type AuthService interface {
	Validate(ctx context.Context, in *ValidateRequest, opts ...client.CallOption) (*ValidateResponse, error)
	CheckHealth(ctx context.Context, in *ValidateRequest, opts ...client.CallOption) (*HealthResponse, error)
	ValidateEmail(ctx context.Context, in *ValidateRequest, opts ...client.CallOption) (*ValidateResponse, error)
}

func NewAuthService(name string, c client.Client) AuthService { return nil }
