// Package proto has the shape of protoc-gen-micro's output for a Jobs
// service.
package proto

import (
	"context"

	"go-micro.dev/v4/server"
)

type RunRequest struct{ Script, Name string }
type RunResponse struct{ Out []byte }

type JobsHandler interface {
	Run(context.Context, *RunRequest, *RunResponse) error
}

func RegisterJobsHandler(s server.Server, hdlr JobsHandler, opts ...server.HandlerOption) error {
	return s.Handle(s.NewHandler(hdlr, opts...))
}
