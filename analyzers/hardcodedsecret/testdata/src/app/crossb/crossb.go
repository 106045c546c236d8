// Package crossb uses constants of crossa as go-micro credentials.
package crossb

import (
	"app/crossa"

	"go-micro.dev/v4/auth"
)

var opts = []auth.Option{
	auth.Credentials("svc", crossa.Secret),  // ok: reported in crossa
	auth.Credentials("svc", crossa.Neutral), // want `secret "cros…" \(21 chars\) hard-coded in auth.Credentials secret`
}
