package notests

import (
	"testing"

	"go-micro.dev/v4/auth"
)

func TestCredentials(t *testing.T) {
	_ = auth.Credentials("svc", "nt-fixture-secret-2") // ok: test files are dropped
}
