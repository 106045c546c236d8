package closhmain

import (
	"app/closh"
	"go-micro.dev/v4"
)

func Register(svc micro.Service) error {
	return micro.RegisterHandler(svc.Server(), &closh.Items{}) // want `handler \(\*closh.Items\).Delete → a function literal in \(\*closh.Items\).Delete passes to \(\*sql.Tx\).ExecContext \(closh/closh.go:\d+\) is built from external input \(req.Name\)` `handler \(\*closh.Items\).Purge → a function literal in \(\*closh.Items\).Purge passes to \(\*gorm.DB\).Exec \(closh/closh.go:\d+\) is built from external input \(req.Name\)` `handler \(\*closh.Items\).Now → a function literal in \(\*closh.Items\).Now passes to \(\*sql.DB\).Exec \(closh/closh.go:\d+\) is built from external input \(req.Name\)` `handler \(\*closh.Items\).Background → a function literal in \(\*closh.Items\).Background passes to \(\*sql.DB\).Exec \(closh/closh.go:\d+\) is built from external input \(req.Sort\)` `handler \(\*closh.Items\).Deferred → a function literal in \(\*closh.Items\).Deferred passes to \(\*sql.DB\).Exec \(closh/closh.go:\d+\) is built from external input \(req.Name\)` `handler \(\*closh.Items\).Nested → a function literal in \(\*closh.Items\).Nested → a function literal in \(\*closh.Items\).Nested passes to \(\*sql.Tx\).Exec \(closh/closh.go:\d+\) is built from external input \(req.Name\)` `handler \(\*closh.Items\).Stored → a function literal in \(\*closh.Items\).Stored passes to \(\*sql.DB\).Exec \(closh/closh.go:\d+\) is built from external input \(req.Name\)` `handler \(\*closh.Items\).Helper → closh.deleteNamed → a function literal in closh.deleteNamed passes to \(\*sql.DB\).Exec \(closh/closh.go:\d+\) is built from external input \(req.Table\)` `handler \(\*closh.Items\).ResetBetween → a function literal in \(\*closh.Items\).ResetBetween passes to \(\*sql.DB\).Query \(closh/closh.go:\d+\) is built from external input`
}
