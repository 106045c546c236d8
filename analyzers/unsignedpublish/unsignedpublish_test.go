package unsignedpublish_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/microsec-lint/microsec-lint/analyzers/unsignedpublish"
)

// Test runs the analyzer over publishes and subscribers of go-micro v2, v4
// and v5 stubs. Signers, verifiers and signing client wrappers of another
// package reach them through facts. Every reported publish or subscriber
// has a signed or verifying twin; the gomock recorder in pub_test.go is
// not a publish.
func Test(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), unsignedpublish.Analyzer,
		"app/signing", "app/subs", "app/bus", "app/pub", "app/memsvc", "app/memorder", "app/v5pub", "app/v2pub",
		"app/v5default", "app/v5mixed", "app/v6default", "app/v4default", "app/v4assigned", "app/v5main", "app/v5mainok", "app/v5init", "app/v5initok", "app/v5initorder", "app/v5mainconst",
		"app/signbroker", "app/signbrokershared", "app/signserver", "app/v5signbroker", "app/v2signbroker")
}

// TestSigners names in -signers a broker wrapper whose signing the rule
// cannot see: its Publish method and the function returning it as a
// broker.Broker.
func TestSigners(t *testing.T) {
	t.Parallel()
	a := unsignedpublish.New(unsignedpublish.Config{})
	if err := a.Flags.Set("signers", "(app/brokerwrap.Broker).Publish,app/brokerwrap.Wrap"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, analysistest.TestData(), a, "app/brokerwrap", "app/brokeruse")
}

func TestDoc(t *testing.T) {
	a := unsignedpublish.Analyzer
	if a.Name != unsignedpublish.Doc.Name || a.Doc != unsignedpublish.Doc.Analyzer() {
		t.Errorf("Analyzer.Doc does not come from doc.go")
	}
	for _, name := range []string{"signers", "verifiers"} {
		if a.Flags.Lookup(name) == nil {
			t.Errorf("flag %s missing", name)
		}
	}
}
