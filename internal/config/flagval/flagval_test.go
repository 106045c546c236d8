package flagval

import (
	"slices"
	"testing"
)

// TestNames checks that Names adds what each Set gives, without stars,
// spaces or empty elements, while List replaces its default.
func TestNames(t *testing.T) {
	n := Names{"default.F"}
	for _, s := range []string{"a.F, (*b.T).M", ",,", " c.G "} {
		if err := n.Set(s); err != nil {
			t.Fatal(err)
		}
	}
	if want := []string{"default.F", "a.F", "(b.T).M", "c.G"}; !slices.Equal(n, want) {
		t.Errorf("Names = %q, want %q", n, want)
	}
	if got := n.String(); got != "default.F,a.F,(b.T).M,c.G" {
		t.Errorf("String() = %q", got)
	}
	l := List{"default"}
	if err := l.Set("x, y"); err != nil {
		t.Fatal(err)
	}
	if want := []string{"x", "y"}; !slices.Equal(l, want) {
		t.Errorf("List = %q, want %q", l, want)
	}
}
