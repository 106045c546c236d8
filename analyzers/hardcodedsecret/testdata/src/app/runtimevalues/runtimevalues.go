// Package runtimevalues holds values under secret-like names that are no
// string constants: the contents of embedded files, which the rule does
// not read (see Limitations), and UUIDs parsed from constants. None is
// reported; a constant named like a secret still is, whatever parses it.
package runtimevalues

import (
	"crypto/hmac"
	"crypto/sha256"
	"embed"

	"github.com/google/uuid"
)

//go:embed dev.pem
var keys embed.FS

//go:embed dev.pem
var signingKey []byte

func embedded() {
	privateKey, _ := keys.ReadFile("dev.pem") // ok: the file is not looked at
	hmac.New(sha256.New, privateKey)          // ok: the file is not looked at
	hmac.New(sha256.New, signingKey)          // ok: the file is not looked at
}

type client struct {
	ClientSecret uuid.UUID
	Token        string
}

const tenantSecret = "6ba7b814-9dad-11d1-80b4-00c04fd430c8" // want `secret "6ba7…" \(36 chars\) hard-coded in constant tenantSecret` tenantSecret:"hard-coded secret"

func parsed() {
	apiToken := uuid.MustParse("6ba7b810-9dad-11d1-80b4-00c04fd430c8")                 // ok: a uuid.UUID, no string
	sessionToken, _ := uuid.Parse("6ba7b811-9dad-11d1-80b4-00c04fd430c8")              // ok: a uuid.UUID, no string
	_ = client{ClientSecret: uuid.MustParse("6ba7b812-9dad-11d1-80b4-00c04fd430c8")}   // ok: a uuid.UUID, no string
	_ = client{Token: uuid.MustParse("6ba7b813-9dad-11d1-80b4-00c04fd430c8").String()} // ok: made at run time
	tenant := uuid.MustParse(tenantSecret)
	_, _, _ = apiToken, sessionToken, tenant
}
