package hardcodedsecret

import (
	"strings"
	"testing"
)

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

// goMicroReads are the MICRO_ variables go-micro itself reads, each with
// where: a fix that reads one says where go-micro's own setting goes.
var goMicroReads = map[string]string{
	"MICRO_AUTH_SECRET":                 "v2 config/cmd/cmd.go, v4 util/cmd/cmd.go, v5 cmd/cmd.go",
	"MICRO_AUTH_PRIVATE_KEY":            "v2 config/cmd/cmd.go",
	"MICRO_AUTH_PROVIDER_CLIENT_SECRET": "v2 config/cmd/cmd.go",
	"MICRO_BROKER_ADDRESS":              "v2 config/cmd/cmd.go",
	"MICRO_REGISTRY_ADDRESS":            "v2 config/cmd/cmd.go",
	"MICRO_STORE_ADDRESS":               "v2 config/cmd/cmd.go",
	"MICRO_TRANSPORT_ADDRESS":           "v2 config/cmd/cmd.go",
	"MICRO_GENAI_KEY":                   "v5 cmd/cmd.go",
	"MICRO_AUTH_TOKEN":                  "v6 cmd/micro/gateway/auth.go (GOMICRO.md)",
}

// TestEnvNames: a fix never names a MICRO_ variable that go-micro does not
// read, which would suggest the service's own settings pick it up.
func TestEnvNames(t *testing.T) {
	for _, table := range []map[string]sink{goMicroCalls, goMicroFields} {
		for key, s := range table {
			if strings.HasPrefix(s.env, "MICRO_") && goMicroReads[s.env] == "" {
				t.Errorf("%s: fix reads %s, which go-micro does not read", key, s.env)
			}
		}
	}
}
