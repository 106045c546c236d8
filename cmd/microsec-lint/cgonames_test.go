package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestCgoNames: a message names a value from C as the user wrote it,
// C.GoString(...), not by the functions cmd/cgo generates in its place
// (_Cfunc_GoString, whose body calls _cgo_runtime_gostring).
func TestCgoNames(t *testing.T) {
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("no C compiler")
	}
	dir := writeModule(t,
		"go.mod", healthyGoMod,
		"c/c.go", "package c\n\n/*\n#include <stdlib.h>\nchar *name(void) { return \"t\"; }\n*/\nimport \"C\"\n\n"+
			"import (\n\t\"database/sql\"\n\t\"os/exec\"\n\t\"unsafe\"\n)\n\n"+
			"func Run(db *sql.DB, q string) {\n"+
			"\tcs := C.CString(q)\n"+
			"\tdefer C.free(unsafe.Pointer(cs))\n"+
			"\tdb.Query(\"SELECT \" + C.GoString(cs))\n"+
			"\tdb.Query(\"SELECT \" + C.GoStringN(cs, 3))\n"+
			"\tdb.Query(\"SELECT \" + string(C.GoBytes(unsafe.Pointer(cs), 3)))\n"+
			"\texec.Command(\"sh\", \"-c\", C.GoString(C.name())).Run()\n"+
			"}\n",
	)
	r := runBinary(t, dir)
	want := []string{
		"c/c.go:18:2: query text passed to (*sql.DB).Query is built from non-constant text (C.GoString(...))",
		"c/c.go:19:2: query text passed to (*sql.DB).Query is built from non-constant text (C.GoStringN(...))",
		"c/c.go:20:2: query text passed to (*sql.DB).Query is built from non-constant text (C.GoBytes(...))",
		"c/c.go:21:2: shell script run by sh -c passed to exec.Command is built from non-constant text (C.GoString(...))",
	}
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if r.code != exitFindings || len(lines) != len(want) {
		t.Fatalf("exit %d, %d findings; want %d and %d:\n%s%s", r.code, len(lines), exitFindings, len(want), r.stdout, r.stderr)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("finding %d is %q, want it to start with %q", i, lines[i], w)
		}
	}
}
