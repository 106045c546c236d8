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
