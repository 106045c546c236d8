package cmds

import (
	"os"
	"os/exec"
)

// script's -c bundled with its other options, as sh's -ec is.
func bundledDashC() {
	file := os.Getenv("FILE")
	exec.Command("script", "-qc", "ls "+file, "/dev/null")  // want `shell script run by script -c passed to exec.Command comes from external input`
	exec.Command("script", "-eqc", "ls "+file, "/dev/null") // want `shell script run by script -c passed to exec.Command comes from external input`
	exec.Command("su", "-lc", "ls "+file, "deploy")         // want `shell script run by su -c passed to exec.Command comes from external input`
	exec.Command("flock", "-nc", "ls "+file)                // want `shell script run by flock -c passed to exec.Command comes from external input`
	exec.Command("script", "-qc", `ls -- "$FILE"`, "/dev/null")
	// -T takes the timing file: c is its value, not -c.
	exec.Command("script", "-Tc", "/dev/null")
	exec.Command("su", "-s", "/bin/sh", "deploy")
}

// docker's global options before its command.
func dockerGlobalOptions() {
	v := os.Getenv("V")
	exec.Command("docker", "--context", "x", "exec", "c", "sh", "-c", v)                            // want `shell script run by docker sh -c passed to exec.Command comes from external input`
	exec.Command("docker", "-H", "unix:///x", "compose", "exec", "web", "sh", "-c", v)              // want `shell script run by docker sh -c passed to exec.Command comes from external input`
	exec.Command("docker", "--tls", "--tlscacert", "/ca", "-l", "warn", "exec", "c", "sh", "-c", v) // want `shell script run by docker sh -c passed to exec.Command comes from external input`
	exec.Command("docker", "--host=tcp://h:2376", "-D", "run", "alpine", "sh", "-c", v)             // want `shell script run by docker sh -c passed to exec.Command comes from external input`
	exec.Command("docker", "--context", "x", "exec", "c", "sh", "-c", `ls -- "$1"`, "sh", v)
	exec.Command("docker", "--context", "x", "logs", "sh", "-c", "x")
}

// Interpreter options that take a value before the code flag, and perl's
// and ruby's several -e.
func interpreterValueOptions() {
	v := os.Getenv("V")
	exec.Command("python3", "-W", "ignore", "-c", v)                 // want `program text run by python3 -c passed to exec.Command comes from external input`
	exec.Command("python3", "-X", "dev", "-c", v)                    // want `program text run by python3 -c passed to exec.Command comes from external input`
	exec.Command("perl", "-e", "print 1", "-e", v)                   // want `program text run by perl -e passed to exec.Command comes from external input`
	exec.Command("ruby", "-r", "json", "-e", "p 1", "-e", v)         // want `program text run by ruby -e passed to exec.Command comes from external input`
	exec.Command("python3", "-W", "ignore", "/opt/tool.py", "-c", v) // want `argument 5 of python3 passed to exec.Command comes from external input`
	exec.Command("perl", "-e", "print @ARGV", "--", v)
	exec.Command("perl", "-e", "print 1", "/opt/in.txt", "-e", v)
	exec.Command("python3", "-c", "import sys; print(sys.argv)", "-c", v)
}

// ip netns exec in every namespace, and runuser running a program.
func runnerNames() {
	v := os.Getenv("V")
	exec.Command("ip", "-all", "netns", "exec", "sh", "-c", v)             // want `shell script run by ip sh -c passed to exec.Command comes from external input`
	exec.Command("ip", "-n", "ns0", "netns", "exec", "ns1", "sh", "-c", v) // want `shell script run by ip sh -c passed to exec.Command comes from external input`
	exec.Command("runuser", "-u", "x", "--", "sh", "-c", v)                // want `shell script run by runuser sh -c passed to exec.Command comes from external input`
	exec.Command("runuser", "-l", "x", "-c", v)                            // want `shell script run by runuser -c passed to exec.Command comes from external input`
	exec.Command("ip", "-all", "netns", "exec", "ls", "--", v)
	exec.Command("runuser", "-u", "x", "--", "sh", "-c", `ls -- "$1"`, "sh", v)
}
