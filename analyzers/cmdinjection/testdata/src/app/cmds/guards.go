package cmds

import (
	"os"
	"os/exec"
	"strings"
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

// A value rejected when it starts with "-" cannot be read as an option:
// safe as an argument, not in a script.
func optionChecked() {
	ref := os.Getenv("REF")
	if ref == "" || strings.HasPrefix(ref, "-") {
		return
	}
	exec.Command("git", "checkout", ref).Run()
	exec.Command("sh", "-c", "git checkout "+ref).Run() // want `shell script run by sh -c passed to exec.Command comes from external input`
}

func optionUnchecked() {
	ref := os.Getenv("REF")
	if strings.HasPrefix(ref, "--") {
		return
	}
	exec.Command("git", "checkout", ref).Run() // want `argument 2 of git passed to exec.Command comes from external input`
}
