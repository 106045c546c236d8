package driver

import (
	"cmp"
	"slices"
	"time"
)

// Timing is where one analyzer's time went in a run: the sum of its
// actions over all packages, prerequisites such as buildssa counted as
// their own analyzers. Packages run in parallel, so the sums of a run can
// exceed its wall time.
type Timing struct {
	Analyzer string
	Packages int // packages it ran on
	Idle     int // packages it was not run on, having nothing to find there (analyzers.Rule.Idle)
	Total    time.Duration
}

// TypeCheck is the Timing entry of parsing and type-checking the packages
// analysed from source.
const TypeCheck = "(type checking)"

// FromCache is the Timing entry of the packages not analysed, their
// facts, or a root's findings, having come from the cache.
const FromCache = "(from the cache)"

// timings sums the actions of the units per analyzer, and their type
// checking, slowest first, then counts the units that came from the
// cache, which ran nothing.
func timings(units []*unit) []Timing {
	byName := make(map[string]*Timing)
	check := &Timing{Analyzer: TypeCheck}
	cached := Timing{Analyzer: FromCache}
	for _, u := range units {
		if u.cached {
			cached.Packages++
		}
		if u.check > 0 {
			check.Packages++
			check.Total += u.check
		}
		for _, act := range u.actions {
			if !act.ran {
				continue
			}
			t, ok := byName[act.analyzer.Name]
			if !ok {
				t = &Timing{Analyzer: act.analyzer.Name}
				byName[act.analyzer.Name] = t
			}
			if act.skippedIdle {
				t.Idle++
			} else {
				t.Packages++
			}
			t.Total += act.duration
		}
	}
	out := make([]Timing, 0, len(byName)+1)
	if check.Packages > 0 {
		out = append(out, *check)
	}
	for _, t := range byName {
		out = append(out, *t)
	}
	slices.SortFunc(out, func(a, b Timing) int {
		return cmp.Or(cmp.Compare(b.Total, a.Total), cmp.Compare(a.Analyzer, b.Analyzer))
	})
	if cached.Packages > 0 {
		out = append(out, cached)
	}
	return out
}
