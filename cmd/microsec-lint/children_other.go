//go:build !linux

package main

import "time"

// endChildGroups does nothing where there is no /proc to find the
// children by: a go list that govulncheck's detached scan started may run
// on after an interrupted command exits (see README).
func endChildGroups(grace time.Duration) {}
