// Package jobs implements a generated handler interface and is registered
// by another package: the request of Run is external input all the same.
package jobs

import (
	"context"
	"os/exec"

	"app/proto"
)

type Jobs struct{}

func (j *Jobs) Run(ctx context.Context, req *proto.RunRequest, rsp *proto.RunResponse) error {
	out, err := exec.CommandContext(ctx, "sh", "-c", req.Script).Output() // want `shell script run by sh -c passed to exec.CommandContext comes from external input \(req.Script\)`
	rsp.Out = out
	exec.CommandContext(ctx, "sh", "-c", "echo done").Run()
	return err
}

// Stop has the handler's shape but is no method of JobsHandler.
func (j *Jobs) Stop(ctx context.Context, req *proto.RunRequest, rsp *proto.RunResponse) error { // want Stop:`sink\(exec@exec.CommandContext`
	return exec.CommandContext(ctx, "sh", "-c", req.Script).Run()
}
