package closcmdmain

import (
	"app/closcmd"
	"go-micro.dev/v4"
)

func Register(svc micro.Service) {
	micro.RegisterHandler(svc.Server(), new(closcmd.Jobs)) // want `shell script run by sh -c that handler \(\*closcmd.Jobs\).Ping → a function literal in \(\*closcmd.Jobs\).Ping passes to exec.CommandContext \(closcmd/closcmd.go:\d+\) comes from external input \(req.Host\)` `shell script run by sh -c that handler \(\*closcmd.Jobs\).List → a function literal in \(\*closcmd.Jobs\).List passes to exec.Command \(closcmd/closcmd.go:\d+\) comes from external input \(req.Dir\)` `shell script run by sh -c that handler \(\*closcmd.Jobs\).Fetch → a function literal in \(\*closcmd.Jobs\).Fetch passes to exec.Command \(closcmd/closcmd.go:\d+\) comes from external input \(req.Branch\)` `shell script run by sh -c that handler \(\*closcmd.Jobs\).Clean → a function literal in \(\*closcmd.Jobs\).Clean passes to exec.Command \(closcmd/closcmd.go:\d+\) comes from external input \(req.Dir\)` `shell script run by sh -c that handler \(\*closcmd.Jobs\).Nested → a function literal in \(\*closcmd.Jobs\).Nested → a function literal in \(\*closcmd.Jobs\).Nested passes to exec.Command \(closcmd/closcmd.go:\d+\) comes from external input \(req.Dir\)` `argument 2 of git that handler \(\*closcmd.Jobs\).Stored → a function literal in \(\*closcmd.Jobs\).Stored passes to exec.Command \(closcmd/closcmd.go:\d+\) comes from external input \(req.Branch\)` `shell script run by sh -c that handler \(\*closcmd.Jobs\).Helper → closcmd.archive → a function literal in closcmd.archive passes to exec.Command \(closcmd/closcmd.go:\d+\) comes from external input \(req.Dir\)`
}
