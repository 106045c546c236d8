//go:build linux

package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestInterrupt: SIGINT, SIGTERM or SIGHUP sent to the command's process
// group, as a terminal's Ctrl-C, a CI runner's cancel or a closed terminal
// sends it, while go list is running (held by a -toolexec that sleeps)
// ends the run: one line, the exit code of the signal, no -o file the run
// created (one that was there is left as it was), and no go list left
// running. go/packages starts go list in a process group of its own,
// which the signal does not reach.
func TestInterrupt(t *testing.T) {
	db, err := filepath.Abs(vulnDB)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name     string
		sig      syscall.Signal
		code     int
		existing string   // content of the -o file before the run; "" for none
		args     []string // flags before -o
		lists    int      // go list commands running when the signal is sent
	}{
		{"SIGINT", syscall.SIGINT, 130, "", []string{noVuln}, 1},
		{"SIGTERM", syscall.SIGTERM, 143, "old report\n", []string{noVuln}, 1},
		{"SIGHUP", syscall.SIGHUP, 129, "", []string{noVuln}, 1},
		// govulncheck runs in the command, detached from the run (see
		// internal/vulncheck), and starts a go list of its own.
		{"SIGINT with vulncheck", syscall.SIGINT, 130, "", []string{"-vulndb", db}, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeModule(t, "go.mod", healthyGoMod, "ok/ok.go", "package ok\n")
			tools := t.TempDir()
			sleeper := filepath.Join(tools, "sleeper")
			if err := os.WriteFile(sleeper, []byte("#!/bin/sh\nsleep 120\nexec \"$@\"\n"), 0o755); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(tools, "report.txt")
			if tc.existing != "" {
				if err := os.WriteFile(out, []byte(tc.existing), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			args := append(slices.Clip(tc.args), "-progress=never", "-o", out, "./...")
			//microsec:ignore cmdinjection -- runs the binary TestMain built
			cmd := exec.Command(binary, args...)
			cmd.Dir = dir
			cmd.Env = append(offlineEnv(), "GOFLAGS=-toolexec="+sleeper, "GOVERSION=go1.26.8")
			cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			lists := waitForChildren(t, cmd.Process.Pid, "list", tc.lists, done)
			// Whatever the outcome, nothing the test started outlives it.
			t.Cleanup(func() {
				for _, l := range lists {
					syscall.Kill(-l, syscall.SIGKILL)
				}
				syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			})
			if err := syscall.Kill(-cmd.Process.Pid, tc.sig); err != nil {
				t.Fatal(err)
			}
			select {
			case err = <-done:
			case <-time.After(30 * time.Second):
				t.Fatal("the command did not end within 30s of the signal")
			}
			code := 0
			var exit *exec.ExitError
			if errors.As(err, &exit) {
				code = exit.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if code != tc.code || stderr.String() != "microsec-lint: interrupted\n" || stdout.String() != "" {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d and the one line \"microsec-lint: interrupted\"",
					code, stdout.String(), stderr.String(), tc.code)
			}
			data, err := os.ReadFile(out)
			switch {
			case tc.existing == "" && !errors.Is(err, os.ErrNotExist):
				t.Errorf("-o %s is there after the interrupted run (%v, %q); want it removed", out, err, data)
			case tc.existing != "" && string(data) != tc.existing:
				t.Errorf("-o %s holds %q after the interrupted run (%v); want it as it was, %q", out, data, err, tc.existing)
			}
			// Each go list led a process group of its own: it, and the
			// tools it ran, are all gone. A tool that go list left behind
			// may take a moment to die of the signal; a dead one that no
			// init reaps is no longer running.
			for _, l := range lists {
				var left []string
				for range 50 {
					if left = groupMembers(l); len(left) == 0 {
						break
					}
					time.Sleep(100 * time.Millisecond)
				}
				if len(left) > 0 {
					t.Errorf("go list's process group %d still runs after the command ended:\n%s", l, strings.Join(left, "\n"))
				}
			}
		})
	}
}

// TestInterruptLeavesInherited: a launcher that starts a helper in a
// session of its own and then execs the command leaves it the helper as a
// child that leads a process group, as go list does. An interrupted run
// ends its go list and leaves the helper alone, without waiting for it.
func TestInterruptLeavesInherited(t *testing.T) {
	if _, err := exec.LookPath("setsid"); err != nil {
		t.Skip("no setsid command:", err)
	}
	dir := writeModule(t, "go.mod", healthyGoMod, "ok/ok.go", "package ok\n")
	tools := t.TempDir()
	sleeper := filepath.Join(tools, "sleeper")
	launcher := filepath.Join(tools, "launcher")
	for path, script := range map[string]string{
		sleeper:  "#!/bin/sh\nsleep 120\nexec \"$@\"\n",
		launcher: "#!/bin/sh\nsetsid sleep 3017 >/dev/null 2>&1 &\nexec \"$@\"\n",
	} {
		if err := os.WriteFile(path, []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	//microsec:ignore cmdinjection -- runs the binary TestMain built
	cmd := exec.Command(launcher, binary, noVuln, "-progress=never", "./...")
	cmd.Dir = dir
	cmd.Env = append(offlineEnv(), "GOFLAGS=-toolexec="+sleeper, "GOVERSION=go1.26.8")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	helpers := waitForChildren(t, cmd.Process.Pid, "3017", 1, done)
	lists := waitForChildren(t, cmd.Process.Pid, "list", 1, done)
	t.Cleanup(func() {
		for _, pid := range append(helpers, lists...) {
			syscall.Kill(-pid, syscall.SIGKILL)
		}
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	})
	start := time.Now()
	if err := syscall.Kill(-cmd.Process.Pid, syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	var err error
	select {
	case err = <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("the command did not end within 30s of the signal")
	}
	if exit, ok := errors.AsType[*exec.ExitError](err); !ok || exit.ExitCode() != 130 {
		t.Errorf("exit: %v, stderr %q; want exit status 130", err, stderr.String())
	}
	if took := time.Since(start); took > 4*time.Second {
		t.Errorf("the command took %v to end; want it not to wait for the helper it inherited", took)
	}
	// A helper killed just now may take a moment to show it.
	time.Sleep(500 * time.Millisecond)
	for _, pid := range helpers {
		if state, _, _, ok := procStat(pid); !ok || state == "Z" {
			t.Errorf("the launcher's helper %d was ended by the interrupted run (state %q)", pid, state)
		}
	}
}

// TestSignalWhileWriting: once the analysis is over, a signal has its
// default effect again. A run whose report is held up by a pipe nobody
// reads is ended at once by SIGTERM, not left to write the rest.
func TestSignalWhileWriting(t *testing.T) {
	dir := writeModule(t, "go.mod", healthyGoMod, "ok/ok.go", "package ok\n")
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	// A SARIF report holds every rule's help, more than a pipe holds.
	//microsec:ignore cmdinjection -- runs the binary TestMain built
	cmd := exec.Command(binary, noVuln, "-progress=never", "-format", "sarif", "./...")
	cmd.Dir = dir
	cmd.Env = offlineEnv()
	cmd.Stdout = w
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	t.Cleanup(func() { cmd.Process.Kill() })
	// The first byte of the report comes after the analysis.
	if _, err := r.Read(make([]byte, 1)); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err = <-done:
	case <-time.After(10 * time.Second):
		go io.Copy(io.Discard, r)
		t.Fatalf("the command did not end within 10s of SIGTERM while writing its report (%v)", <-done)
	}
	exit, _ := errors.AsType[*exec.ExitError](err)
	if exit == nil {
		t.Fatalf("the command ended with %v; want SIGTERM to end it", err)
	}
	ws, _ := exit.Sys().(syscall.WaitStatus)
	if !(ws.Signaled() && ws.Signal() == syscall.SIGTERM) && exit.ExitCode() != 143 {
		t.Errorf("the command ended with %v; want SIGTERM to end it, or exit status 143", err)
	}
}

// waitForChildren waits until the process pid has n children whose
// command line holds word and returns their pids. It fails the test if
// the process ends first (done) or they do not come within a minute.
func waitForChildren(t *testing.T, pid int, word string, n int, done <-chan error) []int {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		var found []int
		for _, child := range childrenOf(pid) {
			cmdline, _ := os.ReadFile("/proc/" + strconv.Itoa(child) + "/cmdline")
			if strings.Contains(string(cmdline), "\x00"+word+"\x00") {
				found = append(found, child)
			}
		}
		if len(found) >= n {
			return found
		}
		select {
		case err := <-done:
			t.Fatalf("the command ended (%v) before it ran %d go %s", err, n, word)
		case <-time.After(50 * time.Millisecond):
		}
	}
	t.Fatalf("the command did not run %d go %s within a minute", n, word)
	return nil
}

// childrenOf lists the processes whose parent is pid.
func childrenOf(pid int) []int {
	var out []int
	for p := range allProcesses {
		if p.ppid == pid {
			out = append(out, p.pid)
		}
	}
	return out
}

// groupMembers describes the processes of process group pgid that have
// not ended (zombies are left out), one line each.
func groupMembers(pgid int) []string {
	var out []string
	for p := range allProcesses {
		if p.pgid == pgid && p.state != "Z" {
			cmdline, _ := os.ReadFile("/proc/" + strconv.Itoa(p.pid) + "/cmdline")
			out = append(out, fmt.Sprintf("%d %s %s", p.pid, p.state, bytes.ReplaceAll(cmdline, []byte{0}, []byte{' '})))
		}
	}
	return out
}

// TestEndChildGroupsKillsStragglers: a tool that the go command started
// just as SIGINT reached its group missed the signal, and one that ignores
// SIGINT outlives it; either is left running, for as long as it takes,
// once the go command has ended. endChildGroups must end what is left of
// each group, not only a leader that did not stop. The straggler here
// ignores SIGINT; its leader, named go, stops at once.
func TestEndChildGroupsKillsStragglers(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh:", err)
	}
	goName := filepath.Join(t.TempDir(), "go")
	if err := os.Symlink(sh, goName); err != nil {
		t.Fatal(err)
	}
	//microsec:ignore cmdinjection -- a shell named go, with a fixed script
	leader := exec.Command(goName, "-c", "sh -c \"trap '' INT; exec sleep 3019\" & wait")
	leader.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := leader.Start(); err != nil {
		t.Fatal(err)
	}
	pgid := leader.Process.Pid
	t.Cleanup(func() { syscall.Kill(-pgid, syscall.SIGKILL) })
	reaped := make(chan struct{})
	go func() { leader.Wait(); close(reaped) }()
	// Wait until the straggler runs sleep, with SIGINT ignored.
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if strings.Contains(strings.Join(groupMembers(pgid), "\n"), "sleep 3019") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the straggler did not start: %q", groupMembers(pgid))
		}
	}
	endChildGroups(5*time.Second, nil)
	<-reaped
	var left []string
	for range 50 {
		if left = groupMembers(pgid); len(left) == 0 {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Errorf("the go command's group still runs after endChildGroups:\n%s", strings.Join(left, "\n"))
}
