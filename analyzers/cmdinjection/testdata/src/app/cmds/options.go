package cmds

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
)

// A value glued after a long option's "=", or after text that is not an
// option, cannot become another option; glued after "-" or a short
// option, or passed as an argument of its own after an option, it can.
func gluedOptions(url string) {
	branch := os.Getenv("BRANCH")
	exec.Command("git", "clone", "--branch="+branch, url)                   // ok: the value of --branch
	exec.Command("git", "clone", fmt.Sprintf("--branch=%s", branch), url)   // ok: the value of --branch
	exec.Command("git", "clone", "--depth=1", "--branch="+branch+"^0", url) // ok: the value of --branch
	exec.Command("git", "checkout", "refs/heads/"+branch)                   // ok: a ref, never an option
	cloneBranch(branch, url)                                                // ok: the wrapper glues it
	exec.Command("git", "clone", branch, url)                               // want `argument 2 of git passed to exec.Command comes from external input`
	exec.Command("git", "clone", "--branch", branch, url)                   // want `argument 3 of git passed to exec.Command comes from external input`
	exec.Command("git", "log", "-"+branch)                                  // want `argument 2 of git passed to exec.Command comes from external input`
	exec.Command("git", "log", "--"+branch)                                 // want `argument 2 of git passed to exec.Command comes from external input`
	exec.Command("curl", "-o"+branch, url)                                  // want `argument 1 of curl passed to exec.Command comes from external input`
	exec.Command("git", "clone", fmt.Sprintf("%s=x", branch), url)          // want `argument 2 of git passed to exec.Command comes from external input`
	exec.Command("git", "clone", branch[1:], url)                           // want `argument 2 of git passed to exec.Command comes from external input`
	exec.Command("git", "clone", ("x" + branch)[1:], url)                   // want `argument 2 of git passed to exec.Command comes from external input`
	cloneAny(branch, url)                                                   // want `argument 2 of git that cmds.cloneAny passes to exec.Command \(cmds/options.go:\d+\) comes from external input`
}

// cloneBranch passes branch as the value of --branch.
func cloneBranch(branch, url string) {
	exec.Command("git", "clone", "--branch="+branch, url).Run()
}

// cloneAny passes arg as an argument of its own.
func cloneAny(arg, url string) {
	exec.Command("git", "clone", arg, url).Run()
}

// grep reads the argument after -e or --regexp as its pattern, whatever
// it starts with; the options of other programs are not known.
func grepPatterns() {
	p := os.Getenv("PATTERN")
	exec.Command("grep", "-e", p, "/var/log/app.log")                     // ok: the pattern of -e
	exec.Command("/bin/grep", "-i", "--regexp", p, "/var/log/app.log")    // ok: the pattern of --regexp
	exec.Command("grep", "-e", "warn", "-e", p, "--", "/var/log/app.log") // ok: the pattern of the second -e
	exec.Command("grep", p, "/var/log/app.log")                           // want `argument 1 of grep passed to exec.Command comes from external input`
	exec.Command("grep", "-e", p, p)                                      // want `argument 3 of grep passed to exec.Command comes from external input`
	exec.Command("grep", "-e", "-e", p)                                   // want `argument 3 of grep passed to exec.Command comes from external input`
	exec.Command("grep", "-e", "--", p)                                   // want `argument 3 of grep passed to exec.Command comes from external input`
	exec.Command("git", "grep", "-e", p)                                  // want `argument 3 of git passed to exec.Command comes from external input`
}

// Some options and settings take a command as their value: glued there,
// a value is run, whatever it starts with.
func commandOptions(url string) {
	v := os.Getenv("V")
	exec.Command("git", "clone", "--upload-pack="+v, url)                       // want `command in argument 2 of git \("--upload-pack=\.\.\."\) passed to exec.Command comes from external input \(os.Getenv\(\.\.\.\)\); the value of this option or setting is run or loaded as code`
	exec.Command("git", "-c", "core.sshCommand="+v, "fetch")                    // want `command in argument 2 of git \("core.sshCommand=\.\.\."\)`
	exec.Command("git", "-c", "core.pager="+v, "log")                           // want `command in argument 2 of git \("core.pager=\.\.\."\)`
	exec.Command("git", "rebase", "--exec="+v, "main")                          // want `command in argument 2 of git \("--exec=\.\.\."\)`
	exec.Command("rsync", "--rsh="+v, "src/", "host:dst/")                      // want `command in argument 1 of rsync`
	exec.Command("tar", "-cf", "out.tar", "--checkpoint-action=exec="+v, "dir") // want `command in argument 3 of tar`
	exec.Command("tar", "-xf", "in.tar", "--to-command="+v)                     // want `command in argument 3 of tar`
	exec.Command("ssh", "-o", "ProxyCommand="+v, "host.example.com", "uptime")  // want `command in argument 2 of ssh`
	exec.Command("env", "LD_PRELOAD="+v, "/usr/bin/id")                         // want `command in argument 1 of env`
	exec.Command("git", "clone", "--upload-pack=git-upload-pack", url)          // ok: constant
	exec.Command("git", "-c", "user.name="+v, "commit")                         // want `argument 2 of git passed to exec.Command comes from external input`
	exec.Command("rsync", "--rsync-path="+v, "src/", "host:dst/")               // want `argument 1 of rsync passed to exec.Command comes from external input`
	exec.Command("env", "GIT_SSH="+v, "git", "fetch")                           // want `command in argument 1 of env`
	exec.Command("git", "-c", "alias.x=!"+v, "x")                               // want `command in argument 2 of git`
	exec.Command("git", "log", "--diff-filter="+v)                              // want `argument 2 of git passed to exec.Command comes from external input`
	exec.Command("git", "-c", "pack.threads="+v, "gc")                          // want `argument 2 of git passed to exec.Command comes from external input`
	exec.Command("curl", "https://api.example.com/items?filter="+v)             // ok: a URL
	exec.Command("kubectl", "get", "pods", "--selector=tool="+v)                // want `argument 3 of kubectl passed to exec.Command comes from external input`
	exec.Command("git", "log", "--grep=exec="+v)                                // want `argument 2 of git passed to exec.Command comes from external input`
	if strings.HasPrefix(v, "-") {
		return
	}
	exec.Command("git", "clone", "--upload-pack="+v, url) // want `command in argument 2 of git`
}
