package svc

import (
	"context"
	"errors"
	"os/exec"
	"strings"

	"app/tools"
	"go-micro.dev/v4"
)

type SearchRequest struct{ Pattern, Branch, Repo string }
type SearchResponse struct{ Out []byte }

type Search struct{}

func (s *Search) Grep(ctx context.Context, req *SearchRequest, rsp *SearchResponse) error {
	out, err := tools.Grep(req.Pattern, "/var/log/app.log") // want `shell script run by sh -c that tools.Grep passes to exec.Command \(tools/tools.go:\d+\) comes from external input \(req.Pattern\); pass values as separate arguments read as "\$1" or run the program without a shell`
	tools.Grep("error", "/var/log/app.log")
	tools.Checkout(req.Branch) // want `argument 2 of git that tools.Checkout passes to exec.Command \(tools/tools.go:\d+\) comes from external input \(req.Branch\); reject values that start with "-"`
	tools.Checkout("main")
	tools.Run(req.Repo) // want `program name that tools.Run passes to exec.Command \(tools/tools.go:\d+\) comes from external input \(req.Repo\); choose the program from a fixed set of constants`
	tools.Run("git", "fetch")
	rsp.Out = out
	return err
}

type PingRequest struct{ Host, Format string }

// Fields of the request checked on every path to the command.
func (s *Search) Ping(ctx context.Context, req *PingRequest, rsp *SearchResponse) error {
	if strings.HasPrefix(req.Host, "-") {
		return errors.New("bad host")
	}
	exec.CommandContext(ctx, "ping", "-c", "1", req.Host).Run()
	exec.CommandContext(ctx, "ping", "-c", "1", req.Format).Run()     // want `argument 3 of ping passed to exec.CommandContext comes from external input \(req.Format\)`
	exec.CommandContext(ctx, "sh", "-c", "ping -c 1 "+req.Host).Run() // want `shell script run by sh -c passed to exec.CommandContext comes from external input \(req.Host\)`
	return nil
}

func (s *Search) Convert(ctx context.Context, req *PingRequest, rsp *SearchResponse) error {
	if req.Format != "png" && req.Format != "jpg" {
		return errors.New("bad format")
	}
	exec.Command("sh", "-c", "convert in.bmp out."+req.Format).Run()
	req.Format = req.Host
	exec.Command("sh", "-c", "convert in.bmp out."+req.Format).Run() // want `shell script run by sh -c passed to exec.Command comes from external input \(req.Host\)`
	return nil
}

type Event struct{ Repo string }

func Register(svc micro.Service) {
	micro.RegisterHandler(svc.Server(), new(Search))
	micro.RegisterSubscriber("repos", svc.Server(), func(ctx context.Context, ev *Event) error {
		exec.Command("git", "clone", ev.Repo).Run() // want `argument 2 of git passed to exec.Command comes from external input \(ev.Repo\)`
		exec.Command("git", "clone", "--", ev.Repo).Run()
		return nil
	})
}

type HostRequest struct {
	Host   string
	Filter struct{ Col string }
}

// A write between the check's reading of the field and its branch.
func (s *Search) PingLate(ctx context.Context, req *HostRequest, rsp *SearchResponse) error {
	bad := strings.HasPrefix(req.Host, "-")
	if req.Filter.Col != "" {
		req.Host = req.Filter.Col
	}
	if bad {
		return errors.New("bad host")
	}
	exec.Command("ping", "-c", "1", req.Host).Run() // want `argument 3 of ping passed to exec.Command comes from external input \(req.Filter.Col\)`
	return nil
}

func (s *Search) PingEarly(ctx context.Context, req *HostRequest, rsp *SearchResponse) error {
	if req.Filter.Col != "" {
		req.Host = req.Filter.Col
	}
	bad := strings.HasPrefix(req.Host, "-")
	if bad {
		return errors.New("bad host")
	}
	exec.Command("ping", "-c", "1", req.Host).Run()
	return nil
}
