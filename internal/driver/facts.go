package driver

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"go/types"
	"io"
	"maps"
	"reflect"
	"sort"
	"sync"

	"github.com/microsec-lint/microsec-lint/internal/analysisutil"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/objectpath"
)

// A factSet holds the facts one unit's analyzers see: those they export
// about the unit's own package, and, for each dependency, the facts
// decoded from it. A dependency's facts are decoded once per run and
// placed once per type universe (see factCodec.decode), then shared by
// every unit that sees that universe; copying them into maps of each
// unit's own made the same few thousand entries a thousand times over on a
// thousand small services.
type factSet struct {
	pkg     *types.Package
	sees    func(path string) *types.Package // the package of path among pkg and those below it
	objects map[objectFactKey]analysis.Fact
	pkgs    map[packageFactKey]analysis.Fact
	deps    map[*types.Package]*depFacts // by the package the facts are about
}

// depFacts are the facts of one dependency, placed in one type universe.
// They are never changed once made, but for the lists made on demand.
type depFacts struct {
	objects map[objectFactKey]analysis.Fact
	pkgs    map[packageFactKey]analysis.Fact

	// The same facts listed by analyzer, for AllObjectFacts and
	// AllPackageFacts, made the first time a pass asks: a rule that asks
	// on every package (dataflow's reachesSink) would otherwise walk every
	// analyzer's facts of every dependency each time.
	listOnce    sync.Once
	objectList  map[*analysis.Analyzer][]analysis.ObjectFact
	packageList map[*analysis.Analyzer][]analysis.PackageFact
}

// list makes objectList and packageList.
func (d *depFacts) list() {
	d.listOnce.Do(func() {
		d.objectList = make(map[*analysis.Analyzer][]analysis.ObjectFact)
		d.packageList = make(map[*analysis.Analyzer][]analysis.PackageFact)
		for k, f := range d.objects {
			d.objectList[k.analyzer] = append(d.objectList[k.analyzer], analysis.ObjectFact{Object: k.obj, Fact: f})
		}
		for k, f := range d.pkgs {
			d.packageList[k.analyzer] = append(d.packageList[k.analyzer], analysis.PackageFact{Package: k.pkg, Fact: f})
		}
	})
}

type objectFactKey struct {
	analyzer *analysis.Analyzer
	obj      types.Object
	typ      reflect.Type
}

type packageFactKey struct {
	analyzer *analysis.Analyzer
	pkg      *types.Package
	typ      reflect.Type
}

func (k objectFactKey) of() *analysis.Analyzer  { return k.analyzer }
func (k packageFactKey) of() *analysis.Analyzer { return k.analyzer }

// newFactSet makes the fact set of a unit's package pkg. sees finds the
// package of a path as pkg sees it, among pkg and the packages below it
// (world.seenFrom).
func newFactSet(pkg *types.Package, sees func(path string) *types.Package) *factSet {
	return &factSet{
		pkg:     pkg,
		sees:    sees,
		objects: make(map[objectFactKey]analysis.Fact),
		pkgs:    make(map[packageFactKey]analysis.Fact),
		deps:    make(map[*types.Package]*depFacts),
	}
}

// bind gives pass its fact functions over s. As in every driver, a pass may
// export facts only about its own package, and only of its declared types.
func (s *factSet) bind(pass *analysis.Pass) {
	a := pass.Analyzer
	declared := func(f analysis.Fact) {
		t := reflect.TypeOf(f)
		for _, ft := range a.FactTypes {
			if reflect.TypeOf(ft) == t {
				return
			}
		}
		panic(fmt.Sprintf("analyzer %s: fact type %v is not among its FactTypes", a.Name, t))
	}
	pass.ImportObjectFact = func(obj types.Object, f analysis.Fact) bool {
		if obj == nil {
			panic("ImportObjectFact of nil object")
		}
		got, ok := s.object(objectFactKey{a, obj, reflect.TypeOf(f)})
		if ok {
			reflect.ValueOf(f).Elem().Set(reflect.ValueOf(got).Elem())
		}
		return ok
	}
	pass.ExportObjectFact = func(obj types.Object, f analysis.Fact) {
		declared(f)
		if obj.Pkg() != s.pkg {
			panic(fmt.Sprintf("analyzer %s exported a fact about %v, which is not in package %s", a.Name, obj, s.pkg.Path()))
		}
		s.objects[objectFactKey{a, obj, reflect.TypeOf(f)}] = f
	}
	pass.ImportPackageFact = func(pkg *types.Package, f analysis.Fact) bool {
		got, ok := s.pkgFact(packageFactKey{a, pkg, reflect.TypeOf(f)})
		if ok {
			reflect.ValueOf(f).Elem().Set(reflect.ValueOf(got).Elem())
		}
		return ok
	}
	pass.ExportPackageFact = func(f analysis.Fact) {
		declared(f)
		s.pkgs[packageFactKey{a, s.pkg, reflect.TypeOf(f)}] = f
	}
	pass.AllObjectFacts = func() []analysis.ObjectFact {
		return allFacts(s, a, s.objects, func(d *depFacts) map[*analysis.Analyzer][]analysis.ObjectFact { return d.objectList },
			func(k objectFactKey, f analysis.Fact) analysis.ObjectFact {
				return analysis.ObjectFact{Object: k.obj, Fact: f}
			})
	}
	pass.AllPackageFacts = func() []analysis.PackageFact {
		return allFacts(s, a, s.pkgs, func(d *depFacts) map[*analysis.Analyzer][]analysis.PackageFact { return d.packageList },
			func(k packageFactKey, f analysis.Fact) analysis.PackageFact {
				return analysis.PackageFact{Package: k.pkg, Fact: f}
			})
	}
}

// allFacts lists, in no order, analyzer a's facts among the unit's own
// (own) and each dependency's (list picks which list).
func allFacts[K interface {
	comparable
	of() *analysis.Analyzer
}, T any](s *factSet, a *analysis.Analyzer, own map[K]analysis.Fact, list func(*depFacts) map[*analysis.Analyzer][]T, fact func(K, analysis.Fact) T) []T {
	var out []T
	for k, f := range own {
		if k.of() == a {
			out = append(out, fact(k, f))
		}
	}
	for _, d := range s.deps {
		d.list()
		out = append(out, list(d)[a]...)
	}
	return out
}

// object returns the fact k names: one the unit exported if k's object is
// of its package, one decoded from a dependency otherwise.
func (s *factSet) object(k objectFactKey) (analysis.Fact, bool) {
	m := s.objects
	if p := k.obj.Pkg(); p != s.pkg {
		d := s.deps[p]
		if d == nil {
			return nil, false
		}
		m = d.objects
	}
	f, ok := m[k]
	return f, ok
}

// pkgFact is object for a package fact.
func (s *factSet) pkgFact(k packageFactKey) (analysis.Fact, bool) {
	m := s.pkgs
	if k.pkg != s.pkg {
		d := s.deps[k.pkg]
		if d == nil {
			return nil, false
		}
		m = d.pkgs
	}
	f, ok := m[k]
	return f, ok
}

// see adds the facts d holds about p, the unit's view of a dependency, to
// the facts s sees. A second source of facts about the same package, which
// go list never gives, is merged in, later ones first, as one map would.
func (s *factSet) see(p *types.Package, d *depFacts) {
	if p == s.pkg {
		// The unit's own exports come later, and replace these.
		maps.Copy(s.objects, d.objects)
		maps.Copy(s.pkgs, d.pkgs)
		return
	}
	if old := s.deps[p]; old != nil {
		objects, pkgs := maps.Clone(old.objects), maps.Clone(old.pkgs)
		maps.Copy(objects, d.objects)
		maps.Copy(pkgs, d.pkgs)
		d = &depFacts{objects: objects, pkgs: pkgs}
	}
	s.deps[p] = d
}

// A factCodec turns the facts of one package into bytes and back. Each
// fact is found again through its object's path in its package
// (objectpath), so that it attaches to the same object in the type
// universe of any package that imports it.
type factCodec struct {
	analyzers map[string]*analysis.Analyzer
	types     map[string]reflect.Type // analyzer name + "\x00" + fact type

	mu      sync.Mutex
	decoded map[*byte]*decoding // encoded facts → their records

	placeMu sync.Mutex
	placed  map[placeKey]*depFacts // encoded facts in one universe, placed once, kept for the run
}

// A placeKey names the facts of one dependency placed in one type
// universe: every unit of a world sees the world's package of that path.
type placeKey struct {
	data *byte
	pkg  *types.Package
}

// A factRecord is one encoded fact. The records of one package come
// first in its stream, then each record's fact, in the same order.
type factRecord struct {
	Analyzer string
	Type     string
	Package  string          // path of the package the fact is about
	Object   objectpath.Path // "" for a package fact

	// Set by encode, the fact to write, and by records: the fact's
	// analyzer, and the fact (nil for one of an analyzer or type this run
	// does not have).
	analyzer *analysis.Analyzer
	fact     analysis.Fact
}

// A decoding is the records of one package's facts, decoded once.
type decoding struct {
	once    sync.Once
	records []factRecord
}

func newFactCodec(as []*analysis.Analyzer) *factCodec {
	c := &factCodec{analyzers: make(map[string]*analysis.Analyzer), types: make(map[string]reflect.Type), decoded: make(map[*byte]*decoding), placed: make(map[placeKey]*depFacts)}
	for _, a := range as {
		c.analyzers[a.Name] = a
		for _, f := range a.FactTypes {
			t := reflect.TypeOf(f)
			c.types[a.Name+"\x00"+t.String()] = t
		}
	}
	return c
}

// encode writes the facts s holds about pkg, in a stable order. Facts
// about objects that have no path (local ones) cannot be imported by other
// packages and are left out, as go vet leaves them out; so are facts that
// gob cannot encode, which every driver that keeps facts in files would
// lose as well.
//
// The records and the facts go in one gob stream, so that reading them
// back describes and compiles each type once per package, not once per
// fact: with a stream for each fact, decoding the facts of a service's
// dependencies took a sixth of the run's CPU on ten small services.
func (c *factCodec) encode(s *factSet, pkg *types.Package) []byte {
	var records []factRecord
	enc := new(objectpath.Encoder)
	for k, f := range s.objects {
		if k.obj.Pkg() != pkg {
			continue
		}
		path, err := enc.For(k.obj)
		if err != nil {
			continue
		}
		records = append(records, factRecord{Analyzer: k.analyzer.Name, Type: k.typ.String(), Package: pkg.Path(), Object: path, fact: f})
	}
	for k, f := range s.pkgs {
		if k.pkg != pkg {
			continue
		}
		records = append(records, factRecord{Analyzer: k.analyzer.Name, Type: k.typ.String(), Package: pkg.Path(), fact: f})
	}
	if len(records) == 0 {
		return nil
	}
	sort.Slice(records, func(i, j int) bool {
		a, b := records[i], records[j]
		if a.Analyzer != b.Analyzer {
			return a.Analyzer < b.Analyzer
		}
		if a.Type != b.Type {
			return a.Type < b.Type
		}
		return a.Object < b.Object
	})
	if data, err := encodeRecords(records); err == nil {
		return data
	}
	// Some fact cannot be encoded: find which, one stream each, and
	// leave them out.
	kept := records[:0]
	for _, r := range records {
		if gob.NewEncoder(io.Discard).Encode(r.fact) == nil {
			kept = append(kept, r)
		}
	}
	if len(kept) == 0 {
		return nil
	}
	data, err := encodeRecords(kept)
	if err != nil {
		return nil
	}
	return data
}

// encodeRecords writes records, then their facts, in one gob stream, after
// a byte that says whether one of the facts is listed (see listedFacts).
func encodeRecords(records []factRecord) ([]byte, error) {
	var buf bytes.Buffer
	listed := byte(0)
	for _, r := range records {
		if l, ok := r.fact.(analysisutil.Listed); ok && l.Listed() {
			listed = 1
		}
	}
	buf.WriteByte(listed)
	enc := gob.NewEncoder(&buf)
	if err := enc.Encode(records); err != nil {
		return nil, err
	}
	for _, r := range records {
		if err := enc.Encode(r.fact); err != nil {
			return nil, err
		}
	}
	return buf.Bytes(), nil
}

// decode adds to s the facts in data, the facts of one dependency, as the
// package of that path among s's package and its transitive imports has
// them. Facts about objects that package no longer declares are dropped:
// the importing package cannot refer to them.
//
// Every unit that imports a package gets the same fact values, as in the
// go/analysis checker: ImportObjectFact hands out copies, and no analyzer
// changes a fact it did not make.
func (c *factCodec) decode(data []byte, s *factSet) {
	if len(data) == 0 {
		return
	}
	rs := c.records(data)
	if len(rs) == 0 {
		return
	}
	p := s.sees(rs[0].Package)
	if p == nil {
		return
	}
	c.placeMu.Lock()
	d, ok := c.placed[placeKey{&data[0], p}]
	if !ok {
		d = place(rs, p)
		c.placed[placeKey{&data[0], p}] = d
	}
	c.placeMu.Unlock()
	s.see(p, d)
}

// place finds the objects of p that records' facts are about. encode
// writes only the facts of one package, p's path.
func place(records []factRecord, p *types.Package) *depFacts {
	objects, pkgs := make(map[objectFactKey]analysis.Fact), make(map[packageFactKey]analysis.Fact)
	for _, rec := range records {
		if rec.fact == nil || rec.Package != p.Path() {
			continue
		}
		t := reflect.TypeOf(rec.fact)
		if rec.Object == "" {
			pkgs[packageFactKey{rec.analyzer, p, t}] = rec.fact
			continue
		}
		obj, err := objectpath.Object(p, rec.Object)
		if err != nil {
			continue
		}
		objects[objectFactKey{rec.analyzer, obj, t}] = rec.fact
	}
	return &depFacts{objects: objects, pkgs: pkgs}
}

// records decodes the records of one package's facts, and the facts
// themselves, once per run: a gob decoder compiles its decoding of a type
// anew for every stream, which made decoding the facts of a service's
// dependencies, again for each package that imports them, half of the
// run's CPU on a thousand small services. Units that import different
// packages decode at the same time. A stream that cannot be read to its
// end gives no facts, as a stream that cannot be read at all.
func (c *factCodec) records(data []byte) []factRecord {
	c.mu.Lock()
	d := c.decoded[&data[0]]
	if d == nil {
		d = new(decoding)
		c.decoded[&data[0]] = d
	}
	c.mu.Unlock()
	d.once.Do(func() { d.records = c.decodeRecords(data) })
	return d.records
}

// listedFacts reports whether the encoded facts of a package hold one that
// a rule may find by listing every dependency's facts
// (analysisutil.Listed): the package must then be read whole.
func listedFacts(data []byte) bool {
	return len(data) > 0 && data[0] == 1
}

func (c *factCodec) decodeRecords(data []byte) []factRecord {
	dec := gob.NewDecoder(bytes.NewReader(data[1:]))
	var rs []factRecord
	if err := dec.Decode(&rs); err != nil {
		return nil
	}
	for i := range rs {
		r := &rs[i]
		a, t := c.analyzers[r.Analyzer], c.types[r.Analyzer+"\x00"+r.Type]
		if a == nil || t == nil {
			// Not a fact of this run's analyzers: skip its value.
			if err := dec.DecodeValue(reflect.Value{}); err != nil {
				return nil
			}
			continue
		}
		f := reflect.New(t.Elem()).Interface().(analysis.Fact)
		if err := dec.Decode(f); err != nil {
			return nil
		}
		r.analyzer, r.fact = a, f
	}
	return rs
}
