package driver

import "sync"

// Progress is what a run has done so far: Loaded packages, of which
// Analysed have been through every analyzer. Loaded is 0 while the go
// command is still loading.
type Progress struct {
	Loaded   int
	Analysed int
}

// rootProgress reports that roots packages are loaded, and returns what
// the runner calls as each unit is done: a root counts as analysed, a
// dependency, analysed only for its facts, does not.
func rootProgress(roots int, report func(Progress)) func(root bool) {
	var mu sync.Mutex
	p := Progress{Loaded: roots}
	report(p)
	return func(root bool) {
		if !root {
			return
		}
		mu.Lock()
		defer mu.Unlock()
		p.Analysed++
		report(p)
	}
}
