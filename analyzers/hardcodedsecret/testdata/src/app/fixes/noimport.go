// Package fixes checks the suggested fixes: os.Getenv of a variable named
// after where the secret goes.
package fixes

import "go-micro.dev/v4/auth"

var opt = auth.Credentials("svc", "fix-fixture-secret-1") // want `secret "fix-…" \(20 chars\) hard-coded in auth.Credentials secret`
