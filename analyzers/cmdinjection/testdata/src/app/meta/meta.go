// Package meta runs commands built from go-micro metadata: the caller's
// transport headers, external input like the request.
package meta

import (
	"context"
	"os/exec"
	"strings"

	"go-micro.dev/v4"
	"go-micro.dev/v4/metadata"
	metadata5 "go-micro.dev/v5/metadata"
)

type Request struct{ Name string }
type Response struct{}

type Repos struct{}

func (r *Repos) Clone(ctx context.Context, req *Request, rsp *Response) error {
	md, _ := metadata.FromContext(ctx)
	exec.Command("git", "clone", md["Repo"]).Run() // want `argument 2 of git passed to exec.Command comes from external input \(metadata.FromContext\(...\)\)`
	exec.Command("git", "clone", "--", md["Repo"]).Run()
	v, _ := metadata.Get(ctx, "Repo")
	exec.Command("git", "clone", v).Run()          // want `argument 2 of git passed to exec.Command comes from external input \(metadata.Get\(...\)\)`
	exec.Command("sh", "-c", "git clone "+v).Run() // want `shell script run by sh -c passed to exec.Command comes from external input \(metadata.Get\(...\)\)`
	exec.Command("sh", "-c", `git clone -- "$1"`, "sh", v).Run()
	w, _ := md.Get("Repo")
	exec.Command("git", "clone", w).Run() // want `argument 2 of git passed to exec.Command comes from external input \(metadata.FromContext\(...\)\)`
	c := metadata.Copy(md)
	exec.Command("sh", "-c", "git clone "+c["Repo"]).Run() // want `shell script run by sh -c passed to exec.Command comes from external input \(metadata.FromContext\(...\)\)`
	if strings.HasPrefix(v, "-") {
		return nil
	}
	exec.Command("git", "clone", v).Run()
	return nil
}

// Metadata the program builds itself is no input.
func own(ctx context.Context) {
	md := metadata.Copy(metadata.Metadata{"Repo": "https://example.com/r.git"})
	exec.Command("git", "clone", md["Repo"]).Run()
}

type Event struct{ Name string }

func Register(svc micro.Service) {
	micro.RegisterHandler(svc.Server(), new(Repos))
	micro.RegisterSubscriber("repos", svc.Server(), func(ctx context.Context, ev *Event) error {
		v, _ := metadata.Get(ctx, "Repo")
		exec.Command("git", "clone", v).Run() // want `argument 2 of git passed to exec.Command comes from external input \(metadata.Get\(...\)\)`
		exec.Command("git", "clone", "--", v).Run()
		return nil
	})
}

// Go-micro v5's metadata is the same.
func V5(ctx context.Context) error {
	md, _ := metadata5.FromContext(ctx)
	v, _ := metadata5.Get(ctx, "Repo")
	exec.Command("git", "clone", md["Repo"]).Run() // want `argument 2 of git passed to exec.Command comes from external input \(metadata.FromContext\(...\)\)`
	return exec.Command("sh", "-c", "ls "+v).Run() // want `shell script run by sh -c passed to exec.Command comes from external input \(metadata.Get\(...\)\)`
}
