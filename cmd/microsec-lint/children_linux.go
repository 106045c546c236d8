package main

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// endChildGroups ends the process groups that children of this process
// lead, once a signal has ended the run: go/packages starts go list as the
// leader of a group of its own, and the go list of govulncheck's scan,
// which runs in this process detached from the run's context (see
// internal/vulncheck), would otherwise run on after the command exits.
// Each group is sent SIGINT, as go/packages does when cancelled, and
// SIGKILL if its leader still runs after grace.
func endChildGroups(grace time.Duration) {
	leaders := childGroupLeaders()
	for _, pid := range leaders {
		syscall.Kill(-pid, syscall.SIGINT)
	}
	deadline := time.Now().Add(grace)
	for len(leaders) > 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
		leaders = running(leaders)
	}
	for _, pid := range leaders {
		syscall.Kill(-pid, syscall.SIGKILL)
	}
}

// childGroupLeaders lists the children of this process that lead a
// process group, from /proc.
func childGroupLeaders() []int {
	self := os.Getpid()
	entries, _ := os.ReadDir("/proc")
	var out []int
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		state, ppid, pgid, ok := procStat(pid)
		if ok && ppid == self && pgid == pid && state != "Z" {
			out = append(out, pid)
		}
	}
	return out
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
