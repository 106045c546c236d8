// Package generic registers handlers whose types are instantiations of
// generic types: SSA builds their methods once, for the generic type, and
// the request of each is external input as a non-generic handler's is.
package generic

import (
	"context"
	"os/exec"

	"app/genericlib"
	"go-micro.dev/v4"
	"go-micro.dev/v4/server"
)

type Req struct{ Cmd, Dir string }
type Rsp struct{}

type G[T any] struct{}

func (h *G[T]) Call(ctx context.Context, req *Req, rsp *Rsp) error {
	exec.Command("sh", "-c", "ls").Run()
	return exec.Command("sh", "-c", req.Cmd).Run() // want `shell script run by sh -c passed to exec.Command comes from external input \(req.Cmd\)`
}

// N is G's non-generic twin.
type N struct{}

func (h *N) Call(ctx context.Context, req *Req, rsp *Rsp) error {
	exec.Command("sh", "-c", "ls").Run()
	return exec.Command("sh", "-c", req.Cmd).Run() // want `shell script run by sh -c passed to exec.Command comes from external input \(req.Cmd\)`
}

// Two has two type parameters and is given to server.NewHandler.
type Two[K comparable, V any] struct{}

func (h Two[K, V]) List(ctx context.Context, req *Req, rsp *Rsp) error {
	return exec.Command("bash", "-c", "ls "+req.Dir).Run() // want `shell script run by bash -c passed to exec.Command comes from external input \(req.Dir\)`
}

// Msg is the message of the subscribers Consume and ConsumePlain.
type Msg struct{ Host string }

func Consume[T any](ctx context.Context, m *Msg) error {
	return exec.Command("sh", "-c", "ping "+m.Host).Run() // want `shell script run by sh -c passed to exec.Command comes from external input \(m.Host\)`
}

func ConsumePlain(ctx context.Context, m *Msg) error {
	return exec.Command("sh", "-c", "ping "+m.Host).Run() // want `shell script run by sh -c passed to exec.Command comes from external input \(m.Host\)`
}

func Register(svc micro.Service, s server.Server) {
	micro.RegisterHandler(svc.Server(), &G[int]{})
	micro.RegisterHandler(svc.Server(), &N{})
	s.Handle(s.NewHandler(Two[string, int]{}))
	micro.RegisterSubscriber("t", svc.Server(), Consume[int])
	micro.RegisterSubscriber("t", svc.Server(), ConsumePlain)
	micro.RegisterHandler(svc.Server(), &genericlib.Jobs[int]{}) // want `shell script run by sh -c that handler \(\*genericlib.Jobs\[T\]\).Run passes to exec.Command \(genericlib/genericlib.go:16\) comes from external input \(req.Script\)`
	micro.RegisterHandler(svc.Server(), &genericlib.Plain{})     // want `shell script run by sh -c that handler \(\*genericlib.Plain\).Run passes to exec.Command \(genericlib/genericlib.go:22\) comes from external input \(req.Script\)`
}
