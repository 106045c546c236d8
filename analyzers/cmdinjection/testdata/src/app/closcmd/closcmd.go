// Package closcmd declares go-micro handlers that run commands inside
// function literals built from their request; package closcmdmain
// registers them, and the findings are reported there.
package closcmd

import (
	"context"
	"errors"
	"os/exec"
)

type Request struct{ Host, Dir, Branch string }

type Response struct{ Out []byte }

type Jobs struct{}

func attempt(fn func() error) error { return fn() }

// Ping runs the script in a retry callback.
func (j *Jobs) Ping(ctx context.Context, req *Request, rsp *Response) error {
	return attempt(func() error {
		return exec.CommandContext(ctx, "sh", "-c", "ping -c 1 "+req.Host).Run()
	})
}

// List calls the literal where it makes it.
func (j *Jobs) List(ctx context.Context, req *Request, rsp *Response) error {
	var err error
	func() {
		rsp.Out, err = exec.Command("sh", "-c", "ls "+req.Dir).Output()
	}()
	return err
}

// Fetch and Clean run it in a goroutine and when they return.
func (j *Jobs) Fetch(ctx context.Context, req *Request, rsp *Response) error {
	go func() { _ = exec.Command("sh", "-c", "git fetch origin "+req.Branch).Run() }()
	return nil
}

func (j *Jobs) Clean(ctx context.Context, req *Request, rsp *Response) error {
	defer func() { _ = exec.Command("sh", "-c", "rm -rf /tmp/"+req.Dir).Run() }()
	return nil
}

// Nested runs it two literals deep, and Stored later than it makes it.
func (j *Jobs) Nested(ctx context.Context, req *Request, rsp *Response) error {
	return attempt(func() error {
		return attempt(func() error {
			return exec.Command("sh", "-c", "du -sh "+req.Dir).Run()
		})
	})
}

func (j *Jobs) Stored(ctx context.Context, req *Request, rsp *Response) error {
	run := func() error { return exec.Command("git", "checkout", req.Branch).Run() }
	if req.Host == "" {
		return errors.New("no host")
	}
	return run()
}

// Helper passes the request to a function whose literal captures it.
func (j *Jobs) Helper(ctx context.Context, req *Request, rsp *Response) error {
	return archive(req.Dir)
}

func archive(dir string) error {
	return attempt(func() error {
		return exec.Command("sh", "-c", "tar czf /tmp/a.tgz "+dir).Run()
	})
}

// Twins that are not reported.

// Fixed captures a constant, and passes one to the helper.
func (j *Jobs) Fixed(ctx context.Context, req *Request, rsp *Response) error {
	dir := "/var/log"
	if err := archive("/srv/data"); err != nil {
		return err
	}
	return attempt(func() error { return exec.Command("sh", "-c", "ls "+dir).Run() })
}

var hosts = map[string]bool{"db1": true, "db2": true}

// Before checks the host against an allow list before the literal,
// Inside inside it.
func (j *Jobs) Before(ctx context.Context, req *Request, rsp *Response) error {
	if !hosts[req.Host] {
		return errors.New("unknown host")
	}
	return attempt(func() error {
		return exec.Command("sh", "-c", "ping -c 1 "+req.Host).Run()
	})
}

func (j *Jobs) Inside(ctx context.Context, req *Request, rsp *Response) error {
	return attempt(func() error {
		if !hosts[req.Host] {
			return errors.New("unknown host")
		}
		return exec.Command("sh", "-c", "ping -c 1 "+req.Host).Run()
	})
}

// Args passes the request as an argument after "--", never parsed.
func (j *Jobs) Args(ctx context.Context, req *Request, rsp *Response) error {
	return attempt(func() error {
		if req.Dir == "" {
			return errors.New("no dir")
		}
		return exec.Command("ls", "--", req.Dir).Run()
	})
}
