package fixes

import (
	"crypto/hmac"
	"crypto/sha256"
	"os"

	"go-micro.dev/v4/auth"
)

type Config struct{ Password string }

type Secret string

type Vault struct{ Token Secret }

const constPassword = "fix-fixture-pw-0002" // want `password "fix-…" \(19 chars\) hard-coded in constant constPassword` constPassword:"hard-coded password"

var (
	dbPassword = "fix-fixture-pw-0003"                        // want `password "fix-…" \(19 chars\) hard-coded in variable dbPassword`
	cfg        = Config{Password: "fix-fixture-pw-0004"}      // want `password "fix-…" \(19 chars\) hard-coded in field Password`
	vault      = Vault{Token: "fix-fixture-tok-0005"}         // want `token "fix-…" \(20 chars\) hard-coded in field Token`
	joined     = auth.WithSecret("fix-fixture-" + "secret-6") // want `secret "fix-…" \(20 chars\) hard-coded in auth.WithSecret`
	home       = os.Getenv("HOME")
	// A token inside a longer literal keeps its literal: only the token
	// is the secret.
	usage  = "curl -u x: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 https://api.example.com/user" // want `github personal access token "ghp_…" \(40 chars\) hard-coded in string literal`
	sample = "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"                                        // want `github personal access token "ghp_…" \(40 chars\) hard-coded in string literal`
)

func sign() {
	hmac.New(sha256.New, []byte("fix-fixture-hmac-7")) // want `hmac key "fix-…" \(18 chars\) hard-coded in hmac.New key`
}

// Where string names something else, the fix's func() string would not
// compile: none is offered.
func shadowed() {
	string := 5
	_ = string
	dbPassword := "fix-fixture-pw-0100" // want `password "fix-…" \(19 chars\) hard-coded in variable dbPassword`
	_ = dbPassword
}
