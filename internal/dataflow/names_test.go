package dataflow

import (
	"go/types"
	"testing"
)

func TestKeySet(t *testing.T) {
	pkg := types.NewPackage("example.com/db/v2", "db")
	f := types.NewFunc(0, pkg, "Query", types.NewSignatureType(nil, nil, nil, nil, nil, false))
	named := types.NewNamed(types.NewTypeName(0, pkg, "Conn", nil), types.NewStruct(nil, nil), nil)
	recv := types.NewVar(0, pkg, "c", types.NewPointer(named))
	m := types.NewFunc(0, pkg, "Exec", types.NewSignatureType(recv, nil, nil, nil, nil, false))
	other := types.NewFunc(0, types.NewPackage("example.com/db", "db"), "Query", types.NewSignatureType(nil, nil, nil, nil, nil, false))

	s := NewKeySet([]string{"example.com/db/v2.Query"}, []string{"(example.com/db/v2.Conn).Exec", "bad"})
	for obj, want := range map[types.Object]bool{f: true, m: true, other: false, nil: false} {
		if got := s.Has(obj); got != want {
			t.Errorf("Has(%v) = %v, want %v", obj, got, want)
		}
	}
	if s.Len() != 3 {
		t.Errorf("Len = %d, want 3", s.Len())
	}
	for key, want := range map[string]string{
		"example.com/db/v2.Query":       "example.com/db/v2",
		"(example.com/db/v2.Conn).Exec": "example.com/db/v2",
		"(gopkg.in/x.v1.T).M":           "gopkg.in/x.v1",
		"os/exec.Command":               "os/exec",
		"nodot":                         "nodot",
	} {
		if got := keyPath(key); got != want {
			t.Errorf("keyPath(%q) = %q, want %q", key, got, want)
		}
	}
}
