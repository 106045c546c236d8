package missingauthwrapper_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/microsec-lint/microsec-lint/analyzers/missingauthwrapper"
)

// TestRealModules type-checks small fixture modules against the real
// go-micro releases (go.mod and go.sum in each directory), so that the
// model meets the true shapes of the API: package-variable options and
// constructors in v5, the v2 auth packages, interface methods. analysistest
// runs the go command with GOPROXY=off, so the modules must be in the
// module cache (go list -deps -test ./... in each fixture). Type-checking
// go-micro from source is slow, hence the -short skip.
func TestRealModules(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks go-micro from source; slow")
	}
	for _, dir := range []string{"v2", "v4", "v5", "v530"} {
		t.Run(dir, func(t *testing.T) {
			analysistest.Run(t, filepath.Join(analysistest.TestData(), "real", dir), missingauthwrapper.Analyzer, "./...")
		})
	}
}
