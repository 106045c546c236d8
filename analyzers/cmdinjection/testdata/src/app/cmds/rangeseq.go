package cmds

import (
	"net/http"
	"os/exec"
	"slices"
	"strings"
)

// The loop variable of a range over strings.SplitSeq (and the other
// iterators of strings, bytes and slices) is a piece of what it splits.
func rangeOverSeq(r *http.Request) {
	for host := range strings.SplitSeq(r.FormValue("hosts"), ",") {
		exec.Command("sh", "-c", "ping -c 1 "+host).Run() // want `shell script run by sh -c passed to exec.Command comes from external input \(r.FormValue\(...\)\)`
	}
	for host := range strings.SplitSeq("a.example.com,b.example.com", ",") {
		exec.Command("sh", "-c", "ping -c 1 "+host).Run() // ok: constant hosts
	}
	for _, arg := range slices.All(r.Form["arg"]) {
		exec.Command("sh", "-c", "echo "+arg).Run() // want `shell script run by sh -c passed to exec.Command comes from external input`
	}
	for arg := range slices.Values([]string{"-a", "-b"}) {
		exec.Command("sh", "-c", "ls "+arg).Run() // ok: constant options
	}
}
