package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// gracePeriod is how long endChildGroups waits for a go command told to
// stop before it kills its process group.
const gracePeriod = 5 * time.Second

// endChildGroups ends the process groups that go commands the run started
// lead, once a signal has ended the run: go/packages starts go list as the
// leader of a group of its own, and the go list of govulncheck's scan,
// which runs in this process detached from the run's context (see
// internal/vulncheck), would otherwise run on after the command exits.
// Each group is sent SIGINT, as go/packages does when cancelled; once its
// leader has stopped, or grace has passed, what is left of the group is
// sent SIGKILL: a tool the go command started as the signal arrived missed
// it, and would run on to its end.
//
// Only a child whose command is go, and that is not one of inherited, is
// ended: a launcher that starts a helper and then execs the command leaves
// it the helper as a child, which is not the run's to end. A pid of
// inherited stays taken while the process lives, since a child that ends
// is a zombie that nothing here reaps.
func endChildGroups(grace time.Duration, inherited []int) {
	groups := goGroupLeaders(inherited)
	for _, pid := range groups {
		syscall.Kill(-pid, syscall.SIGINT)
	}
	leaders := groups
	deadline := time.Now().Add(grace)
	for len(leaders) > 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
		leaders = running(leaders)
	}
	// A group id is not given to a new process while a member of the
	// group lives, so one with members left is still the go command's.
	for _, pgid := range groups {
		if groupLives(pgid) {
			syscall.Kill(-pgid, syscall.SIGKILL)
		}
	}
}

// groupLives reports whether a process of group pgid has not ended.
func groupLives(pgid int) bool {
	for p := range allProcesses {
		if p.pgid == pgid && p.state != "Z" {
			return true
		}
	}
	return false
}

// A procInfo is what /proc/PID/stat says of a process.
type procInfo struct {
	pid, ppid, pgid int
	state           string
}

// allProcesses yields the processes of the system, from /proc.
func allProcesses(yield func(procInfo) bool) {
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if state, ppid, pgid, ok := procStat(pid); ok && !yield(procInfo{pid, ppid, pgid, state}) {
			return
		}
	}
}

// childPIDs lists the children of this process, from /proc.
func childPIDs() []int {
	self := os.Getpid()
	var out []int
	for p := range allProcesses {
		if p.ppid == self {
			out = append(out, p.pid)
		}
	}
	return out
}

// goGroupLeaders lists the children of this process, other than those of
// inherited, that run the go command and lead a process group.
func goGroupLeaders(inherited []int) []int {
	var out []int
	for _, pid := range childPIDs() {
		if slices.Contains(inherited, pid) {
			continue
		}
		if state, _, pgid, ok := procStat(pid); ok && pgid == pid && state != "Z" && isGoCommand(pid) {
			out = append(out, pid)
		}
	}
	return out
}

// isGoCommand reports whether process pid runs the go command: whether
// the base name of its argv[0] is "go", as go/packages and govulncheck
// start it.
func isGoCommand(pid int) bool {
	cmdline, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/cmdline")
	if err != nil {
		return false
	}
	argv0, _, _ := bytes.Cut(cmdline, []byte{0})
	return filepath.Base(string(argv0)) == "go"
}

// running keeps the pids of pids that are still this process's children
// and have not ended.
func running(pids []int) []int {
	self := os.Getpid()
	var out []int
	for _, pid := range pids {
		if state, ppid, _, ok := procStat(pid); ok && ppid == self && state != "Z" {
			out = append(out, pid)
		}
	}
	return out
}

// procStat reads the state, parent and process group of pid from
// /proc/PID/stat.
func procStat(pid int) (state string, ppid, pgid int, ok bool) {
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return "", 0, 0, false
	}
	// The command name, in parentheses, may hold spaces and parentheses:
	// the fields after it (state, ppid, pgrp) start past the last ')'.
	i := bytes.LastIndexByte(stat, ')')
	if i < 0 {
		return "", 0, 0, false
	}
	fields := strings.Fields(string(stat[i+1:]))
	if len(fields) < 3 {
		return "", 0, 0, false
	}
	ppid, err1 := strconv.Atoi(fields[1])
	pgid, err2 := strconv.Atoi(fields[2])
	return fields[0], ppid, pgid, err1 == nil && err2 == nil
}
