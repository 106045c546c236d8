package hardcodedsecret_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/microsec-lint/microsec-lint/analyzers/hardcodedsecret"
)

func Test(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), hardcodedsecret.Analyzer, "app/formats")
}
