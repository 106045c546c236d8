// Package etcd is a stub of github.com/go-micro/plugins/v4/registry/etcd.
package etcd

import "go-micro.dev/v4/registry"

func Auth(username, password string) registry.Option { return nil }
