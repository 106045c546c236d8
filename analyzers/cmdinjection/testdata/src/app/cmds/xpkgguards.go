package cmds

import (
	"log"
	"os"
	"os/exec"

	"app/refs"
)

// Checking helpers of another package count as those of the package do:
// a leading "-" rejected makes an argument safe, not a script.
func validatorChecked() {
	ref := os.Getenv("REF")
	if !refs.Ref(ref) {
		return
	}
	exec.Command("git", "checkout", ref).Run()
	exec.Command("sh", "-c", "git checkout "+ref).Run() // want `shell script run by sh -c passed to exec.Command comes from external input`

	byErr := os.Getenv("REF")
	if err := refs.RefErr(byErr); err != nil {
		return
	}
	exec.Command("git", "checkout", byErr).Run()

	var c refs.Checker
	byMethod := os.Getenv("REF")
	if !c.Ref(byMethod) {
		return
	}
	exec.Command("git", "checkout", byMethod).Run()

	h := os.Getenv("HOST")
	if !refs.Host(h) {
		return
	}
	exec.Command("sh", "-c", "ping -c 1 "+h).Run()
}

func validatorUnchecked() {
	forced := os.Getenv("REF")
	if !refs.RefForced(forced, os.Getenv("FORCE") != "") {
		return
	}
	exec.Command("git", "checkout", forced).Run() // want `argument 2 of git passed to exec.Command comes from external input`

	other := os.Getenv("REF")
	if !refs.RefOther(other, "src") {
		return
	}
	exec.Command("git", "checkout", other).Run() // want `argument 2 of git passed to exec.Command comes from external input`

	dashes := os.Getenv("REF")
	if !refs.RefDoubleDash(dashes) {
		return
	}
	exec.Command("git", "checkout", dashes).Run() // want `argument 2 of git passed to exec.Command comes from external input`

	contains := os.Getenv("REF")
	if err := refs.RefContains(contains); err != nil {
		return
	}
	exec.Command("git", "checkout", contains).Run() // want `argument 2 of git passed to exec.Command comes from external input`

	signed := os.Getenv("REF")
	if !refs.RefSigned(signed) {
		return
	}
	exec.Command("git", "checkout", signed).Run() // want `argument 2 of git passed to exec.Command comes from external input`

	ignored := os.Getenv("REF")
	refs.Ref(ignored)
	exec.Command("git", "checkout", ignored).Run() // want `argument 2 of git passed to exec.Command comes from external input`

	failing := os.Getenv("REF")
	if !refs.Ref(failing) {
		log.Print("bad ref")
		exec.Command("git", "checkout", failing).Run() // want `argument 2 of git passed to exec.Command comes from external input`
	}

	failingErr := os.Getenv("REF")
	if err := refs.RefErr(failingErr); err == nil {
		return
	}
	exec.Command("git", "checkout", failingErr).Run() // want `argument 2 of git passed to exec.Command comes from external input`

	host := os.Getenv("HOST")
	if !refs.Ref(host) {
		return
	}
	exec.Command("sh", "-c", "ping -c 1 "+host).Run() // want `shell script run by sh -c passed to exec.Command comes from external input`
}
