// Package consul is a stub of github.com/go-micro/plugins/v4/registry/consul.
package consul

import (
	"go-micro.dev/v4/registry"

	"github.com/hashicorp/consul/api"
)

func Config(c *api.Config) registry.Option { return nil }
