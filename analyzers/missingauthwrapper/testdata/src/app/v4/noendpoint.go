package v4

import (
	"context"

	"app/proto"

	"go-micro.dev/v4"
	"go-micro.dev/v4/server"
)

// quiet has no exported method: go-micro's servers refuse it ("has no
// exported methods of suitable type").
type quiet struct{}

func (quiet) place(ctx context.Context, in *string, out *string) error { return nil }

// Counter's only exported method is on its pointer: a Counter value has
// none, a *Counter one.
type Counter struct{}

func (*Counter) Add(ctx context.Context, in *string, out *string) error { return nil }

// noEndpoint registers values that serve no endpoint on an unguarded
// service: nil (NewHandler panics on it), a function, a value whose type
// has no exported method. What may serve requests is still reported: a
// handler in an interface, a pointer whose methods serve, nil given to a
// generated registrar (its wrapper type has the methods).
func noEndpoint(h interface{}, ph proto.OrdersHandler) {
	svc := micro.NewService(micro.Name("shop.none"))
	micro.RegisterHandler(svc.Server(), nil)
	micro.RegisterHandler(svc.Server(), func() {})
	micro.RegisterHandler(svc.Server(), quiet{})
	micro.RegisterHandler(svc.Server(), &quiet{})
	micro.RegisterHandler(svc.Server(), Counter{})
	svc.Server().Handle(svc.Server().NewHandler(nil))
	svc.Server().Handle(server.NewHandler(func(context.Context) error { return nil }))
	micro.RegisterHandler(svc.Server(), &Counter{})  // want `handler Counter registered on service shop.none with no authentication wrapper`
	micro.RegisterHandler(svc.Server(), h)           // want `a handler registered on service shop.none with no authentication wrapper`
	micro.RegisterHandler(svc.Server(), new(Orders)) // want `handler Orders registered on service shop.none with no authentication wrapper`
	svc.Server().Handle(svc.Server().NewHandler(h))  // want `a handler registered on service shop.none with no authentication wrapper`
	proto.RegisterOrdersHandler(svc.Server(), nil)   // want `handler Orders registered on service shop.none with no authentication wrapper`
	proto.RegisterOrdersHandler(svc.Server(), ph)    // want `handler Orders registered on service shop.none with no authentication wrapper`
	// go-micro refuses these too, but the rule does not tell (doc.go,
	// Limitations): a type without a name, a nil pointer in a variable.
	var none *Orders
	micro.RegisterHandler(svc.Server(), &struct{ Orders }{}) // want `a handler registered on service shop.none with no authentication wrapper`
	micro.RegisterHandler(svc.Server(), none)                // want `handler Orders registered on service shop.none with no authentication wrapper`
}
