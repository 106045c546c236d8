// Package genericlib declares handlers, one on a generic type, that
// another package registers.
package genericlib

import (
	"context"
	"os/exec"
)

type Req struct{ Script string }
type Rsp struct{}

type Jobs[T any] struct{}

func (j *Jobs[T]) Run(ctx context.Context, req *Req, rsp *Rsp) error {
	return exec.Command("sh", "-c", req.Script).Run()
}

type Plain struct{}

func (j *Plain) Run(ctx context.Context, req *Req, rsp *Rsp) error {
	return exec.Command("sh", "-c", req.Script).Run()
}
