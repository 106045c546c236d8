// Command realv4 type-checks against the real go-micro.dev/v4 v4.10.2: the
// sinks are matched through the module's own types, not stubs.
package main

import (
	"context"
	"os"

	micro "go-micro.dev/v4"
	"go-micro.dev/v4/auth"
	"go-micro.dev/v4/metadata"
	"go-micro.dev/v4/store"
)

const serviceSecret = "real4-Fixture-secret" // want `secret "real…" \(20 chars\) hard-coded in auth.Credentials secret` serviceSecret:"hard-coded secret"

func main() {
	a := auth.NewAuth(
		auth.Credentials("billing", serviceSecret),
		auth.Credentials("billing", os.Getenv("MICRO_AUTH_SECRET")),        // ok: read at run time
		auth.PrivateKey("${MICRO_AUTH_PRIVATE_KEY}"),                       // ok: placeholder
		auth.ClientToken(&auth.Token{AccessToken: "real4-Fixture-access"}), // want `access token "real…" \(20 chars\) hard-coded in auth.Token.AccessToken`
	)
	_, _ = a.Token(auth.WithCredentials("billing", "real4-Fixture-secret2")) // want `secret "real…" \(21 chars\) hard-coded in auth.WithCredentials secret`
	_, _ = a.Token(auth.WithToken(os.Getenv("REFRESH_TOKEN")))               // ok

	ctx := metadata.Set(context.Background(), "Authorization", "Bearer real4-Fixture-token") // want `credential "real…" \(19 chars\) hard-coded in header Authorization`
	_ = metadata.Set(ctx, "Micro-Namespace", "real4-Fixture-token")                          // ok: not a credential

	s := store.NewStore(store.Nodes("postgres://app:Real4-fixture-pw@db/app")) // want `password in postgres url "Real…" \(16 chars\) hard-coded in store.Nodes address`
	_ = store.NewStore(store.Nodes("postgres://app@db/app"))                   // ok
	_ = s

	service := micro.NewService(micro.Name("billing"), micro.Auth(a))
	service.Init()
}
