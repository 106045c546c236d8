package dataflow

import (
	"slices"
	"testing"
)

// TestChecksRoundTrip checks that what a checking helper checks travels in
// its fact, and that a kind no helper has is refused.
func TestChecksRoundTrip(t *testing.T) {
	s := Summary{
		Results: []Value{{Origin: NonConstant}},
		checks:  []paramCheck{{}, {kind: checksAllowed}, {kind: checksOption}, {kind: checksListed, list: 1}},
	}
	data, err := s.GobEncode()
	if err != nil {
		t.Fatal(err)
	}
	var back Summary
	if err := back.GobDecode(data); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(back.checks, s.checks) {
		t.Errorf("checks = %v, want %v", back.checks, s.checks)
	}
	if !back.interesting() {
		t.Error("a summary with checks is not interesting")
	}
	bad := Summary{checks: []paramCheck{{kind: checksListed + 1}}}
	data, _ = bad.GobEncode()
	if err := back.GobDecode(data); err == nil {
		t.Error("decoding an unknown kind of check succeeded")
	}
}
