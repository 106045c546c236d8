package driver

import (
	"cmp"
	"slices"
	"time"

	"golang.org/x/tools/go/analysis/checker"
)

// Timing is where one analyzer's time went in a run: the sum of its
// actions over all packages, prerequisites such as buildssa counted as
// their own analyzers. Actions run in parallel, so the sums of a run can
// exceed its wall time.
type Timing struct {
	Analyzer string
	Packages int
	Total    time.Duration
}

// timings sums the actions of g per analyzer, slowest first.
func timings(g *checker.Graph) []Timing {
	byName := make(map[string]*Timing)
	for act := range g.All() {
		t, ok := byName[act.Analyzer.Name]
		if !ok {
			t = &Timing{Analyzer: act.Analyzer.Name}
			byName[act.Analyzer.Name] = t
		}
		t.Packages++
		t.Total += act.Duration
	}
	out := make([]Timing, 0, len(byName))
	for _, t := range byName {
		out = append(out, *t)
	}
	slices.SortFunc(out, func(a, b Timing) int {
		return cmp.Or(cmp.Compare(b.Total, a.Total), cmp.Compare(a.Analyzer, b.Analyzer))
	})
	return out
}
