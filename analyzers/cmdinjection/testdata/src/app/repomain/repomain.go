package repomain

import (
	"app/repohandler"
	"go-micro.dev/v4"
)

func Register(svc micro.Service) error {
	return micro.RegisterHandler(svc.Server(), new(repohandler.Repo)) // want `argument 4 of git that handler \(\*repohandler.Repo\).SyncUnchecked → gitjobs.Unchecked passes to exec.CommandContext \(gitjobs/gitjobs.go:20\) comes from external input \(req.Ref\)` `argument 4 of git that handler \(\*repohandler.Repo\).ResetUnchecked passes to exec.CommandContext \(repohandler/repohandler.go:42\) comes from external input \(req.Ref\)`
}
