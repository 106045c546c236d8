package cmds

import (
	"net/http"
	"os/exec"
	"path"
	"path/filepath"
)

// A path joined under a constant absolute directory starts with "/",
// whatever the value holds ("../-rf" included): it cannot be an option.
// Under a relative directory, ".." can take the directory away
// (filepath.Join("data", "../-rf") is "-rf").
func joinedPaths(r *http.Request) {
	name := r.FormValue("name")
	exec.Command("cat", filepath.Join("/data", name)).Run()             // ok: starts with "/"
	exec.Command("cat", path.Join("/srv/files", name, "x")).Run()       // ok: starts with "/"
	exec.Command("cat", filepath.Join(name, "y")).Run()                 // want `argument 1 of cat passed to exec.Command comes from external input`
	exec.Command("cat", filepath.Join("data", name)).Run()              // want `argument 1 of cat passed to exec.Command comes from external input`
	exec.Command("cat", filepath.Join("/data", name)[1:]).Run()         // want `argument 1 of cat passed to exec.Command comes from external input`
	exec.Command("sh", "-c", "cat "+filepath.Join("/data", name)).Run() // want `shell script run by sh -c passed to exec.Command comes from external input`
}
