package cmds

import (
	"os"
	"os/exec"
)

var tools = map[string]bool{"ls": true, "df": true}

// A program or script checked against an allow list on every path to the
// command is safe; one that a path goes around is not.
func guardedCommands() {
	prog := os.Getenv("TOOL")
	if !tools[prog] {
		return
	}
	exec.Command(prog).Run()
	exec.Command("sh", "-c", prog+" -h").Run()
}

func unguardedCommands() {
	prog := os.Getenv("TOOL")
	if tools[prog] {
		exec.Command(prog).Run()
	}
	exec.Command("sh", "-c", prog+" -h").Run() // want `shell script run by sh -c passed to exec.Command comes from external input`
}
