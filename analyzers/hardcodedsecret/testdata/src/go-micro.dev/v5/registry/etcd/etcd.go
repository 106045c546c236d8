// Package etcd is a stub of go-micro.dev/v5/registry/etcd.
package etcd

import "go-micro.dev/v5/registry"

func Auth(username, password string) registry.Option { return nil }
