// Package micro2 passes secrets to go-micro v2's auth, provider and etcd
// options.
package micro2

import (
	"os"

	"github.com/micro/go-micro/v2/auth"
	"github.com/micro/go-micro/v2/auth/provider"
	"github.com/micro/go-micro/v2/registry"
	"github.com/micro/go-micro/v2/registry/etcd"
)

func options() []any {
	return []any{
		auth.Credentials("svc", "v2-fixture-secret-77"),               // want `secret "v2-f…" \(20 chars\) hard-coded in auth.Credentials secret`
		auth.Credentials("svc", os.Getenv("MICRO_AUTH_SECRET")),       // ok
		provider.Credentials("client-id", "v2-fixture-client-secret"), // want `secret "v2-f…" \(24 chars\) hard-coded in provider.Credentials secret`
		provider.Credentials("client-id", "{client_secret}"),          // ok: placeholder
		etcd.NewRegistry(
			etcd.Auth("root", "v2-fixture-etcd-pw"),                     // want `password "v2-f…" \(18 chars\) hard-coded in etcd.Auth password`
			etcd.Auth("root", os.Getenv("ETCD_PASSWORD")),               // ok
			registry.Addrs("https://root:v2-fixture-etcd-pw@etcd:2379"), // want `password in https url "v2-f…" \(18 chars\) hard-coded in registry.Addrs address`
			registry.Addrs("https://etcd:2379"),                         // ok
		),
	}
}
