// Package rt has a type with a Start method that runs a program; it does
// not know package prof.
package rt

import "os/exec"

type Runtime struct{}

func (*Runtime) Start(name string) error { // want Start:`sink\(exec@exec.Command`
	return exec.Command(name).Run()
}
