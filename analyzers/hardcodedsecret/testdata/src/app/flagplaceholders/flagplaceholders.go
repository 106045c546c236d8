// Package flagplaceholders is analysed with -placeholders=staging-only,acme-sandbox.
package flagplaceholders

import "go-micro.dev/v4/auth"

var opts = []auth.Option{
	auth.Credentials("svc", "key-STAGING-ONLY-1234"), // ok: a configured placeholder, in any case
	auth.Credentials("svc", "acme-sandbox-5678"),     // ok: the second configured placeholder
	auth.Credentials("svc", "fp-fixture-secret-9"),   // want `secret "fp-f…" \(19 chars\) hard-coded in auth.Credentials secret`
}
