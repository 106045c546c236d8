// Package notests is analysed with -tests=false: only its regular file
// is reported.
package notests

import "go-micro.dev/v4/auth"

var opt = auth.Credentials("svc", "nt-fixture-secret-1") // want `secret "nt-f…" \(19 chars\) hard-coded in auth.Credentials secret`
