package report

import (
	"testing"

	"github.com/microsec-lint/microsec-lint/internal/sariftest"
)

func TestSARIFValidates(t *testing.T) {
	cases := map[string]func(r *Result){
		"findings, fixes, trace and errors": func(r *Result) {},
		"findings without fixes, devel build": func(r *Result) {
			r.Tool.Version = "(devel)"
			r.Errors = nil
			for i := range r.Findings {
				r.Findings[i].Fixes = nil
			}
		},
		"errors only":     func(r *Result) { r.Findings = nil },
		"zero findings":   func(r *Result) { r.Findings, r.Errors = nil, nil },
		"no rules at all": func(r *Result) { r.Findings, r.Errors, r.Rules = nil, nil, nil },
	}
	for name, edit := range cases {
		t.Run(name, func(t *testing.T) {
			r := sampleResult(t)
			edit(r)
			for _, p := range sariftest.Validate(t, render(t, SARIF, r)) {
				t.Error(p)
			}
		})
	}
}

// TestMultitoolCheckIsLive makes sure the validation above can fail: a log
// that breaks a GitHub rule (a result without a location) must be caught.
func TestMultitoolCheckIsLive(t *testing.T) {
	r := sampleResult(t)
	r.Findings = r.Findings[:1]
	r.Findings[0].Pos.File = ""
	if p := sariftest.Validate(t, render(t, SARIF, r)); len(p) == 0 {
		t.Error("the Multitool found nothing wrong with a result that has no location")
	}
}
