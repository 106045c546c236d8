// Package stub mirrors the go-micro API shape documented in GOMICRO.md; bodies are placeholders.
package grpc

import "google.golang.org/grpc/credentials"

type DialOption interface{ apply() }

type ClientConn struct{}

type funcOption struct{}

func (funcOption) apply() {}

// Deprecated: use WithTransportCredentials and insecure.NewCredentials.
func WithInsecure() DialOption { return funcOption{} }

func WithTransportCredentials(c credentials.TransportCredentials) DialOption { return funcOption{} }

func Dial(target string, opts ...DialOption) (*ClientConn, error) { return nil, nil }

type ServerOption interface{ applyServer() }

type serverOption struct{}

func (serverOption) applyServer() {}

type Server struct{}

func NewServer(opt ...ServerOption) *Server { return &Server{} }

func Creds(c credentials.TransportCredentials) ServerOption { return serverOption{} }

func MaxRecvMsgSize(m int) ServerOption { return serverOption{} }
