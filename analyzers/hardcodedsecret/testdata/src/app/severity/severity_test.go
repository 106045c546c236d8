package severity

import (
	"testing"

	"go-micro.dev/v4/auth"
)

func TestCredentials(t *testing.T) {
	_ = auth.Credentials("svc", "sev-fixture-secret-2") // want `secret "sev-…" \(20 chars\) hard-coded in auth.Credentials secret`
}
