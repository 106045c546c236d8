package cmds

import (
	"os"
	"os/exec"
)

// Environment variables whose value a program runs, set through Cmd.Env.
func cmdEnv() {
	host := os.Getenv("HOST")
	cmd := exec.Command("git", "fetch", "--", "origin") // want `command in environment variable "GIT_SSH_COMMAND=..." of git passed to exec.Command comes from external input \(os.Getenv\(...\)\); the value of this variable is run or loaded as code: choose it from a fixed set of constants`
	cmd.Env = append(os.Environ(), "GIT_SSH_COMMAND="+host)
	cmd.Run()

	cmd = exec.Command("git", "fetch", "--", "origin") // want `command in environment variable "LD_PRELOAD=..." of git passed to exec.Command comes from external input`
	env := os.Environ()
	env = append(env, "GIT_TRACE=1", "LD_PRELOAD="+host)
	cmd.Env = env
	cmd.Run()

	cmd = exec.Command("make") // want `command in environment variable "PATH=..." of make passed to exec.Command comes from external input`
	cmd.Env = []string{"HOME=/tmp", "PATH=" + host}
	cmd.Run()

	// Variables whose value is data.
	cmd = exec.Command("git", "fetch", "--", "origin")
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME="+host, "GIT_SSH_COMMAND=ssh -i /etc/key")
	cmd.Run()
}

// fetchWith fetches with the ssh command it is given.
func fetchWith(ssh string) error {
	cmd := exec.Command("git", "fetch", "--", "origin")
	cmd.Env = append(os.Environ(), "GIT_SSH_COMMAND="+ssh)
	return cmd.Run()
}

func callsFetchWith() {
	fetchWith(os.Getenv("SSH")) // want `command in environment variable "GIT_SSH_COMMAND=..." of git that cmds.fetchWith passes to exec.Command \(cmds/cmdenv.go:\d+\) comes from external input`
	fetchWith("ssh -i /etc/key")
}
