// Package opts returns option sets for services built elsewhere.
package opts

import (
	"app/authmw"

	"go-micro.dev/v4"
)

// Secure installs an authenticating wrapper.
func Secure(cfg *authmw.Config) []micro.Option { // want Secure:"authoptions"
	return []micro.Option{micro.Name("x"), micro.WrapHandler(cfg.Middleware().Wrapper)}
}

// Observability installs only logging.
func Observability() micro.Option { // want Observability:`options\(authmw.Logging\)`
	return micro.WrapHandler(authmw.Logging())
}
