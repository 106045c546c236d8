package driver

import (
	"go/token"
	"go/types"
	"maps"
	"reflect"
	"testing"

	"golang.org/x/tools/go/analysis"
)

type testFact struct{ N int }

func (*testFact) AFact() {}

// TestFactSetViews checks what a unit sees once its dependencies' facts
// are shared views rather than copies: its own exports, each
// dependency's facts through the package of the object, every fact of the
// analyzer and no other's in the All lists, and a second source about the
// same package merged with the later one winning.
func TestFactSetViews(t *testing.T) {
	a := &analysis.Analyzer{Name: "a", FactTypes: []analysis.Fact{new(testFact)}}
	b := &analysis.Analyzer{Name: "b", FactTypes: []analysis.Fact{new(testFact)}}
	dep := types.NewPackage("example.com/dep", "dep")
	own := types.NewPackage("example.com/own", "own")
	own.SetImports([]*types.Package{dep})
	obj := func(p *types.Package, name string) types.Object {
		o := types.NewVar(token.NoPos, p, name, types.Typ[types.Int])
		p.Scope().Insert(o)
		return o
	}
	x, y, mine := obj(dep, "X"), obj(dep, "Y"), obj(own, "Mine")
	typ := reflect.TypeOf(new(testFact))

	s := newFactSet(own)
	s.see(dep, &depFacts{
		objects: map[objectFactKey]analysis.Fact{{a, x, typ}: &testFact{1}, {a, y, typ}: &testFact{2}, {b, x, typ}: &testFact{9}},
		pkgs:    map[packageFactKey]analysis.Fact{{a, dep, typ}: &testFact{3}},
	})
	s.see(dep, &depFacts{objects: map[objectFactKey]analysis.Fact{{a, y, typ}: &testFact{4}}})

	pass := &analysis.Pass{Analyzer: a, Pkg: own}
	s.bind(pass)
	pass.ExportObjectFact(mine, &testFact{5})

	for o, want := range map[types.Object]int{x: 1, y: 4, mine: 5} {
		var f testFact
		if !pass.ImportObjectFact(o, &f) || f.N != want {
			t.Errorf("ImportObjectFact(%s) = %v, %d; want true, %d", o.Name(), f != testFact{}, f.N, want)
		}
	}
	var f testFact
	if !pass.ImportPackageFact(dep, &f) || f.N != 3 {
		t.Errorf("ImportPackageFact(dep) = %d, want 3", f.N)
	}
	all := make(map[string]int)
	for _, f := range pass.AllObjectFacts() {
		all[f.Object.Name()] = f.Fact.(*testFact).N
	}
	if want := map[string]int{"X": 1, "Y": 4, "Mine": 5}; !maps.Equal(all, want) {
		t.Errorf("AllObjectFacts = %v, want %v (analyzer a's, the later Y winning)", all, want)
	}
	if got := len(pass.AllPackageFacts()); got != 1 {
		t.Errorf("AllPackageFacts: %d facts, want 1", got)
	}
}
