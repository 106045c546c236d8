package cmds

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
)

// A script sent on a shell's or interpreter's standard input.
func stdinScripts() {
	dir := os.Getenv("DIR")
	cmd := exec.Command("sh") // want `shell script on the standard input of sh passed to exec.Command comes from external input \(os.Getenv\(...\)\)`
	cmd.Stdin = strings.NewReader("ls " + dir)
	cmd.Run()

	cmd = exec.Command("/bin/bash", "-e", "-o", "pipefail") // want `shell script on the standard input of bash passed to exec.Command comes from external input`
	cmd.Stdin = bytes.NewBufferString("ls " + dir)
	cmd.Run()

	cmd = exec.Command("python3", "-") // want `program text on the standard input of python3 passed to exec.Command comes from external input`
	cmd.Stdin = bytes.NewReader([]byte("print('" + dir + "')"))
	cmd.Run()

	cmd = exec.Command("sudo", "-u", "bob", "sh") // want `shell script on the standard input of sudo sh passed to exec.Command comes from external input`
	cmd.Stdin = strings.NewReader("ls " + dir)
	cmd.Run()

	cmd = exec.Command("bash", "-s", "--", dir) // want `shell script on the standard input of bash passed to exec.Command comes from external input`
	cmd.Stdin = strings.NewReader("ls " + dir)
	cmd.Run()

	cmd = exec.Command("docker", "exec", "-i", "web", "sh") // want `shell script on the standard input of docker sh passed to exec.Command comes from external input`
	cmd.Stdin = strings.NewReader("ls " + dir)
	cmd.Run()

	// Not attached to the shell: docker exec without -i, xargs's input
	// read as arguments.
	cmd = exec.Command("docker", "exec", "web", "sh")
	cmd.Stdin = strings.NewReader("ls " + dir)
	cmd.Run()
	cmd = exec.Command("xargs", "sh")
	cmd.Stdin = strings.NewReader("ls " + dir)
	cmd.Run()
	// The script reads the value as a positional parameter.
	cmd = exec.Command("bash", "-s", "--", dir)
	cmd.Stdin = strings.NewReader(`ls -- "$1"`)
	cmd.Run()
	cmd = exec.Command("sh")
	cmd.Stdin = strings.NewReader("ls /tmp")
	cmd.Run()
	// Data, not a script: the script comes from -c or a file.
	cmd = exec.Command("sh", "-c", "wc -l")
	cmd.Stdin = strings.NewReader(dir)
	cmd.Run()
	cmd = exec.Command("python3", "/opt/count.py")
	cmd.Stdin = strings.NewReader(dir)
	cmd.Run()
	cmd = exec.Command("grep", "-c", "x")
	cmd.Stdin = strings.NewReader(dir)
	cmd.Run()
	// A reader the program does not fill from text: a terminal, a file.
	cmd = exec.Command("sh")
	cmd.Stdin = os.Stdin
	cmd.Run()
}

// runScript sends its parameter to a shell.
func runScript(script string) error {
	cmd := exec.Command("sh")
	cmd.Stdin = strings.NewReader(script)
	return cmd.Run()
}

func callsRunScript() {
	runScript("ls " + os.Getenv("DIR")) // want `shell script on the standard input of sh that cmds.runScript passes to exec.Command \(cmds/stdin.go:\d+\) comes from external input`
	runScript("ls /tmp")
}

// Scripts read from standard input by a remote shell, and by a shell
// given /dev/stdin for its script file.
func remoteStdin() {
	v := os.Getenv("V")
	cmd := exec.Command("ssh", "host", "bash", "-s") // want `shell script on the standard input of ssh bash passed to exec.Command comes from external input`
	cmd.Stdin = strings.NewReader(v)
	cmd.Run()

	cmd = exec.Command("ssh", "-p", "22", "host") // want `shell script on the standard input of ssh passed to exec.Command comes from external input`
	cmd.Stdin = strings.NewReader(v)
	cmd.Run()

	cmd = exec.Command("ssh", "host", "sh -s -- x") // want `shell script on the standard input of ssh sh passed to exec.Command comes from external input`
	cmd.Stdin = strings.NewReader(v)
	cmd.Run()

	cmd = exec.Command("sh", "/dev/stdin") // want `shell script on the standard input of sh passed to exec.Command comes from external input`
	cmd.Stdin = strings.NewReader(v)
	cmd.Run()

	cmd = exec.Command("python3", "/dev/stdin", "x") // want `program text on the standard input of python3 passed to exec.Command comes from external input`
	cmd.Stdin = strings.NewReader(v)
	cmd.Run()

	in := strings.NewReader("ls " + v)
	cmd = exec.Command("sh") // want `shell script on the standard input of sh passed to exec.Command comes from external input`
	cmd.Stdin = in
	cmd.Run()

	// Data: the remote command reads it, or ssh reads nothing (-n).
	cmd = exec.Command("ssh", "host", "cat > /tmp/f")
	cmd.Stdin = strings.NewReader(v)
	cmd.Run()
	cmd = exec.Command("ssh", "-n", "host")
	cmd.Stdin = strings.NewReader(v)
	cmd.Run()
	cmd = exec.Command("ssh", "host", "bash", "-s")
	cmd.Stdin = strings.NewReader("uptime")
	cmd.Run()
	cmd = exec.Command("sh", "/opt/run.sh")
	cmd.Stdin = strings.NewReader(v)
	cmd.Run()
}
