// Package severity has a secret in a regular file and one in a test file;
// the test file's is reported at note level.
package severity

import "go-micro.dev/v4/auth"

var opt = auth.Credentials("svc", "sev-fixture-secret-1") // want `secret "sev-…" \(20 chars\) hard-coded in auth.Credentials secret`
