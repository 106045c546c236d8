package insecuretransport_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/microsec-lint/microsec-lint/analyzers/insecuretransport"
)

func Test(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), insecuretransport.Analyzer,
		"app/v4")
}
