package lsp

import (
	"context"
	"log"
	"slices"
	"sync"
	"time"
)

// scheduler gathers the directories that need analysis and runs one
// analysis at a time over all of them, after a quiet period. A new request
// arriving while an analysis runs makes that analysis stale: it is
// cancelled, and its directories are analysed again with the new ones.
type scheduler struct {
	debounce time.Duration
	run      func(ctx context.Context, dirs []string)
	log      *log.Logger

	kick     chan struct{} // capacity 1: "pending changed"
	stopCh   chan struct{}
	stopOnce sync.Once

	mu      sync.Mutex
	pending map[string]bool
	stopped bool

	// onCancel, when set (by tests), is called after a stale run was
	// cancelled and before it has returned.
	onCancel func(dirs []string)
}

func newScheduler(debounce time.Duration, run func(context.Context, []string), logger *log.Logger) *scheduler {
	return &scheduler{
		debounce: debounce,
		run:      run,
		log:      logger,
		kick:     make(chan struct{}, 1),
		stopCh:   make(chan struct{}),
		pending:  make(map[string]bool),
	}
}

// add asks for dir to be analysed.
func (q *scheduler) add(dir string) {
	q.mu.Lock()
	if q.stopped {
		q.mu.Unlock()
		return
	}
	q.pending[dir] = true
	q.mu.Unlock()
	select {
	case q.kick <- struct{}{}:
	default:
	}
}

// drop withdraws a request that has not started yet.
func (q *scheduler) drop(dir string) {
	q.mu.Lock()
	delete(q.pending, dir)
	q.mu.Unlock()
}

// stop cancels the running analysis and refuses new ones.
func (q *scheduler) stop() {
	q.mu.Lock()
	q.stopped = true
	clear(q.pending)
	q.mu.Unlock()
	q.stopOnce.Do(func() { close(q.stopCh) })
}

func (q *scheduler) take() []string {
	q.mu.Lock()
	defer q.mu.Unlock()
	dirs := make([]string, 0, len(q.pending))
	for d := range q.pending {
		dirs = append(dirs, d)
	}
	clear(q.pending)
	slices.Sort(dirs)
	return dirs
}

// loop runs until ctx is done; it returns only once no analysis runs.
func (q *scheduler) loop(ctx context.Context) {
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()

	var (
		cancel  context.CancelFunc
		done    chan struct{} // closed when the running analysis returns
		running []string
		stopCh  = q.stopCh
	)
	halt := func() {
		if cancel != nil {
			cancel()
			<-done
			cancel, done, running = nil, nil, nil
		}
	}
	for {
		select {
		case <-ctx.Done():
			halt()
			return
		case <-stopCh:
			stopCh = nil
			timer.Stop()
			halt()
		case <-q.kick:
			timer.Reset(q.debounce)
		case <-done:
			cancel()
			cancel, done, running = nil, nil, nil
		case <-timer.C:
			if cancel != nil {
				q.log.Printf("cancelling the stale analysis of %v", running)
				cancel()
				if q.onCancel != nil {
					q.onCancel(running)
				}
				<-done
				q.mu.Lock()
				if !q.stopped {
					for _, d := range running {
						q.pending[d] = true
					}
				}
				q.mu.Unlock()
				cancel, done, running = nil, nil, nil
			}
			dirs := q.take()
			if len(dirs) == 0 {
				continue
			}
			rctx, rcancel := context.WithCancel(ctx)
			d := make(chan struct{})
			go func() {
				defer close(d)
				q.run(rctx, dirs)
			}()
			cancel, done, running = rcancel, d, dirs
		}
	}
}
