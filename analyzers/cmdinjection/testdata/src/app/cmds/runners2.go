package cmds

import (
	"os"
	"os/exec"
)

// Docker's and Podman's exec and run under a management command, and
// docker-compose.
func dockerForms() {
	file := os.Getenv("FILE")
	exec.Command("docker", "compose", "exec", "web", "sh", "-c", "ls "+file)                // want `shell script run by docker sh -c passed to exec.Command comes from external input`
	exec.Command("docker", "compose", "-f", "ci.yml", "run", "web", "sh", "-c", "ls "+file) // want `shell script run by docker sh -c passed to exec.Command comes from external input`
	exec.Command("docker", "container", "exec", "web", "sh", "-c", "ls "+file)              // want `shell script run by docker sh -c passed to exec.Command comes from external input`
	exec.Command("podman", "container", "run", "alpine", "sh", "-c", "ls "+file)            // want `shell script run by podman sh -c passed to exec.Command comes from external input`
	exec.Command("docker-compose", "exec", "web", "bash", "-c", "ls "+file)                 // want `shell script run by docker-compose bash -c passed to exec.Command comes from external input`
	exec.Command("docker", "compose", "exec", "web", "sh", "-c", `ls -- "$1"`, "sh", file)
	exec.Command("docker", "compose", "logs", "sh", "-c", "x")
	exec.Command("docker", "container", "ls", "--filter", "name=sh")
}

// Interpreters named with their version, and their code flags bundled or
// glued.
func interpreterForms() {
	pat := os.Getenv("PAT")
	exec.Command("python3.11", "-c", "print('"+pat+"')")                    // want `program text run by python3.11 -c passed to exec.Command comes from external input`
	exec.Command("/usr/bin/python2.7", "-I", "-c", "print('"+pat+"')")      // want `program text run by python2.7 -c passed to exec.Command comes from external input`
	exec.Command("ruby3.2", "-e", "puts "+pat)                              // want `program text run by ruby3.2 -e passed to exec.Command comes from external input`
	exec.Command("nodejs", "-e", "console.log("+pat+")")                    // want `program text run by nodejs -e passed to exec.Command comes from external input`
	exec.Command("perl", "-pe", "s/a/"+pat+"/", "/tmp/x")                   // want `program text run by perl -pe passed to exec.Command comes from external input`
	exec.Command("perl", "-lne", "print if /"+pat+"/", "/tmp/x")            // want `program text run by perl -lne passed to exec.Command comes from external input`
	exec.Command("node", "--eval="+"console.log('"+pat+"')")                // want `program text run by node --eval passed to exec.Command comes from external input`
	exec.Command("node", "--eval", "console.log('"+pat+"')")                // want `program text run by node --eval passed to exec.Command comes from external input`
	exec.Command("python3", "-c"+"print('"+pat+"')")                        // want `program text run by python3 -c passed to exec.Command comes from external input`
	exec.Command("python3.11", "-c", `import sys; print(sys.argv[1])`, pat) // a program argument
	exec.Command("perl", "-pe", "s/a/b/", "--", pat)
	exec.Command("node", "--eval=console.log(1)")
	exec.Command("python3.11", "/opt/tool.py", "-c", "--", pat)
}

// Runners with a -c of their own, and shell options that take a value.
func ownDashC() {
	file := os.Getenv("FILE")
	exec.Command("flock", "/tmp/l", "-c", "ls "+file)                            // want `shell script run by flock -c passed to exec.Command comes from external input`
	exec.Command("flock", "-w", "5", "/tmp/l", "sh", "-c", "ls "+file)           // want `shell script run by flock sh -c passed to exec.Command comes from external input`
	exec.Command("script", "-q", "-c", "ls "+file, "/dev/null")                  // want `shell script run by script -c passed to exec.Command comes from external input`
	exec.Command("ip", "netns", "exec", "ns1", "sh", "-c", "ls "+file)           // want `shell script run by ip sh -c passed to exec.Command comes from external input`
	exec.Command("sudo", "ip", "netns", "exec", "ns1", "bash", "-c", "ls "+file) // want `shell script run by sudo ip bash -c passed to exec.Command comes from external input`
	exec.Command("bash", "-O", "extglob", "-c", "ls "+file)                      // want `shell script run by bash -c passed to exec.Command comes from external input`
	exec.Command("bash", "+O", "extglob", "-o", "pipefail", "-c", "ls "+file)    // want `shell script run by bash -c passed to exec.Command comes from external input`
	exec.Command("flock", "/tmp/l", "-c", "ls /tmp")
	exec.Command("script", "-q", "/tmp/typescript")
	exec.Command("ip", "netns", "exec", "ns1", "ls", "--", file)
	exec.Command("ip", "addr", "show", "dev", "eth0")
	exec.Command("bash", "-O", "extglob", "-c", `ls -- "$1"`, "bash", file)
}
