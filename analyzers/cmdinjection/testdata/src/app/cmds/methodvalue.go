package cmds

import (
	"os"
	"os/exec"
)

type runner struct{}

// run runs prog with arg after "--".
func (runner) run(prog, arg string) { exec.Command(prog, "--", arg).Run() }

// A method value's operands are the method's parameters after the
// receiver.
func methodValue(r runner) {
	run := r.run
	run("ls", os.Getenv("DIR"))
	run(os.Getenv("PROG"), "/") // want `program name that \(cmds.runner\).run passes to exec.Command`
}
