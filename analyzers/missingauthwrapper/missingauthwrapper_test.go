package missingauthwrapper_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/microsec-lint/microsec-lint/analyzers/missingauthwrapper"
)

// Test runs the analyzer over services of go-micro v2, v4, v5 and v6
// stubs. Wrappers, option helpers and registrars of other packages reach
// the services through facts, which the want comments on their
// declarations check. Every reported registration has a guarded twin.
func Test(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), missingauthwrapper.Analyzer,
		"app/authmw", "app/keycheck", "app/keycheckvia", "app/tokens", "app/authz", "app/opts", "app/proto", "app/v4", "app/defaultsrv", "app/defaultsrvok",
		"app/v2", "app/authcfg", "app/v5", "app/v6")
}

// TestFlags trusts a wrapper and a generated client's method (an auth
// service's Validate) and makes a handler type public, replacing
// the default public list (so Health is reported), as
// -missingauthwrapper.trusted and -missingauthwrapper.public do.
func TestFlags(t *testing.T) {
	t.Parallel()
	a := missingauthwrapper.New(missingauthwrapper.DefaultConfig())
	if err := a.Flags.Set("trusted", "app/flags.Gate,(app/authpb.AuthService).Validate"); err != nil {
		t.Fatal(err)
	}
	if err := a.Flags.Set("public", "app/flags.Status"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, analysistest.TestData(), a, "app/flags")
}

func TestDoc(t *testing.T) {
	a := missingauthwrapper.Analyzer
	if a.Name != missingauthwrapper.Doc.Name || a.Doc != missingauthwrapper.Doc.Analyzer() {
		t.Errorf("Analyzer.Doc does not come from doc.go")
	}
	for _, name := range []string{"trusted", "public"} {
		if a.Flags.Lookup(name) == nil {
			t.Errorf("flag %s missing", name)
		}
	}
}
