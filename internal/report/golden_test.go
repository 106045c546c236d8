package report

import "testing"

func TestGolden(t *testing.T) {
	for _, f := range []Format{Text, JSON, SARIF} {
		t.Run(f.String(), func(t *testing.T) {
			got := normalize(t, render(t, f, sampleResult(t)))
			checkGolden(t, "sample."+f.String(), got)
		})
	}
}
