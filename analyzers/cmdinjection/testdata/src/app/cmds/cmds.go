package cmds

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"syscall"

	"go-micro.dev/v4/runtime"
)

const git = "git"

var script = flag.String("script", "", "")

func shells(n int) {
	dir := os.Getenv("DIR")
	exec.Command("sh", "-c", "ls "+dir) // want `shell script run by sh -c passed to exec.Command comes from external input \(os.Getenv\(...\)\)`
	exec.Command("sh", "-c", "ls /tmp")
	exec.Command("/bin/bash", "-ec", *script) // want `shell script run by bash -c passed to exec.Command comes from external input \(flag -script\)`
	exec.Command("/bin/bash", "-ec", "ls -l | wc -l")
	exec.Command("sh", "-c", `ls -- "$1"`, "sh", dir)
	exec.Command("sh", "-c", "--", "ls "+dir)                     // want `shell script run by sh -c passed to exec.Command comes from external input \(os.Getenv\(...\)\)`
	exec.Command("bash", "-c", "-e", "-o", "pipefail", "ls "+dir) // want `shell script run by bash -c passed to exec.Command comes from external input`
	exec.Command("sudo", "sh", "-c", "--", "ls "+dir)             // want `shell script run by sudo sh -c passed to exec.Command comes from external input`
	exec.Command("sh", "-c", "--", `ls -- "$1"`, "sh", dir)       // ok: a positional parameter
	exec.Command("bash", "-c", "-e", `ls -- "$1"`, "bash", dir)   // ok: a positional parameter
	exec.Command("sh", "-c", "sleep "+strconv.Itoa(n))
	exec.Command("busybox", "sh", "-c", "rm "+dir) // want `shell script run by busybox sh -c`
	exec.Command("busybox", "rm", "--", dir)
	exec.Command("cmd.exe", "/C", "dir "+dir) // want `shell script run by cmd /C`
	exec.Command("cmd.exe", "/C", "dir")
	exec.Command("powershell", "-Command", "Get-Item", dir) // want `shell script run by powershell -Command`
	exec.Command("powershell", "-Command", "Get-Date")
	exec.Command("bash", dir+"/deploy.sh") // want `shell script run by bash passed to exec.Command comes from external input`
	exec.Command("bash", "/opt/deploy.sh", dir)
}

func programs(ctx context.Context, kind int, lookup func() string) {
	name := lookup()
	exec.Command(os.Getenv("TOOL"), "--version") // want `program name passed to exec.Command comes from external input \(os.Getenv\(...\)\); choose the program from a fixed set of constants`
	tool := "ls"
	switch kind {
	case 1:
		tool = "cat"
	case 2:
		tool = git
	}
	exec.Command(tool, "--version")
	tools := map[string]string{"list": "ls", "show": "cat"}
	exec.Command(tools[os.Args[1]], "--help")
	exec.CommandContext(ctx, git, "status")
	exec.CommandContext(ctx, git, os.Getenv("B"))      // want `argument 1 of git passed to exec.CommandContext comes from external input`
	exec.Command(fmt.Sprintf("/opt/%s/bin/run", name)) // want `program name passed to exec.Command is built from non-constant text \(lookup\(...\)\)`
	exec.Command(fmt.Sprintf("/opt/v%d/bin/run", kind))
}

var statusArgs = []string{"status", "--short"}

func spread(extra []string) {
	args := []string{"log", "--oneline", "-n", "5"}
	exec.Command("git", args...)
	exec.Command(git, statusArgs...)
	exec.Command("git", append([]string{"log"}, os.Args[1:]...)...) // want `arguments of git passed to exec.Command come from external input \(os.Args\)`
	exec.Command("git", append([]string{"log", "--"}, os.Args[1:]...)...)
	exec.Command("git", extra...)
}

func argumentInjection(unknown func() string) {
	branch := os.Getenv("BRANCH")
	exec.Command("git", "checkout", branch) // want `argument 2 of git passed to exec.Command comes from external input \(os.Getenv\(...\)\); reject values that start with "-" or put "--" before them`
	exec.Command("git", "checkout", "--", branch)
	exec.Command("git", "diff", "--end-of-options", branch, "--")
	exec.Command("git", "diff", branch, "--end-of-options") // want `argument 2 of git passed to exec.Command comes from external input \(os.Getenv\(...\)\)`
	exec.Command("git", "checkout", unknown())
}

func lowLevel(env []string) {
	x := os.Getenv("X")
	syscall.Exec("/bin/sh", []string{"sh", "-c", "echo " + x}, env) // want `shell script run by sh -c passed to syscall.Exec`
	syscall.Exec("/bin/sh", []string{"sh", "-c", "echo hi"}, env)
	os.StartProcess(x, []string{x}, nil) // want `program name passed to os.StartProcess comes from external input`
	os.StartProcess("/bin/true", []string{"true"}, nil)
	syscall.ForkExec("/usr/bin/git", []string{"git", "checkout", x}, nil) // want `argument 2 of git passed to syscall.ForkExec`
}

// run is a wrapper: it is judged at each call, not by itself.
func run(name string, args ...string) error {
	return exec.Command(name, args...).Run()
}

func wrappers() {
	run("sh", "-c", "echo "+os.Getenv("MSG")) // want `shell script run by sh -c that cmds.run passes to exec.Command \(cmds/cmds.go:\d+\) comes from external input`
	run("sh", "-c", "echo hello")
	run(os.Getenv("PROG"), "-v") // want `program name that cmds.run passes to exec.Command \(cmds/cmds.go:\d+\) comes from external input`
	run("ls", "-l")
}

func goMicroRuntime(req struct{ Cmd string }) {
	runtime.WithCommand("/usr/local/bin/worker", os.Getenv("MODE")) // want `command passed to runtime.WithCommand comes from external input`
	runtime.WithCommand("/usr/local/bin/worker", "--serve")
	runtime.WithArgs("--name", os.Getenv("NAME")) // want `arguments passed to runtime.WithArgs come from external input`
	runtime.WithArgs("--verbose")
}

// words yields what it is given; a loop over it is a range over a function.
func words(ws []string) func(yield func(string) bool) {
	return func(yield func(string) bool) {
		for _, w := range ws {
			if !yield(w) {
				return
			}
		}
	}
}

func rangeOverFunc(ws []string) {
	for w := range words(ws) {
		exec.Command("sh", "-c", w).Run() // want `shell script run by sh -c passed to exec.Command is built from non-constant text \(a range-over-func loop variable\)`
	}
}

type job struct{ Program string }

// fromChannel runs what it receives; the message names the value as
// written.
func fromChannel(jobs chan job) {
	j := <-jobs
	exec.Command(j.Program).Run()        // want `program name passed to exec.Command is built from non-constant text \(j.Program\)`
	exec.Command((<-jobs).Program).Run() // want `program name passed to exec.Command is built from non-constant text \(\(<-jobs\).Program\)`
}

// Programs that run another program, and interpreters, with the script
// or program text built from input.
func runners() {
	svc := os.Getenv("SVC")
	exec.Command("sudo", "-n", "--", "sh", "-c", "systemctl restart "+svc)             // want `shell script run by sudo sh -c passed to exec.Command comes from external input`
	exec.Command("kubectl", "exec", "web-0", "--", "sh", "-c", "restart "+svc)         // want `shell script run by kubectl sh -c`
	exec.Command("docker", "exec", "-u", "root", "web", "bash", "-lc", "restart "+svc) // want `shell script run by docker bash -c`
	exec.Command("timeout", "5", "/usr/bin/env", "bash", "-c", "restart "+svc)         // want `shell script run by timeout env bash -c`
	exec.Command("ssh", "-p", "2222", "deploy@host", "systemctl restart "+svc)         // want `shell script run by ssh passed to exec.Command comes from external input`
	exec.Command("su", "-", "deploy", "-c", "restart "+svc)                            // want `shell script run by su -c`
	exec.Command("python3", "-c", "import os; os.system('"+svc+"')")                   // want `program text run by python3 -c passed to exec.Command comes from external input`
	exec.Command("docker", "exec", svc, "sh", "-c", "uptime")                          // want `argument 2 of docker passed to exec.Command comes from external input`
	exec.Command("sudo", "sh", "-c", `systemctl restart "$1"`, "sh", svc)              // the value is a positional parameter
	exec.Command("ssh", "deploy@host", "uptime")
	exec.Command("ssh", "-o", "BatchMode=yes", svc, "uptime") // want `argument 3 of ssh passed to exec.Command comes from external input`
	exec.Command("docker", "exec", "web", "ls", svc)          // want `argument 4 of docker passed to exec.Command comes from external input`
}

// Arguments that look like a shell or an interpreter's flag but are not.
func notRunners() {
	cfg, host, file := os.Getenv("CFG"), os.Getenv("HOST"), os.Getenv("FILE")
	exec.Command("python3", append([]string{"/opt/tools/report.py"}, os.Args[1:]...)...)     // want `arguments of python3 passed to exec.Command`
	exec.Command("python3", "train.py", "-c", cfg)                                           // want `argument 3 of python3 passed to exec.Command comes from external input`
	exec.Command("kubectl", "logs", "-c", "node", "-p", cfg)                                 // want `argument 5 of kubectl passed to exec.Command`
	exec.Command("docker", "run", "--rm", "--entrypoint", "/bin/sh", "alpine:3", "-c", file) // want `argument 7 of docker passed to exec.Command`
	exec.Command("env", "SHELL=/bin/sh", "sh", "-c", "cat "+file)                            // want `shell script run by env sh -c`
	exec.Command("ssh", "-i", "/etc/key", host, "--", "cat", file)                           // want `shell script run by ssh passed to exec.Command comes from external input \(os.Getenv\(...\)\); quote each value for the remote shell`
}
