// Package redis is a stub of github.com/redis/go-redis/v9.
package redis

type Options struct{ Addr, Username, Password string }

type Client struct{}

func NewClient(opt *Options) *Client { return nil }
