package insecuretransport_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/microsec-lint/microsec-lint/analyzers/insecuretransport"
)

// TestRealModules type-checks small fixture modules against the real
// go-micro releases (go.mod and go.sum in each directory), so that the
// model is checked against the true shapes of the API: unexported return
// types, package-variable constructors and options, type aliases.
// analysistest runs the go command with GOPROXY=off, so the modules must
// be in the module cache: scripts/test.sh runs `go list -deps -test ./...`
// in each fixture first. Type-checking go-micro from source takes tens of
// seconds on a small machine, hence the -short skip.
func TestRealModules(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks go-micro from source; slow")
	}
	for _, dir := range []string{"v2", "v4", "v5", "v530"} {
		t.Run(dir, func(t *testing.T) {
			analysistest.Run(t, filepath.Join(analysistest.TestData(), "real", dir), insecuretransport.Analyzer, "./...")
		})
	}
}
