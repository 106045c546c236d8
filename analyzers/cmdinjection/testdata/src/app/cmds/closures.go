package cmds

import (
	"errors"
	"os"
	"os/exec"
	"strings"
)

// A function literal that captures a parameter runs a command built from
// whatever the callers pass for it, whether it runs where it is made or
// is handed to a function that runs it later.

func listDir(dir string) {
	list := func() { exec.Command("sh", "-c", "ls "+dir).Run() }
	list()
}

func attempt(fn func() error) error { return fn() }

func checkoutLater(branch string) error {
	return attempt(func() error {
		return exec.Command("git", "checkout", branch).Run()
	})
}

func nestedScript(dir string) error {
	return attempt(func() error {
		clean := func() { exec.Command("sh", "-c", "rm -rf "+dir).Run() }
		clean()
		return nil
	})
}

// allowedCheckout allows known branches only, before the literal is made.
func allowedCheckout(branch string) error {
	if branch != "main" && branch != "develop" {
		return errors.New("unknown branch")
	}
	return attempt(func() error {
		return exec.Command("git", "checkout", branch).Run()
	})
}

// optionCheckedCheckout rejects a leading "-" before the literal is made:
// as for checkout (guards.go), the engine cannot tell that the literal
// passes the branch on unchanged in the command's arguments.
func optionCheckedCheckout(branch string) error {
	if strings.HasPrefix(branch, "-") {
		return errors.New("bad branch")
	}
	return attempt(func() error {
		return exec.Command("git", "checkout", branch).Run()
	})
}

// logged captures the directory but runs a fixed script.
func logged(dir string) error {
	return attempt(func() error {
		if dir == "" {
			return errors.New("no directory")
		}
		return exec.Command("sh", "-c", "ls /var/log").Run()
	})
}

func closureCallers() {
	dir := os.Getenv("DIR")
	listDir(dir) // want `shell script run by sh -c that cmds.listDir → a function literal in cmds.listDir passes to exec.Command \(cmds/closures.go:\d+\) comes from external input \(os.Getenv\(...\)\)`
	listDir("/tmp")
	checkoutLater(os.Getenv("BRANCH")) // want `argument 2 of git that cmds.checkoutLater → a function literal in cmds.checkoutLater passes to exec.Command \(cmds/closures.go:\d+\) comes from external input`
	checkoutLater("main")
	nestedScript(dir) // want `shell script run by sh -c that cmds.nestedScript → .* passes to exec.Command \(cmds/closures.go:\d+\) comes from external input`
	nestedScript("/tmp/build")
	allowedCheckout(os.Getenv("BRANCH"))
	optionCheckedCheckout(os.Getenv("BRANCH")) // want `argument 2 of git that cmds.optionCheckedCheckout → a function literal in cmds.optionCheckedCheckout passes to exec.Command`
	logged(dir)
}
