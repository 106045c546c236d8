// Package repohandler declares a handler that package repomain registers.
// Each command also takes a field of the handler, so its sink is judged
// at the registration: checks made on the way, by the handler or by the
// function it calls, count there.
package repohandler

import (
	"context"
	"errors"
	"os/exec"
	"strings"

	"app/gitjobs"
)

type Request struct{ Ref string }

type Response struct{}

type Repo struct{ Dir string }

// Sync passes the ref to a function that checks it.
func (h *Repo) Sync(ctx context.Context, req *Request, rsp *Response) error {
	return gitjobs.Checkout(ctx, h.Dir, req.Ref)
}

// SyncUnchecked passes it to one that does not.
func (h *Repo) SyncUnchecked(ctx context.Context, req *Request, rsp *Response) error {
	return gitjobs.Unchecked(ctx, h.Dir, req.Ref)
}

// Reset checks the ref itself.
func (h *Repo) Reset(ctx context.Context, req *Request, rsp *Response) error {
	if strings.HasPrefix(req.Ref, "-") {
		return errors.New("bad ref")
	}
	return exec.CommandContext(ctx, "git", "-C", h.Dir, "reset", req.Ref).Run()
}

// ResetUnchecked does not.
func (h *Repo) ResetUnchecked(ctx context.Context, req *Request, rsp *Response) error {
	return exec.CommandContext(ctx, "git", "-C", h.Dir, "reset", req.Ref).Run()
}
