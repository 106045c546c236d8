package ordersmain

import (
	"app/orders"
	"app/ordersproto"
	_ "github.com/lib/pq"
	"go-micro.dev/v4"
)

func Register(svc micro.Service) error {
	return micro.RegisterHandler(svc.Server(), &orders.Orders{}) // want `handler \(\*orders.Orders\).One passes to \(\*sql.DB\).Exec \(orders/orders.go:17\) is built from external input \(req.A\)` `handler \(\*orders.Orders\).One passes to \(\*sql.DB\).Exec \(orders/orders.go:18\) is built from external input \(req.B\); pass values as arguments with \$1, \$2 placeholders` `handler \(\*orders.Orders\).Two passes to \(\*sql.DB\).Exec \(orders/orders.go:24\) is built from external input \(req.A\)`
}

// RegisterOne registers through the generated interface, which has only
// One: Two cannot be called over RPC, and its sink is not reported.
func RegisterOne(svc micro.Service) error {
	return ordersproto.RegisterOrdersHandler(svc.Server(), &orders.Orders{}) // want `handler \(\*orders.Orders\).One passes to \(\*sql.DB\).Exec \(orders/orders.go:17\)` `handler \(\*orders.Orders\).One passes to \(\*sql.DB\).Exec \(orders/orders.go:18\)`
}

// Subscribe registers a subscriber function declared in package orders.
func Subscribe(svc micro.Service) error {
	return micro.RegisterSubscriber("orders.events", svc.Server(), orders.OnEvent) // want `query text that subscriber orders.OnEvent passes to \(\*sql.DB\).Exec \(orders/orders.go:36\) is built from external input \(ev.ID\)`
}
