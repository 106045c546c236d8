// Package micro5 passes secrets to go-micro v5's in-tree plugins and to
// the v4 plugin modules.
package micro5

import (
	"os"

	"go-micro.dev/v5/auth"
	"go-micro.dev/v5/broker/nats"
	"go-micro.dev/v5/config/secrets"
	"go-micro.dev/v5/events/natsjs"
	etcd5 "go-micro.dev/v5/registry/etcd"

	"github.com/go-micro/plugins/v4/registry/consul"
	etcd4 "github.com/go-micro/plugins/v4/registry/etcd"
	"github.com/hashicorp/consul/api"
	natsp "github.com/nats-io/nats.go"
)

func options() []any {
	return []any{
		etcd5.Auth("root", "v5-fixture-etcd-pw"),       // want `password "v5-f…" \(18 chars\) hard-coded in etcd.Auth password`
		etcd5.Auth("root", os.Getenv("ETCD_PASSWORD")), // ok
		etcd4.Auth("root", "p4-fixture-etcd-pw"),       // want `password "p4-f…" \(18 chars\) hard-coded in etcd.Auth password`
		etcd4.Auth("root", ""),                         // ok: empty
		nats.Options(natsp.Options{
			Url:      "nats://nats:4222",      // ok: no credentials
			User:     "svc",                   // ok
			Password: "v5-fixture-nats-pw",    // want `password "v5-f…" \(18 chars\) hard-coded in nats.Options.Password`
			Token:    os.Getenv("NATS_TOKEN"), // ok
		}),
		nats.Options(natsp.Options{
			Servers: []string{"nats://svc:v5-fixture-nats-pw@nats:4222"}, // want `password in nats url "v5-f…" \(18 chars\) hard-coded in string literal`
			Token:   "v5-fixture-nats-token",                             // want `token "v5-f…" \(21 chars\) hard-coded in nats.Options.Token`
		}),
		natsjs.Authenticate("svc", "v5-fixture-js-pw"),               // want `password "v5-f…" \(16 chars\) hard-coded in natsjs.Authenticate password`
		natsjs.Authenticate("svc", "$NATS_PASSWORD"),                 // ok: placeholder
		natsjs.NkeyConfig("UAFIXTUREPUBLICKEYNOTASEEDBUTAPUBLICONE"), // ok: a public nkey
		secrets.Key([]byte("v5-fixture-encryption-key")),             // want `encryption key "v5-f…" \(25 chars\) hard-coded in secrets.Key`
		secrets.PublicKey([]byte("v5-fixture-encryption-key")),       // ok: public
		secrets.PrivateKey([]byte("v5-fixture-private-0001")),        // want `private key "v5-f…" \(23 chars\) hard-coded in secrets.PrivateKey; load it from a file`
		auth.Credentials("svc", "v5-fixture-secret-99"),              // want `secret "v5-f…" \(20 chars\) hard-coded in auth.Credentials secret`
		auth.Account{Secret: "v5-fixture-secret-99"},                 // want `secret "v5-f…" \(20 chars\) hard-coded in auth.Account.Secret`
		auth.Account{ID: "v5-fixture-secret-99"},                     // ok: the id
		consul.Config(&api.Config{
			Address: "consul:8500",             // ok
			Token:   "v5-fixture-consul-token", // want `acl token "v5-f…" \(23 chars\) hard-coded in consul api.Config.Token`
			HttpAuth: &api.HttpBasicAuth{
				Username: "svc",                  // ok
				Password: "v5-fixture-consul-pw", // want `password "v5-f…" \(20 chars\) hard-coded in consul api.HttpBasicAuth.Password`
			},
		}),
		consul.Config(&api.Config{Token: os.Getenv("CONSUL_HTTP_TOKEN")}), // ok
	}
}
