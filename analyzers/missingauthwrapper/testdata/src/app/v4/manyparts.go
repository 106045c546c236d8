package v4

import (
	"context"
	"errors"

	"go-micro.dev/v4"
	"go-micro.dev/v4/metadata"
	"go-micro.dev/v4/server"
)

// A condition of many parts, each with two ways through it, has a number
// of paths exponential in its parts; the rule follows each part once per
// state (a re-tester's 24 parts took 13 s before). The wrapper checks
// its credential on every path to the handler.

func manyParts(next server.HandlerFunc) server.HandlerFunc { // want manyParts:"authwrapper"
	return func(ctx context.Context, req server.Request, rsp interface{}) error {
		v0, _ := metadata.Get(ctx, "X-H0")
		v1, _ := metadata.Get(ctx, "X-H1")
		v2, _ := metadata.Get(ctx, "X-H2")
		v3, _ := metadata.Get(ctx, "X-H3")
		v4, _ := metadata.Get(ctx, "X-H4")
		v5, _ := metadata.Get(ctx, "X-H5")
		v6, _ := metadata.Get(ctx, "X-H6")
		v7, _ := metadata.Get(ctx, "X-H7")
		v8, _ := metadata.Get(ctx, "X-H8")
		v9, _ := metadata.Get(ctx, "X-H9")
		v10, _ := metadata.Get(ctx, "X-H10")
		v11, _ := metadata.Get(ctx, "X-H11")
		v12, _ := metadata.Get(ctx, "X-H12")
		v13, _ := metadata.Get(ctx, "X-H13")
		v14, _ := metadata.Get(ctx, "X-H14")
		v15, _ := metadata.Get(ctx, "X-H15")
		v16, _ := metadata.Get(ctx, "X-H16")
		v17, _ := metadata.Get(ctx, "X-H17")
		v18, _ := metadata.Get(ctx, "X-H18")
		v19, _ := metadata.Get(ctx, "X-H19")
		v20, _ := metadata.Get(ctx, "X-H20")
		v21, _ := metadata.Get(ctx, "X-H21")
		v22, _ := metadata.Get(ctx, "X-H22")
		v23, _ := metadata.Get(ctx, "X-H23")
		v24, _ := metadata.Get(ctx, "X-H24")
		v25, _ := metadata.Get(ctx, "X-H25")
		v26, _ := metadata.Get(ctx, "X-H26")
		v27, _ := metadata.Get(ctx, "X-H27")
		v28, _ := metadata.Get(ctx, "X-H28")
		v29, _ := metadata.Get(ctx, "X-H29")
		if (v0 == "a" || v0 == "b") &&
			(v1 == "a" || v1 == "b") &&
			(v2 == "a" || v2 == "b") &&
			(v3 == "a" || v3 == "b") &&
			(v4 == "a" || v4 == "b") &&
			(v5 == "a" || v5 == "b") &&
			(v6 == "a" || v6 == "b") &&
			(v7 == "a" || v7 == "b") &&
			(v8 == "a" || v8 == "b") &&
			(v9 == "a" || v9 == "b") &&
			(v10 == "a" || v10 == "b") &&
			(v11 == "a" || v11 == "b") &&
			(v12 == "a" || v12 == "b") &&
			(v13 == "a" || v13 == "b") &&
			(v14 == "a" || v14 == "b") &&
			(v15 == "a" || v15 == "b") &&
			(v16 == "a" || v16 == "b") &&
			(v17 == "a" || v17 == "b") &&
			(v18 == "a" || v18 == "b") &&
			(v19 == "a" || v19 == "b") &&
			(v20 == "a" || v20 == "b") &&
			(v21 == "a" || v21 == "b") &&
			(v22 == "a" || v22 == "b") &&
			(v23 == "a" || v23 == "b") &&
			(v24 == "a" || v24 == "b") &&
			(v25 == "a" || v25 == "b") &&
			(v26 == "a" || v26 == "b") &&
			(v27 == "a" || v27 == "b") &&
			(v28 == "a" || v28 == "b") &&
			(v29 == "a" || v29 == "b") {
			return errors.New("bad headers")
		}
		v, ok := metadata.Get(ctx, "Authorization")
		if !ok || v != apiToken {
			return errors.New("unauthorized")
		}
		return next(ctx, req, rsp)
	}
}

func manyPartsService() {
	micro.RegisterHandler(micro.NewService(micro.WrapHandler(manyParts)).Server(), new(Orders))
}
