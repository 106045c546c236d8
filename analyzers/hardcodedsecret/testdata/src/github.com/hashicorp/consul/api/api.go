// Package api is a stub of github.com/hashicorp/consul/api.
package api

type HttpBasicAuth struct{ Username, Password string }

type Config struct {
	Address   string
	Token     string
	TokenFile string
	HttpAuth  *HttpBasicAuth
}
