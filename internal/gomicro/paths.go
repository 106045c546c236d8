// Package gomicro is the one place in microsec-lint that knows go-micro: the
// import paths of every major version and of the plugin modules, its
// constructors, options and wrappers. Analyzers ask it questions in terms of
// types.Object identity, never identifier spelling.
package gomicro

import "strings"

// Module is a go-micro module, or a tree of plugin modules, that packages
// can belong to.
type Module struct {
	Root    string // module path prefix, e.g. "go-micro.dev/v4"
	Version int    // major version of go-micro it belongs to, 1 to 6
	Plugin  bool   // a plugin tree, whose paths mirror in-tree packages
}

// modules is ordered so that a longer root is tried before any prefix of it.
var modules = []Module{
	{Root: "github.com/micro/go-micro/v2", Version: 2},
	{Root: "github.com/micro/go-micro", Version: 1},
	{Root: "github.com/micro/go-plugins", Version: 1, Plugin: true},
	{Root: "github.com/micro/go-plugins/v2", Version: 2, Plugin: true},
	{Root: "github.com/asim/go-micro/plugins", Version: 3, Plugin: true},
	{Root: "github.com/asim/go-micro/v3", Version: 3},
	{Root: "go-micro.dev/v4", Version: 4},
	{Root: "github.com/go-micro/plugins/v4", Version: 4, Plugin: true},
	{Root: "go-micro.dev/v5", Version: 5},
	{Root: "github.com/micro/plugins/v5", Version: 5, Plugin: true},
	{Root: "go-micro.dev/v6", Version: 6},
}

// Split reports whether pkgPath is a package of go-micro or of one of its
// plugin trees and, if so, which module and the path inside it: "" for the
// root package, "transport", "transport/grpc", "registry/etcd" and so on.
// Plugin paths are given the way the in-tree package of the same role is
// named, so "github.com/go-micro/plugins/v4/transport/grpc/v4" style suffixes
// are not expected; only the module prefix is removed. A vendor prefix is
// ignored.
func Split(pkgPath string) (m Module, rel string, ok bool) {
	if !strings.Contains(pkgPath, "micro") {
		// Every root has it: most paths the rules ask about (the
		// standard library's) are answered by one scan.
		return Module{}, "", false
	}
	if i := strings.LastIndex(pkgPath, "/vendor/"); i >= 0 {
		pkgPath = pkgPath[i+len("/vendor/"):]
	}
	best := -1
	for i, mod := range modules {
		if !within(pkgPath, mod.Root) {
			continue
		}
		if best < 0 || len(mod.Root) > len(modules[best].Root) {
			best = i
		}
	}
	if best < 0 {
		return Module{}, "", false
	}
	m = modules[best]
	rel = strings.TrimPrefix(strings.TrimPrefix(pkgPath, m.Root), "/")
	if m.Plugin {
		rel = trimPluginMajor(rel)
	}
	return m, rel, true
}

// within reports whether path is root or a path below it. It builds no
// string: Split runs for every object the rules look at.
func within(path, root string) bool {
	return strings.HasPrefix(path, root) && (len(path) == len(root) || path[len(root)] == '/')
}

// trimPluginMajor removes a trailing major-version element that plugin
// modules of the v3 tree carry ("transport/grpc/v3" is "transport/grpc").
func trimPluginMajor(rel string) string {
	i := strings.LastIndex(rel, "/")
	if i < 0 {
		return rel
	}
	last := rel[i+1:]
	if len(last) >= 2 && last[0] == 'v' && strings.Trim(last[1:], "0123456789") == "" {
		return rel[:i]
	}
	return rel
}
