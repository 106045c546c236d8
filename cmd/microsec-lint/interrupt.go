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
// signal ended, as shells report it: 129 for SIGHUP, 130 for SIGINT, 143
// for SIGTERM.
const exitSignalBase = 128

// endingSignals are the signals that end a run: Ctrl-C's SIGINT, the
// SIGTERM of a CI runner's cancel, and the SIGHUP of a closed terminal.
var endingSignals = []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP}

// signalWatch ends a run on one of endingSignals. The first cancels the
// run's context, so that the go commands it started end with it:
// go/packages starts go list in a process group of its own, which a
// terminal's Ctrl-C does not reach, and stops it only when told through
// the context. The watch then lets go of the signals: a second one kills
// the command at once, as it would have without the watch.
type signalWatch struct {
	ch      chan os.Signal
	done    chan struct{} // closed by end
	waited  chan struct{} // closed when wait returns
	cancel  context.CancelFunc
	endOnce sync.Once

	// inherited lists the children the process had when the watch
	// started: the ones a launcher left it through exec, which the run
	// did not start and must leave alone.
	inherited []int

	mu  sync.Mutex
	sig os.Signal // the signal received, or nil
}

// watchSignals returns a context that one of endingSignals cancels, and
// the watch that tells which one came. Call end when the analysis is over.
func watchSignals(parent context.Context) (context.Context, *signalWatch) {
	ctx, cancel := context.WithCancel(parent)
	w := &signalWatch{
		ch:        make(chan os.Signal, 1),
		done:      make(chan struct{}),
		waited:    make(chan struct{}),
		cancel:    cancel,
		inherited: childPIDs(),
	}
	signal.Notify(w.ch, endingSignals...)
	go w.wait()
	return ctx, w
}

// wait cancels the run on the first signal, and then restores the default
// action of the signals.
func (w *signalWatch) wait() {
	defer close(w.waited)
	select {
	case sig := <-w.ch:
		w.record(sig)
		signal.Stop(w.ch)
		w.cancel()
	case <-w.done:
	}
}

// record keeps sig as the signal that ended the run, unless one came
// before it.
func (w *signalWatch) record(sig os.Signal) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.sig == nil {
		w.sig = sig
	}
}

// received returns the signal that ended the run, or nil.
func (w *signalWatch) received() os.Signal {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.sig
}

// end ends the watch and returns the signal that came during it, or nil.
// From then on the signals have their default effect again: one that
// comes while the report is written (held up, say, by a pipe nobody
// reads) ends the command at once, as it would without the watch. A
// signal that came just before end, still unread, counts as one that came
// during the watch. Calling end again returns the same.
func (w *signalWatch) end() os.Signal {
	w.endOnce.Do(func() {
		signal.Stop(w.ch)
		close(w.done)
		<-w.waited
		select {
		case sig := <-w.ch:
			w.record(sig)
		default:
		}
		w.cancel()
	})
	return w.received()
}

// endChildren ends the go commands the run started, once a signal has
// ended it (see endChildGroups), leaving the children it inherited alone.
func (w *signalWatch) endChildren() {
	endChildGroups(gracePeriod, w.inherited)
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
