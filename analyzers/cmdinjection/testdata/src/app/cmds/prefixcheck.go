package cmds

import (
	"os"
	"os/exec"
	"strings"
)

// A value that must start with fixed text other than "-" is no option.
func prefixChecks() {
	repo := os.Getenv("REPO")
	if !strings.HasPrefix(repo, "https://") {
		return
	}
	exec.Command("git", "clone", repo).Run()
	exec.Command("sh", "-c", "git clone "+repo).Run() // want `shell script run by sh -c passed to exec.Command comes from external input`
}

func prefixChecksNot() {
	repo, ref := os.Getenv("REPO"), os.Getenv("REF")
	if strings.HasPrefix(repo, "https://") {
		exec.Command("git", "clone", repo).Run()
	}
	exec.Command("git", "clone", repo).Run() // want `argument 2 of git passed to exec.Command comes from external input`
	if !strings.HasPrefix(ref, "--") {
		return
	}
	exec.Command("git", "checkout", ref).Run() // want `argument 2 of git passed to exec.Command comes from external input`
	if !strings.HasPrefix(ref, "") {
		return
	}
	exec.Command("git", "checkout", ref).Run() // want `argument 2 of git passed to exec.Command comes from external input`
}
