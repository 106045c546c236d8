package cmds

import (
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strings"
)

type pingReq struct {
	Host string
	Args []string
}

// What a decoder writes through its pointer comes from what it reads: a
// request body is external input, a file the program opens is not.
func decodedBody(r *http.Request) {
	var req pingReq
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		return
	}
	exec.Command("ping", "-c", "1", req.Host).Run()       // want `argument 3 of ping passed to exec.Command comes from external input \(r.Body\)`
	exec.Command("git", req.Args...).Run()                // want `arguments of git passed to exec.Command come from external input \(r.Body\)`
	exec.Command("ping", "-c", "1", "--", req.Host).Run() // ok: after "--"

	var x pingReq
	if err := xml.NewDecoder(r.Body).Decode(&x); err != nil {
		return
	}
	exec.Command("ping", "-c", "1", x.Host).Run() // want `argument 3 of ping passed to exec.Command comes from external input \(r.Body\)`

	body, err := io.ReadAll(r.Body)
	if err != nil {
		return
	}
	var q pingReq
	if err := json.Unmarshal(body, &q); err != nil {
		return
	}
	exec.Command("ping", "-c", "1", q.Host).Run() // want `argument 3 of ping passed to exec.Command comes from external input \(r.Body\)`
}

// decodedFile decodes a file the program opens: its values are not
// external input, so they are judged as trusted arguments.
func decodedFile() {
	f, err := os.Open("/etc/app/ping.json")
	if err != nil {
		return
	}
	defer f.Close()
	var req pingReq
	if err := json.NewDecoder(f).Decode(&req); err != nil {
		return
	}
	exec.Command("ping", "-c", "1", req.Host).Run() // ok: read from the program's own file
	var x pingReq
	if err := xml.NewDecoder(strings.NewReader("<pingReq><Host>a</Host></pingReq>")).Decode(&x); err != nil {
		return
	}
	exec.Command("ping", "-c", "1", x.Host).Run() // ok: decoded from constant text
}
