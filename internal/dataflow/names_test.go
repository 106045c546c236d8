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

// TestCgoName: messages name what the user wrote, not the names cmd/cgo
// generates in its place; other names, a user's own underscores among
// them, are not cgo's.
func TestCgoName(t *testing.T) {
	for name, want := range map[string]string{
		"_cgo_runtime_gostring":  "C.GoString",
		"_cgo_runtime_gostringn": "C.GoStringN",
		"_cgo_runtime_gobytes":   "C.GoBytes",
		"_Cfunc_GoString":        "C.GoString",
		"_Cfunc_GoStringN":       "C.GoStringN",
		"_Cfunc_GoBytes":         "C.GoBytes",
		"_Cfunc_CString":         "C.CString",
		"_Cfunc__CMalloc":        "C.malloc",
		"_Cfunc_getenv":          "C.getenv",
		"_C2func_getenv":         "C.getenv",
		"_Cvar_environ":          "C.environ",
		"_Cmacro_NAME":           "C.NAME",
		"_Csconst_VERSION":       "C.VERSION",
		"_Cfpvar_fp_cb":          "C.cb",
		"_Cfunc_":                "",
		"_Cother_x":              "",
		"_cgo_x":                 "",
		"Cfunc_x":                "",
		"query":                  "",
	} {
		got, ok := cgoName(name)
		if got != want || ok != (want != "") {
			t.Errorf("cgoName(%q) = %q, %v; want %q", name, got, ok, want)
		}
	}
	pkg := types.NewPackage("example.com/cgop", "cgop")
	sig := types.NewSignatureType(nil, nil, nil, nil, nil, false)
	if got := Name(types.NewFunc(0, pkg, "_cgo_runtime_gostring", sig)); got != "C.GoString" {
		t.Errorf("Name(_cgo_runtime_gostring) = %q, want C.GoString", got)
	}
	if got := Name(types.NewFunc(0, pkg, "Query", sig)); got != "cgop.Query" {
		t.Errorf("Name(Query) = %q, want cgop.Query", got)
	}
}
