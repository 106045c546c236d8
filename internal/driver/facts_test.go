package driver

import (
	"fmt"
	"go/token"
	"go/types"
	"maps"
	"reflect"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
)

type testFact struct{ N int }

// bySeen finds a package among pkgs by path, as world.seenFrom does in a
// run.
func bySeen(pkgs ...*types.Package) func(string) *types.Package {
	return func(path string) *types.Package {
		for _, p := range pkgs {
			if p.Path() == path {
				return p
			}
		}
		return nil
	}
}

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

	s := newFactSet(own, bySeen(own, dep))
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

type emptyFact struct{}

func (*emptyFact) AFact() {}

type funcFact struct{ F func() }

func (*funcFact) AFact() {}

// TestFactCodecRoundTrip checks that the facts of a package, written in
// one stream, come back on the objects of the same paths in another type
// universe: every fact gob can encode, of several types and analyzers,
// without the one it cannot; and that a reader without one of the
// analyzers skips that analyzer's facts and still reads those after them.
func TestFactCodecRoundTrip(t *testing.T) {
	a := &analysis.Analyzer{Name: "a", FactTypes: []analysis.Fact{new(testFact), new(emptyFact), new(funcFact)}}
	b := &analysis.Analyzer{Name: "b", FactTypes: []analysis.Fact{new(testFact)}}
	c := &analysis.Analyzer{Name: "c", FactTypes: []analysis.Fact{new(testFact)}}
	declare := func(p *types.Package, names ...string) map[string]types.Object {
		objs := make(map[string]types.Object)
		for _, name := range names {
			o := types.NewVar(token.NoPos, p, name, types.Typ[types.Int])
			p.Scope().Insert(o)
			objs[name] = o
		}
		return objs
	}
	testT, emptyT, funcT := reflect.TypeOf(new(testFact)), reflect.TypeOf(new(emptyFact)), reflect.TypeOf(new(funcFact))

	dep := types.NewPackage("example.com/dep", "dep")
	o := declare(dep, "X", "Y", "Z")
	s := newFactSet(dep, bySeen(dep))
	s.objects[objectFactKey{a, o["X"], testT}] = &testFact{1}
	s.objects[objectFactKey{a, o["Y"], emptyT}] = &emptyFact{}
	s.objects[objectFactKey{a, o["Z"], funcT}] = &funcFact{func() {}}
	s.objects[objectFactKey{b, o["X"], testT}] = &testFact{2}
	s.objects[objectFactKey{c, o["Z"], testT}] = &testFact{3}
	s.pkgs[packageFactKey{c, dep, testT}] = &testFact{4}
	data := newFactCodec([]*analysis.Analyzer{a, b, c}).encode(s, dep)
	if data == nil {
		t.Fatal("encode wrote nothing")
	}

	for _, tc := range []struct {
		readers []*analysis.Analyzer
		want    []string
	}{
		{[]*analysis.Analyzer{a, b, c}, []string{"a X 1", "a Y {}", "b X 2", "c Z 3", "c package 4"}},
		{[]*analysis.Analyzer{a, c}, []string{"a X 1", "a Y {}", "c Z 3", "c package 4"}},
	} {
		// The importer's universe has a package of the same path, made
		// anew, as export data makes it for each world.
		dep2 := types.NewPackage("example.com/dep", "dep")
		declare(dep2, "X", "Y", "Z")
		own := types.NewPackage("example.com/own", "own")
		own.SetImports([]*types.Package{dep2})
		into := newFactSet(own, bySeen(own, dep2))
		newFactCodec(tc.readers).decode(data, into)
		var got []string
		for k, f := range into.deps[dep2].objects {
			if k.obj.Pkg() != dep2 {
				t.Errorf("fact on %s of another universe", k.obj.Name())
			}
			switch f := f.(type) {
			case *testFact:
				got = append(got, fmt.Sprintf("%s %s %d", k.analyzer.Name, k.obj.Name(), f.N))
			case *emptyFact:
				got = append(got, fmt.Sprintf("%s %s {}", k.analyzer.Name, k.obj.Name()))
			default:
				got = append(got, fmt.Sprintf("%s %s %T", k.analyzer.Name, k.obj.Name(), f))
			}
		}
		for k, f := range into.deps[dep2].pkgs {
			got = append(got, fmt.Sprintf("%s package %d", k.analyzer.Name, f.(*testFact).N))
		}
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("read by %d analyzers: %q, want %q", len(tc.readers), got, tc.want)
		}
	}
}
