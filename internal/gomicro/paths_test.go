package gomicro

import "testing"

func TestSplit(t *testing.T) {
	for _, c := range []struct {
		path    string
		version int
		plugin  bool
		rel     string
		ok      bool
	}{
		{"github.com/micro/go-micro", 1, false, "", true},
		{"github.com/micro/go-micro/transport/grpc", 1, false, "transport/grpc", true},
		{"github.com/micro/go-micro/v2/broker", 2, false, "broker", true},
		{"github.com/asim/go-micro/v3/registry", 3, false, "registry", true},
		{"github.com/asim/go-micro/plugins/transport/grpc/v3", 3, true, "transport/grpc", true},
		{"go-micro.dev/v4", 4, false, "", true},
		{"github.com/go-micro/plugins/v4/registry/consul", 4, true, "registry/consul", true},
		{"go-micro.dev/v5/service", 5, false, "service", true},
		{"go-micro.dev/v6/wrapper/auth", 6, false, "wrapper/auth", true},
		{"example.com/app/vendor/go-micro.dev/v4/server", 4, false, "server", true},
		{"github.com/micro/go-microx", 0, false, "", false},
		{"go-micro.dev/v40", 0, false, "", false},
		{"net/http", 0, false, "", false},
	} {
		m, rel, ok := Split(c.path)
		if ok != c.ok || m.Version != c.version || m.Plugin != c.plugin || rel != c.rel {
			t.Errorf("Split(%q) = %+v, %q, %v; want version %d plugin %v rel %q ok %v",
				c.path, m, rel, ok, c.version, c.plugin, c.rel, c.ok)
		}
	}
	// Every module's own root and packages are found (Split rejects
	// paths without "micro" before looking at the roots).
	for _, mod := range modules {
		for _, path := range []string{mod.Root, mod.Root + "/server"} {
			if m, _, ok := Split(path); !ok || m.Root != mod.Root {
				t.Errorf("Split(%q) = %+v, %v; want module %s", path, m, ok, mod.Root)
			}
		}
	}
}

// BenchmarkSplit measures Split on a go-micro path and on one outside it,
// as the rules call it for every object they look at; it should allocate
// nothing.
func BenchmarkSplit(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Split("github.com/go-micro/plugins/v4/registry/consul")
		Split("golang.org/x/tools/go/packages")
	}
}
