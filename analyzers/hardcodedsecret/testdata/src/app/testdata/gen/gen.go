// Package gen is under a testdata directory: its findings are notes.
package gen

import "go-micro.dev/v4/auth"

var opt = auth.Credentials("svc", "gen-fixture-secret-1") // want `secret "gen-…" \(20 chars\) hard-coded in auth.Credentials secret`
