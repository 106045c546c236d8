// Package etcd is a stub of github.com/micro/go-micro/v2/config/source/etcd.
package etcd

type Option func(*Options)

type Options struct{}

func Auth(username, password string) Option { return nil }
