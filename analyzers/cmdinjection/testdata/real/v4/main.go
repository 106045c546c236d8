// Command realv4 is a go-micro.dev/v4 service whose handler runs a shell
// built from its request, type-checked against the real module.
package main

import (
	"context"
	"os/exec"

	"go-micro.dev/v4"
	"go-micro.dev/v4/metadata"
	"go-micro.dev/v4/runtime"
)

type Request struct{ Host, Branch string }

type Response struct{ Out []byte }

type Ops struct{}

func (o *Ops) Ping(ctx context.Context, req *Request, rsp *Response) error {
	out, err := shell(ctx, "ping -c 1 "+req.Host) // want `shell script run by sh -c that main.shell passes to exec.CommandContext \(cmdinjectionv4/main.go:\d+\) comes from external input \(req.Host\)`
	rsp.Out = out
	return err
}

func (o *Ops) Uptime(ctx context.Context, req *Request, rsp *Response) error {
	out, err := shell(ctx, "uptime")
	rsp.Out = out
	return err
}

func (o *Ops) Deploy(ctx context.Context, req *Request, rsp *Response) error {
	_ = runtime.WithArgs("--branch", req.Branch) // want `arguments passed to runtime.WithArgs come from external input \(req.Branch\)`
	_ = runtime.WithArgs("--branch", "main")
	return nil
}

// The caller's metadata is external input.
func (o *Ops) Clone(ctx context.Context, req *Request, rsp *Response) error {
	repo, _ := metadata.Get(ctx, "Repo")
	md, _ := metadata.FromContext(ctx)
	exec.CommandContext(ctx, "git", "clone", "--", repo).Run()
	exec.CommandContext(ctx, "git", "clone", "--branch="+md["Branch"], "--", repo).Run()
	exec.CommandContext(ctx, "git", "clone", md["Repo"]).Run() // want `argument 2 of git passed to exec.CommandContext comes from external input \(metadata.FromContext\(...\)\)`
	_, err := shell(ctx, "git clone "+repo)                    // want `shell script run by sh -c that main.shell passes to exec.CommandContext \(cmdinjectionv4/main.go:\d+\) comes from external input \(metadata.Get\(...\)\)`
	return err
}

func shell(ctx context.Context, script string) ([]byte, error) {
	return exec.CommandContext(ctx, "/bin/sh", "-c", script).Output()
}

func main() {
	svc := micro.NewService(micro.Name("ops"))
	if err := micro.RegisterHandler(svc.Server(), new(Ops)); err != nil {
		panic(err)
	}
	_ = svc.Run()
}
