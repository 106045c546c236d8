package cmds

import (
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
)

// The running program's own path, from os.Executable, is no text an
// attacker chose: running itself again, or a helper installed beside it,
// is safe. os.Args[0] is set by whoever starts the program.
func reExec(r *http.Request) {
	self, err := os.Executable()
	if err != nil {
		return
	}
	exec.Command(self, "child").Run()                                          // ok: the program itself
	exec.Command(filepath.Join(filepath.Dir(self), "helper")).Run()            // ok: a helper beside it
	exec.Command(os.Args[0], "child").Run()                                    // want `program name passed to exec.Command comes from external input \(os.Args\[...\]\)`
	exec.Command(os.Getenv("SELF"), "child").Run()                             // want `program name passed to exec.Command comes from external input \(os.Getenv\(...\)\)`
	exec.Command(filepath.Join(filepath.Dir(self), r.FormValue("tool"))).Run() // want `program name passed to exec.Command comes from external input \(r.FormValue\(...\)\)`
	exec.Command(self, "child", r.FormValue("name")).Run()                     // want `argument 2 passed to exec.Command comes from external input`
}
