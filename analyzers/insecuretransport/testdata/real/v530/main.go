// Command realv530 starts the gateways of go-micro v5.30, which serve
// plain HTTP and take no TLS configuration.
package main

import (
	"log"
	"net/http"
	"os"

	"go-micro.dev/v5"
	"go-micro.dev/v5/gateway/a2a"
	"go-micro.dev/v5/gateway/api"
	"go-micro.dev/v5/gateway/mcp"
	"go-micro.dev/v5/registry"
)

func main() {
	reg := registry.NewMemoryRegistry()
	go mcp.ListenAndServe(":3000", mcp.Options{Registry: reg})               // want `^mcp gateway serves plain HTTP`
	go mcp.Serve(mcp.Options{Registry: reg, Address: os.Getenv("MCP_ADDR")}) // want `^mcp gateway serves plain HTTP`
	go mcp.Serve(mcp.Options{Registry: reg})                                 // ok: no address, it serves stdio
	go mcp.Serve(mcp.Options{Registry: reg, Address: ""})                    // ok: stdio
	go a2a.Serve(a2a.Options{Registry: reg, Address: ":4000"})               // want `^a2a gateway serves plain HTTP`
	go a2a.Serve(a2a.Options{Registry: reg})                                 // want `^a2a gateway serves plain HTTP`
	go mcp.ListenAndServe("", mcp.Options{Registry: reg})                    // ok: stdio

	o := mcp.Options{Registry: reg, Address: ":3002"}
	go mcp.Serve(o) // want `^mcp gateway serves plain HTTP`
	p := mcp.Options{Registry: reg}
	p.Address = os.Getenv("MCP_ADDR")
	go mcp.Serve(p) // want `^mcp gateway serves plain HTTP`
	q := mcp.Options{Registry: reg}
	go mcp.Serve(q) // ok: stdio

	svc := micro.New("users", micro.Registry(reg), mcp.WithMCP(":3001")) // want `^service uses the default plaintext transport` `^mcp gateway serves plain HTTP`
	_ = svc

	log.Fatal(api.Run(api.Options{ // want `^api gateway serves plain HTTP`
		Address:  ":8080",
		Registry: reg,
		HandlerRegistrar: func(mux *http.ServeMux) error {
			mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {})
			return nil
		},
	}))
}
