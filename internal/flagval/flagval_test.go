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

// TestCheckName: the two forms of a name are accepted, with a path that
// has dots, slashes and a major version; anything else is an error, and
// Names and FuncList keep their value when Set fails.
func TestCheckName(t *testing.T) {
	for _, ok := range []string{"example.com/db.Exec", "(example.com/db.Store).Query", "(github.com/jmoiron/sqlx/v2.DB).Select", "lib.Run", "(lib.T).Ünicode_1"} {
		if err := CheckName(ok); err != nil {
			t.Errorf("CheckName(%q) = %v", ok, err)
		}
	}
	for _, bad := range []string{"(((", "nodot", "Exec", ".Exec", "example.com/db.", "(example.com/db.Store.Query", "(example.com/db).Query", "example.com/db.Ex ec", "example.com/db.1x", "(a.T).M.N", "/abs.F"} {
		if err := CheckName(bad); err == nil {
			t.Errorf("CheckName(%q) accepted it", bad)
		}
	}
	n := Names{"a.F"}
	if err := n.Set("b.G, (((, c.H"); err == nil || !slices.Equal(n, Names{"a.F"}) {
		t.Errorf("Names.Set with a bad name: err %v, names %q", err, n)
	}
	f := FuncList{"a.F"}
	if err := f.Set("(*b.T).M, nodot"); err == nil || !slices.Equal(f, FuncList{"a.F"}) {
		t.Errorf("FuncList.Set with a bad name: err %v, list %q", err, f)
	}
	if err := f.Set("(*b.T).M"); err != nil || !slices.Equal(f, FuncList{"(*b.T).M"}) {
		t.Errorf("FuncList.Set(%q): err %v, list %q", "(*b.T).M", err, f)
	}
}
