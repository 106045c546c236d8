package vulncheck

import (
	"fmt"
	"testing"

	"github.com/microsec-lint/microsec-lint/internal/report"
)

// TestMergeSymbolsNamesAFew: one call reaching many vulnerable functions of
// one advisory is one finding whose message names the first three and
// counts the rest, while the symbol property lists them all; a path
// through twenty functions made a line thousands of characters long.
func TestMergeSymbolsNamesAFew(t *testing.T) {
	mk := func(sym string) report.Finding {
		return report.Finding{
			Rule:       "GO-2024-0001",
			Message:    "reaches " + sym + " in example.com/m@v1.0.0: a fault; upgrade example.com/m to v1.0.1 or later",
			Properties: map[string]string{"symbol": sym},
		}
	}
	var fs []report.Finding
	for i := 20; i > 0; i-- {
		fs = append(fs, mk(fmt.Sprintf("example.com/m.F%02d", i)))
	}
	got := mergeSymbols(fs)
	want := "reaches example.com/m.F01, example.com/m.F02, example.com/m.F03 and 17 more in example.com/m@v1.0.0: a fault; upgrade example.com/m to v1.0.1 or later"
	if got.Message != want {
		t.Errorf("message\n%s\nwant\n%s", got.Message, want)
	}
	if n := len(got.Properties["symbol"]); n < 20*len("example.com/m.F01") {
		t.Errorf("symbol property %q does not list every function", got.Properties["symbol"])
	}
	two := mergeSymbols([]report.Finding{mk("example.com/m.B"), mk("example.com/m.A")})
	if want := "reaches example.com/m.A and example.com/m.B in"; two.Message[:len(want)] != want {
		t.Errorf("two functions: %q, want it to start %q", two.Message, want)
	}
}
