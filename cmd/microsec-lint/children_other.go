//go:build !linux

package main

import "time"

// gracePeriod is unused where endChildGroups does nothing.
const gracePeriod = 5 * time.Second

// endChildGroups does nothing where there is no /proc to find the
// children by: a go list that govulncheck's detached scan started may run
// on after an interrupted command exits (see README).
func endChildGroups(grace time.Duration, inherited []int) {}

// childPIDs returns nil where there is no /proc to find the children by.
func childPIDs() []int { return nil }
