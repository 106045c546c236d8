// Package tools holds command helpers whose summaries reach other packages
// as facts.
package tools

import "os/exec"

// Grep runs grep through a shell: its pattern is judged at callers.
func Grep(pattern, file string) ([]byte, error) { // want Grep:`sink\(exec@exec.Command:constant\{"sh"\}; constant\+p0,1\[constant\{"-c"\} constant\+p0,1\]\)`
	return exec.Command("sh", "-c", "grep "+pattern+" "+file).Output()
}

// Run runs any program: wrappers are judged at callers.
func Run(name string, args ...string) error { // want Run:`sink\(exec@exec.Command:constant=p0; constant=p1\)`
	return exec.Command(name, args...).Run()
}

// Checkout passes its branch as an argument.
func Checkout(branch string) error { // want Checkout:`sink\(exec@exec.Command`
	return exec.Command("git", "checkout", branch).Run()
}
