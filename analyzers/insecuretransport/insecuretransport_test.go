package insecuretransport_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/microsec-lint/microsec-lint/analyzers/insecuretransport"
)

// Test runs the analyzer over one package per go-micro major version, the
// v4 plugin modules, go-micro globals, and plain crypto/tls and grpc-go
// code. Every reported line has a look-alike that is not reported.
func Test(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), insecuretransport.Analyzer,
		"app/v1", "app/v2", "app/v3", "app/v4", "app/v5", "app/v6",
		"app/plugins4", "app/global4", "app/global6", "app/globalplain4",
		"app/tlsconf", "app/grpcgo", "app/tagged", "app/kafkaglobal4")
}

// TestFix checks the suggested fixes: InsecureSkipVerify and
// WithInsecureSkipVerify to false, MinVersion to TLS 1.2.
func TestFix(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), insecuretransport.Analyzer, "app/fixes")
}

// TestFlagMDNS turns the mDNS check off through the analyzer's flag, as
// -insecuretransport.mdns=false does on the command line.
func TestFlagMDNS(t *testing.T) {
	t.Parallel()
	a := insecuretransport.New(insecuretransport.DefaultConfig())
	if err := a.Flags.Set("mdns", "false"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, analysistest.TestData(), a, "app/mdnsoff")
}

func TestDoc(t *testing.T) {
	a := insecuretransport.Analyzer
	if a.Name != insecuretransport.Doc.Name || a.Doc != insecuretransport.Doc.Analyzer() {
		t.Errorf("Analyzer.Doc does not come from doc.go")
	}
	if f := a.Flags.Lookup("mdns"); f == nil || f.DefValue != "true" {
		t.Errorf("flag mdns: %v, want default true", f)
	}
}
