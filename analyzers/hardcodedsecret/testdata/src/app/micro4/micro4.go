// Package micro4 passes secrets to go-micro v4's secret-taking options.
package micro4

import (
	"context"
	"os"

	"go-micro.dev/v4/auth"
	"go-micro.dev/v4/broker"
	"go-micro.dev/v4/metadata"
	"go-micro.dev/v4/store"
)

// billingSecret reaches auth.Credentials: reported there, as a secret by
// contract, not only as a name.
const billingSecret = "9f8Kq-fixture-secret" // want `secret "9f8K…" \(20 chars\) hard-coded in auth.Credentials secret` billingSecret:"hard-coded secret"

// b64Key is a base64-encoded PEM key, the form auth.PrivateKey takes.
const b64Key = "LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlCQUdacGVIUjFjbVVnYTJWNUlHMWhkR1Z5YVdGc0xDQnViM1FnWVNCclpYa3VJR1pwZUhSMWNtVWdhMlY1SUcxaGRHVnlhV0ZzTENCdWIzUWdZU0JyWlhrdUlHWnBlSFIxY21VZ2EyVjVJRzFoZEdWeWFXRnNMQ0J1YjNRZ1lTQnJaWGt1SUdacGVIUjFjbVVnYTJWNUlHMWhkR1Z5YVdGc0xDQnViM1FnWVNCclpYa3VJR1pwZUhSMWNtVWdhMlY1SUcxaGRHVnlhV0ZzTENCdWIzUWdZU0JyWlhrdUlHWnBlSFIxY21VZ2EyVjVJRzFoZEdWeWFXRnNMQ0J1YjNRZ1lTQnJaWGt1SUE9PQotLS0tLUVORCBSU0EgUFJJVkFURSBLRVktLS0tLQo=" // want `base64-encoded rsa private key "LS0t…" \(\d+ chars\) hard-coded in auth.PrivateKey; load it from a file` b64Key:"hard-coded base64-encoded rsa private key"

const b64Pub = "LS0tLS1CRUdJTiBQVUJMSUMgS0VZLS0tLS0KTUlJQgotLS0tLUVORCBQVUJMSUMgS0VZLS0tLS0K" // ok: a public key

func options(ctx context.Context, tok string) []any {
	return []any{
		auth.Credentials("billing", billingSecret),
		auth.Credentials("billing", os.Getenv("MICRO_AUTH_SECRET")), // ok: read at run time
		auth.Credentials("billing", "micro"),                        // want `secret "m…" \(5 chars\) hard-coded in auth.Credentials secret`
		auth.Credentials("billing", "changeme"),                     // ok: a placeholder
		auth.Credentials("billing", ""),                             // ok: empty
		auth.Credentials("billing", "AKIA2345677"+"ABCDEFGHI"),      // want `aws access key id "AKIA…" \(20 chars\) hard-coded in auth.Credentials secret; read it from the environment`
		auth.Credentials("9f8Kq-fixture-id", tok),                   // ok: the id is not a secret
		auth.WithCredentials("billing", "9f8Kq-fixture-secret2"),    // want `secret "9f8K…" \(21 chars\) hard-coded in auth.WithCredentials secret`
		auth.WithCredentials("billing", tok),                        // ok
		auth.PrivateKey(b64Key),
		auth.PublicKey(b64Pub),                       // ok: public
		auth.PrivateKey("${MICRO_AUTH_PRIVATE_KEY}"), // ok: placeholder
		auth.WithSecret("9f8Kq-fixture-secret3"),     // want `secret "9f8K…" \(21 chars\) hard-coded in auth.WithSecret`
		auth.WithToken("9f8Kq-fixture-refresh"),      // want `refresh token "9f8K…" \(21 chars\) hard-coded in auth.WithToken`
		auth.Namespace("9f8Kq-fixture-secret"),       // ok: not a secret option
		auth.ClientToken(&auth.Token{
			AccessToken:  "9f8Kq-fixture-access", // want `access token "9f8K…" \(20 chars\) hard-coded in auth.Token.AccessToken`
			RefreshToken: tok,                    // ok
		}),
		auth.Options{ID: "billing", Secret: "9f8Kq-fixture-secret4"},                               // want `secret "9f8K…" \(21 chars\) hard-coded in auth.Options.Secret`
		auth.Account{ID: "9f8Kq-fixture-secret4"},                                                  // ok: the id
		metadata.Set(ctx, "Authorization", "Bearer 9f8Kq-fixture-token"),                           // want `credential "9f8K…" \(19 chars\) hard-coded in header Authorization`
		metadata.Set(ctx, "X-Request-Id", "9f8Kq-fixture-token"),                                   // ok
		metadata.NewContext(ctx, metadata.Metadata{"Authorization": "Bearer 9f8Kq-fixture-token"}), // want `credential "9f8K…" \(19 chars\) hard-coded in map entry "Authorization"`
		store.Nodes("postgres://app:Kx9-fixture-pw@db/app"),                                        // want `password in postgres url "Kx9…" \(14 chars\) hard-coded in store.Nodes address`
		store.Nodes("postgres://app@db/app"),                                                       // ok: no password
		store.Database("Kx9-fixture-pw"),                                                           // ok: not a secret option
		broker.Addrs("amqp://svc:Kx9-fixture-pw@rabbit:5672"),                                      // want `password in amqp url "Kx9…" \(14 chars\) hard-coded in broker.Addrs address`
		broker.Addrs("amqp://guest:guest@rabbit:5672"),                                             // ok: the default account
	}
}
