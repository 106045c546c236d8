package buildsmain

import (
	"app/builds"
	"go-micro.dev/v4"
)

func Register(svc micro.Service) error {
	return micro.RegisterHandler(svc.Server(), new(builds.Builds)) // want `shell script run by sh -c that handler \(\*builds.Builds\).Run passes to exec.Command \(builds/builds.go:17\) comes from external input \(req.Script\)` `program name that handler \(\*builds.Builds\).Run passes to exec.Command \(builds/builds.go:18\) comes from external input \(req.Program\)` `shell script run by sh -c that handler \(\*builds.Builds\).Again passes to exec.Command \(builds/builds.go:24\) comes from external input \(req.Script\)`
}
