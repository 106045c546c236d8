// Package builds declares a handler that package buildsmain registers: its
// findings are reported there, one for each command its request reaches.
package builds

import (
	"context"
	"os/exec"
)

type Request struct{ Script, Program, Name string }

type Response struct{}

type Builds struct{}

func (b *Builds) Run(ctx context.Context, req *Request, rsp *Response) error {
	exec.Command("sh", "-c", "make "+req.Script).Run()
	exec.Command(req.Program).Run()
	exec.Command("make", "--", req.Name).Run()
	return nil
}

func (b *Builds) Again(ctx context.Context, req *Request, rsp *Response) error {
	return exec.Command("sh", "-c", "make "+req.Script).Run()
}
