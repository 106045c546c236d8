// Package genericv5 registers a handler of a generic type with go-micro
// v5, beside its non-generic twin.
package genericv5

import (
	"context"
	"os/exec"

	"go-micro.dev/v5"
)

type Req struct{ Cmd string }
type Rsp struct{}

type Svc[T any] struct{}

func (s *Svc[T]) Handle(ctx context.Context, req *Req, rsp *Rsp) error {
	exec.Command("sh", "-c", "uptime").Run()
	return exec.Command("sh", "-c", req.Cmd).Run() // want `shell script run by sh -c passed to exec.Command comes from external input \(req.Cmd\)`
}

type Plain struct{}

func (s *Plain) Handle(ctx context.Context, req *Req, rsp *Rsp) error {
	exec.Command("sh", "-c", "uptime").Run()
	return exec.Command("sh", "-c", req.Cmd).Run() // want `shell script run by sh -c passed to exec.Command comes from external input \(req.Cmd\)`
}

func Start() {
	svc := micro.NewService()
	micro.RegisterHandler(svc.Server(), &Svc[string]{})
	micro.RegisterHandler(svc.Server(), &Plain{})
}
