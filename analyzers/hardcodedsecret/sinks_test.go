package hardcodedsecret

import "testing"

func TestNormPath(t *testing.T) {
	for path, want := range map[string]string{
		"github.com/jackc/pgx/v5/pgxpool":               "github.com/jackc/pgx/pgxpool",
		"github.com/redis/go-redis/v9":                  "github.com/redis/go-redis",
		"gopkg.in/square/go-jose.v2":                    "gopkg.in/square/go-jose",
		"gopkg.in/yaml.v3":                              "gopkg.in/yaml",
		"example.com/app/vendor/github.com/lib/pq":      "github.com/lib/pq",
		"example.com/app/vendor/go.etcd.io/etcd/v3/cli": "go.etcd.io/etcd/cli",
		"database/sql":                                  "database/sql",
		"v2":                                            "v2",
		"example.com/v2x/vendorless":                    "example.com/v2x/vendorless",
		"github.com/go-sql-driver/mysql":                "github.com/go-sql-driver/mysql",
	} {
		if got := normPath(path); got != want {
			t.Errorf("normPath(%q) = %q, want %q", path, got, want)
		}
	}
}

// BenchmarkNormPath measures normPath on a path it leaves alone, the common
// case, and on one it rewrites.
func BenchmarkNormPath(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		normPath("golang.org/x/tools/go/packages")
		normPath("github.com/jackc/pgx/v5/pgxpool")
	}
}
