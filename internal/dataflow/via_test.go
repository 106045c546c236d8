package dataflow

import (
	"fmt"
	"strings"
	"testing"
)

// TestJoinVia: a chain built a call at a time, as summaries copy their
// callees' sinks, reads as ViaText names the whole chain.
func TestJoinVia(t *testing.T) {
	for n := 1; n <= 20; n++ {
		var steps []string
		via := ""
		for i := n - 1; i >= 0; i-- {
			name := fmt.Sprintf("pkg.f%d", i)
			steps = append([]string{name}, steps...)
			via = joinVia(name, via)
		}
		whole := &Site{Via: strings.Join(steps, viaSep)}
		if got, want := (&Site{Via: via}).ViaText(), whole.ViaText(); got != want {
			t.Errorf("%d calls: joinVia kept %q, want %q", n, got, want)
		}
		if got, want := viaElided(via), n > viaHead+viaTail+1; got != want {
			t.Errorf("%d calls: viaElided(%q) = %v, want %v", n, via, got, want)
		}
	}
}

// TestCovers: a sink covers another only when a caller can never report
// the other without it.
func TestCovers(t *testing.T) {
	p0 := Value{Params: []int{0}, Param: 1}
	p1 := Value{Params: []int{1}, Param: 2}
	both := Concat(p0, p1)
	sql := &engine{cfg: &Config{OriginVerdict: true}}
	cmd := &engine{cfg: &Config{}}
	use := func(args ...Value) *SinkUse { return &SinkUse{Kind: "k", Callee: "c", Args: args} }
	for _, tc := range []struct {
		e    *engine
		a, b *SinkUse
		want bool
	}{
		{cmd, use(constant("git"), p0), use(constant("git"), p0), true},
		{cmd, use(constant("git"), p0), use(constant("sh"), p0), false},
		{sql, use(Concat(constant("SELECT "), p0)), use(Concat(constant("DELETE "), p0)), true},
		{sql, use(Concat(constant("SELECT "), p0)), use(Concat(constant("DELETE "), p1)), false},
		{sql, use(both), use(p1), true},
		{sql, use(p1), use(both), false},
		{sql, use(p0), use(Concat(p0, of(NonConstant, "x"))), false},
	} {
		if got := tc.e.covers(tc.a, tc.b); got != tc.want {
			t.Errorf("covers(%v, %v) = %v, want %v", tc.a.Args, tc.b.Args, got, tc.want)
		}
	}
}
