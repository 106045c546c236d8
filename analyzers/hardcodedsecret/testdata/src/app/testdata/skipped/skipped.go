// Package skipped is under a testdata directory and is analysed only with
// -tests=false, which skips it.
package skipped

import "go-micro.dev/v4/auth"

var opt = auth.Credentials("svc", "skip-fixture-secret-1") // ok: dropped with -tests=false
