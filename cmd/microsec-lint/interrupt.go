package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// exitSignalBase plus a signal's number is the exit code of a run that
// signal ended, as shells report it: 130 for SIGINT, 143 for SIGTERM.
const exitSignalBase = 128

// signalWatch ends a run on SIGINT or SIGTERM. The first cancels the run's
// context, so that the go commands it started end with it: go/packages
// starts go list in a process group of its own, which a terminal's Ctrl-C
// does not reach, and stops it only when told through the context. The
// watch then lets go of the signals: a second one kills the command at
// once, as it would have without the watch.
type signalWatch struct {
	ch     chan os.Signal
	done   chan struct{}
	cancel context.CancelFunc

	mu  sync.Mutex
	sig os.Signal // the signal received, or nil
}

// watchSignals returns a context that a SIGINT or SIGTERM cancels, and the
// watch that tells which one came. Call stop when the run is over.
func watchSignals(parent context.Context) (context.Context, *signalWatch) {
	ctx, cancel := context.WithCancel(parent)
	w := &signalWatch{ch: make(chan os.Signal, 1), done: make(chan struct{}), cancel: cancel}
	signal.Notify(w.ch, os.Interrupt, syscall.SIGTERM)
	go w.wait()
	return ctx, w
}

// wait cancels the run on the first signal, and then restores the default
// action of the signals.
func (w *signalWatch) wait() {
	select {
	case sig := <-w.ch:
		w.mu.Lock()
		w.sig = sig
		w.mu.Unlock()
		signal.Stop(w.ch)
		w.cancel()
	case <-w.done:
	}
}

// received returns the signal that ended the run, or nil.
func (w *signalWatch) received() os.Signal {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.sig
}

// stop ends the watch.
func (w *signalWatch) stop() {
	signal.Stop(w.ch)
	close(w.done)
	w.cancel()
}

// interrupted says, in one line, that a signal ended the run, and returns
// the exit code for it.
func interrupted(stderr io.Writer, sig os.Signal) int {
	fmt.Fprintf(stderr, "%s: interrupted\n", name)
	if s, ok := sig.(syscall.Signal); ok {
		return exitSignalBase + int(s)
	}
	return exitFailed
}
