package cmds

import (
	"flag"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
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

	cmd = exec.Command("make") // want `command in environment variable "PATH=..." of make passed to exec.Command comes from external input \(os.Args\[...\]\)`
	cmd.Env = []string{"HOME=/tmp", "PATH=" + os.Args[1]}
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

var binDir = flag.String("bin", "", "")

// A search path built from the program's own environment and fixed
// directories gives the child nothing it did not inherit (go-micro's
// generate.go); from a request, a flag or os.Args it chooses the programs
// the child runs.
func searchPaths(r *http.Request) {
	cmd := exec.Command("go", "generate", "./...")
	cmd.Env = append(os.Environ(), "PATH="+os.Getenv("PATH")+":"+os.Getenv("GOPATH")+"/bin:"+os.Getenv("HOME")+"/go/bin")
	cmd.Run()

	home, _ := os.UserHomeDir()
	gopath, ok := os.LookupEnv("GOPATH")
	if !ok {
		gopath = filepath.Join(home, "go")
	}
	cmd = exec.Command("go", "generate", "./...")
	cmd.Env = append(os.Environ(), "PATH="+filepath.Join(gopath, "bin")+":"+os.Getenv("PATH"), "PYTHONPATH="+home+"/lib")
	cmd.Run()

	cmd = exec.Command("go", "generate", "./...") // want `command in environment variable "PATH=..." of go passed to exec.Command comes from external input`
	cmd.Env = append(os.Environ(), "PATH="+os.Getenv("PATH")+":"+r.FormValue("dir"))
	cmd.Run()

	cmd = exec.Command("go", "generate", "./...") // want `command in environment variable "PATH=..." of go passed to exec.Command comes from external input \(flag -bin\)`
	cmd.Env = append(os.Environ(), "PATH="+*binDir+":"+os.Getenv("PATH"))
	cmd.Run()

	// Not a search path: the environment's value is still run.
	cmd = exec.Command("git", "fetch", "--", "origin") // want `command in environment variable "GIT_SSH_COMMAND=ssh -i ..." of git passed to exec.Command comes from external input \(os.Getenv\(...\)\)`
	cmd.Env = append(os.Environ(), "GIT_SSH_COMMAND=ssh -i "+os.Getenv("KEY"))
	cmd.Run()
}

// An entry whose name comes from input sets any variable: LD_PRELOAD,
// GIT_SSH_COMMAND. As env(1) takes it.
func namedByInput(r *http.Request) {
	k, v := r.FormValue("k"), r.FormValue("v")
	c := exec.Command("git", "fetch", "--", "origin") // want `environment entry of git passed to exec.Command comes from external input \(r.FormValue\(...\)\); its name can set a variable the program runs or loads \(LD_PRELOAD, GIT_SSH_COMMAND\): choose the name from a fixed set of constants`
	c.Env = append(os.Environ(), k+"="+v)
	c.Run()

	c = exec.Command("git", "fetch", "--", "origin") // want `environment entry of git passed to exec.Command comes from external input \(r.FormValue\(...\)\)`
	c.Env = append(os.Environ(), r.FormValue("env"))
	c.Run()

	exec.Command("env", k+"="+v, "git", "fetch").Run() // want `environment entry in argument 1 of env passed to exec.Command comes from external input \(r.FormValue\(...\)\); its name can set`

	c = exec.Command("git", "log") // want `command in environment variable "GIT_PAGER=..." of git passed to exec.Command comes from external input`
	c.Env = os.Environ()
	c.Env = append(c.Env, "GIT_PAGER="+v)
	c.Run()

	c = exec.Command("bash", "-c", "x") // want `command in environment variable "BASH_FUNC_x%%=\(\) { ..." of bash passed to exec.Command comes from external input`
	c.Env = append(os.Environ(), "BASH_FUNC_x%%=() { "+v+"; }")
	c.Run()

	// The name is constant: the value is data.
	c = exec.Command("git", "fetch", "--", "origin")
	c.Env = append(os.Environ(), "GIT_AUTHOR_NAME="+v)
	c.Run()
	exec.Command("env", "GIT_AUTHOR_NAME="+v, "git", "fetch").Run() // want `argument 1 of env passed to exec.Command comes from external input`
	// Entries not known one by one (see the rule's Limitations).
	c = exec.Command("git", "fetch", "--", "origin")
	c.Env = append(os.Environ(), r.Form["env"]...)
	c.Run()
	// The program's own environment, passed on whole.
	c = exec.Command("git", "fetch", "--", "origin")
	c.Env = os.Environ()
	c.Run()
	runWithEnv(os.Environ())
	runWithEnv(append(os.Environ(), "GIT_TRACE=1"))
}

// runWithEnv runs git with the environment it is given.
func runWithEnv(env []string) error {
	c := exec.Command("git", "fetch", "--", "origin")
	c.Env = env
	return c.Run()
}

func callsRunWithEnv(r *http.Request) {
	runWithEnv([]string{r.FormValue("env")}) // want `environment entry of git that cmds.runWithEnv passes to exec.Command \(cmds/cmdenv.go:\d+\) comes from external input`
	runWithEnv(r.Form["env"])
	runWithEnv(os.Environ())
}

// runTool's program is reported where it runs, whatever the environment
// its callers give.
func runTool(env []string) error {
	c := exec.Command(os.Getenv("TOOL")) // want `program name passed to exec.Command comes from external input`
	c.Env = append(os.Environ(), env...)
	return c.Run()
}

func callsRunTool() {
	runTool(nil)
	runTool([]string{"A=b"})
}
