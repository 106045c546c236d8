// Package mdnsoff is analysed with -mdns=false.
package mdnsoff

import (
	"go-micro.dev/v5/registry"
	"go-micro.dev/v5/registry/etcd"
)

func registries() {
	registry.NewMDNSRegistry() // ok: the mdns check is off
	etcd.NewEtcdRegistry()     // want `^etcd registry built without TLS`
}
