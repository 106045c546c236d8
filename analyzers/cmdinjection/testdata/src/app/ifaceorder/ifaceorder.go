// Package ifaceorder calls a store through an interface after an earlier
// handler calls a logger through another: the order of the handlers must
// not decide whether the store's shell command is seen.
package ifaceorder

import (
	"context"
	"os/exec"

	"app/execer"
	"app/prof"
	"app/rt"
	"app/shstore"
	"go-micro.dev/v4"
)

type Req struct{ Name string }
type Rsp struct{}

type Logger interface{ Log(s string) }

type stdLogger struct{}

func (stdLogger) Log(s string) {}

type Store interface {
	Run(ctx context.Context, q string) error
}

type shStore struct{}

func (*shStore) Run(ctx context.Context, q string) error { // want Run:`sink\(exec@exec.CommandContext`
	return exec.CommandContext(ctx, "sh", "-c", q).Run()
}

type H struct {
	l Logger
	s Store
}

func (h *H) A(ctx context.Context, r *Req, w *Rsp) error {
	h.l.Log("hello")
	return nil
}

func (h *H) B(ctx context.Context, r *Req, w *Rsp) error {
	return h.s.Run(ctx, "ls "+r.Name) // want `shell script run by sh -c that \(\*ifaceorder.shStore\).Run passes to exec.CommandContext \(ifaceorder/ifaceorder.go:\d+\) comes from external input \(r.Name\)`
}

// Recur reaches itself through the interface: its own sink is still seen
// by a later caller.
type Recur interface {
	Again(ctx context.Context, q string, n int) error
}

type recur struct{ r Recur }

func (x *recur) Again(ctx context.Context, q string, n int) error { // want Again:`sink\(exec@exec.CommandContext`
	if n > 0 {
		return x.r.Again(ctx, q, n-1)
	}
	return exec.CommandContext(ctx, "sh", "-c", q).Run()
}

type R struct{ r Recur }

func (h *R) C(ctx context.Context, r *Req, w *Rsp) error {
	return h.r.Again(ctx, "ls "+r.Name, 1) // want `shell script run by sh -c that \(\*ifaceorder.recur\).Again passes to exec.CommandContext \(ifaceorder/ifaceorder.go:\d+\) comes from external input \(r.Name\)`
}

// Execer is implemented by shstore.Shell, which does not import this
// package: an interface the caller declares reaches its imports' methods.
type Execer interface {
	Exec(ctx context.Context, q string) error
}

// P holds a profile; rt.Runtime has the same method, but neither package
// knows the other, so a call of the profile is not taken to run it.
type P struct {
	x Execer
	p prof.Profile
}

func (h *P) D(ctx context.Context, r *Req, w *Rsp) error {
	return h.x.Exec(ctx, "ls "+r.Name) // want `shell script run by sh -c that \(\*shstore.Shell\).Exec passes to exec.CommandContext \(shstore/shstore.go:13\) comes from external input \(r.Name\)`
}

func (h *P) E(ctx context.Context, r *Req, w *Rsp) error {
	return h.p.Start(r.Name)
}

var _ = rt.Runtime{}

// ExecCloser is declared here and embeds an interface of another package
// that shstore does not import either: the call through it still reaches
// shstore.Shell.
type ExecCloser interface {
	execer.Execer
	Close() error
}

type Q struct{ x ExecCloser }

func (h *Q) F(ctx context.Context, r *Req, w *Rsp) error {
	return h.x.Exec(ctx, "ls "+r.Name) // want `shell script run by sh -c that \(\*shstore.Shell\).Exec passes to exec.CommandContext \(shstore/shstore.go:13\) comes from external input \(r.Name\)`
}

func Register(svc micro.Service) error {
	if err := micro.RegisterHandler(svc.Server(), &Q{x: &shstore.Shell{}}); err != nil {
		return err
	}
	if err := micro.RegisterHandler(svc.Server(), &P{x: &shstore.Shell{}}); err != nil {
		return err
	}
	if err := micro.RegisterHandler(svc.Server(), &R{r: &recur{}}); err != nil {
		return err
	}
	return micro.RegisterHandler(svc.Server(), &H{l: stdLogger{}, s: &shStore{}})
}
