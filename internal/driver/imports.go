package driver

import (
	"errors"
	"fmt"
	"go/token"
	"go/types"
	"os"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// A world is one type universe: the packages its units import, one per
// import path. Every package but test variants lives in the base world. A
// test binary, "p.test", is a world of its own, because its variants ("q
// [p.test]") see variants of their imports under the usual paths; it
// shares with the base world the packages that are not variants in it
// (which cannot refer to a variant), so that it holds only its variants,
// and it is dropped once its last unit is done.
//
// Only the export data of the packages a unit imports is read, as go vet
// does, not that of every package below them: a package's export data
// describes its objects whole, and of the packages it refers to, the
// objects it refers to. Those it refers to are made as incomplete packages
// that gain objects whenever the export data of another package refers to
// more of them. Reading everything below each import cost a third of the
// floor's peak memory on a thousand services, for packages no unit names.
//
// So that no unit sees a package change, nor a rule's result depend on
// which unit ran first, every world reads all it will need before any
// unit is analysed (readAll): the export data of each package a unit
// imports, of each dependency whose facts a unit places (facts.go), and
// of each import of a package checked from source for want of export
// data. Afterwards the worlds' maps and packages only change under mu
// (test worlds coming and going, packages checked from source), and
// units are checked at once.
type worlds struct {
	fset *token.FileSet // of every world: positions of imports and units alike

	mu       sync.Mutex // guards tests, pending and the worlds' source maps
	base     *world
	tests    map[string]*world          // by test binary
	variants map[string]map[string]bool // test binary → paths of its variants
	pending  map[string]int             // test binary → units not done
}

type world struct {
	ws     *worlds
	name   string                    // the test binary; "" for the base world
	fset   *token.FileSet            // the worlds' fset
	pkgs   map[string]*types.Package // by path, complete or not; a test world's only its variants
	read   map[string]error          // paths of pkgs whose export data was read, with the error reading it
	source map[*packages.Package]*sourcePkg
}

// A sourcePkg is a package checked from source for want of export data.
type sourcePkg struct {
	once sync.Once
	tpkg *types.Package
}

// newWorlds makes the worlds of units and reads into them all the export
// data their analysis needs; a unit whose facts came from the cache needs
// none.
func newWorlds(units []*unit) *worlds {
	ws := &worlds{
		fset:     token.NewFileSet(),
		tests:    make(map[string]*world),
		variants: make(map[string]map[string]bool),
		pending:  make(map[string]int),
	}
	ws.base = ws.newWorld("")
	for _, u := range units {
		if name := testBinary(u.pkg); name != "" {
			ws.pending[name]++
		}
	}
	pkgs := make([]*packages.Package, len(units))
	for i, u := range units {
		pkgs[i] = u.pkg
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if name := testBinary(p); name != "" {
			if ws.variants[name] == nil {
				ws.variants[name] = make(map[string]bool)
			}
			ws.variants[name][p.PkgPath] = true
		}
	})
	ws.readAll(units)
	ws.listImports(pkgs)
	return ws
}

// listImports gives every package of every world the imports the go
// command lists for it, making an empty package for one no export data
// named. Export data lists a package's imports only as far as the
// compiler needed them, and a package read only as far as other export
// data names it may list none: a rule that walks the packages below its
// own (sqlconcat looks for the SQL driver in use) would then see fewer of
// them when a dependency's facts come from the cache, which leaves it
// unread, than when it is analysed.
func (ws *worlds) listImports(pkgs []*packages.Package) {
	get := func(w *world, p *packages.Package) *types.Package {
		if p.PkgPath == "unsafe" {
			return types.Unsafe
		}
		to := w.owner(p.PkgPath)
		tp := to.pkgs[p.PkgPath]
		if tp == nil {
			tp = types.NewPackage(p.PkgPath, p.Name)
			to.pkgs[p.PkgPath] = tp
		}
		return tp
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		w := ws.base
		if name := testBinary(p); name != "" {
			if w = ws.tests[name]; w == nil {
				return
			}
		}
		paths := make([]string, 0, len(p.Imports))
		for path := range p.Imports {
			paths = append(paths, path)
		}
		sort.Strings(paths)
		imports := make([]*types.Package, 0, len(paths))
		for _, path := range paths {
			imports = append(imports, get(w, p.Imports[path]))
		}
		if tp := get(w, p); tp != types.Unsafe {
			tp.SetImports(imports)
		}
	})
}

// readAll reads the export data each world needs: the base world's first,
// since a test world shares what the base world holds when it is made.
func (ws *worlds) readAll(units []*unit) {
	type needs struct {
		read   map[*packages.Package]bool // export data to read
		listed map[*packages.Package]bool // packages whose imports are in read
	}
	need := make(map[string]*needs) // by test binary
	var imports func(n *needs, p *packages.Package)
	imports = func(n *needs, p *packages.Package) {
		if n.listed[p] {
			return
		}
		n.listed[p] = true
		for _, ip := range p.Imports {
			if ip.ExportFile == "" && ip.PkgPath != "unsafe" {
				// Checked from source when a unit imports it
				// (importerFor), against its own imports.
				imports(n, ip)
				continue
			}
			n.read[ip] = true
		}
	}
	for _, u := range units {
		name := testBinary(u.pkg)
		n := need[name]
		if n == nil {
			n = &needs{read: make(map[*packages.Package]bool), listed: make(map[*packages.Package]bool)}
			need[name] = n
		}
		if (!u.root && !u.cached) || (u.cached && listedFacts(u.facts)) {
			// Its facts are placed on the package as its importers
			// see it, which must then be whole if a rule may list
			// them: it may look for the methods of a type no export
			// data they read names. Other facts are found through
			// their objects, which are in the package as far as
			// their importers can name them. Facts computed in this
			// run are not known yet.
			n.read[u.pkg] = true
		}
		if !u.cached {
			imports(n, u.pkg)
		}
	}
	names := make([]string, 0, len(need))
	for name := range need {
		names = append(names, name)
	}
	sort.Strings(names) // "" first: the base world
	for _, name := range names {
		w := ws.base
		if name != "" {
			w = ws.newWorld(name)
			ws.tests[name] = w
		}
		list := make([]*packages.Package, 0, len(need[name].read))
		for p := range need[name].read {
			list = append(list, p)
		}
		sort.Slice(list, func(i, j int) bool { return list[i].ID < list[j].ID })
		w.readList(list)
	}
}

// readList reads the export data of list into w. A test world reads with
// the base world's packages in view, but for its variants. The packages it
// makes that are not its variants go to the base world: a package it
// shares gains objects from what it reads, and their types must refer to
// the packages every world shares, not to copies of its own. It keeps only
// its variants, which nothing outside it refers to.
func (w *world) readList(list []*packages.Package) {
	base := w.ws.base
	variant := w.ws.variants[w.name]
	if w != base {
		for path, pkg := range base.pkgs {
			if !variant[path] {
				w.pkgs[path] = pkg
			}
		}
	}
	for _, p := range list {
		to := w.owner(p.PkgPath)
		if _, ok := to.read[p.PkgPath]; ok || p.PkgPath == "unsafe" {
			continue
		}
		to.read[p.PkgPath] = w.readExport(p)
	}
	if w != base {
		for path, pkg := range w.pkgs {
			if !variant[path] {
				base.pkgs[path] = pkg // the same package, or one w made
				delete(w.pkgs, path)
			}
		}
	}
}

// seenFrom returns a function that finds the package of a path as tpkg,
// a unit of w checked from source, sees it among the packages below it,
// deps the units among them: tpkg itself; a package the go command could
// not compile, which w checks from source for its importers; or else w's
// package of that path. Every package of the go command's import graph is
// one of w's (listImports), so walking tpkg's imports, which list all of
// that graph below it, would find the same.
func (w *world) seenFrom(tpkg *types.Package, deps []*unit) func(path string) *types.Package {
	var checked map[string]*packages.Package // deps with no export data, by path
	for _, d := range deps {
		if d.pkg.ExportFile == "" && d.pkg.PkgPath != "unsafe" {
			if checked == nil {
				checked = make(map[string]*packages.Package)
			}
			checked[d.pkg.PkgPath] = d.pkg
		}
	}
	return func(path string) *types.Package {
		if path == tpkg.Path() {
			return tpkg
		}
		if p := checked[path]; p != nil {
			return w.fromSource(p)
		}
		return w.owner(path).pkgs[path]
	}
}

// owner is the world that holds the package of path as w sees it: w for
// its variants, the base world for the rest.
func (w *world) owner(path string) *world {
	if w.name != "" && !w.ws.variants[w.name][path] {
		return w.ws.base
	}
	return w
}

func (ws *worlds) newWorld(name string) *world {
	return &world{ws: ws, name: name, fset: ws.fset, pkgs: make(map[string]*types.Package), read: make(map[string]error), source: make(map[*packages.Package]*sourcePkg)}
}

// testBinary names the test binary a variant is built for, "" for a
// package that is not a variant.
func testBinary(p *packages.Package) string {
	if _, name, ok := strings.Cut(p.ID, " ["); ok {
		return strings.TrimSuffix(name, "]")
	}
	return ""
}

// enter returns the world of p.
func (ws *worlds) enter(p *packages.Package) *world {
	name := testBinary(p)
	if name == "" {
		return ws.base
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	return ws.tests[name] // readAll made one for every test binary with a unit
}

// leave says a unit of w is done; the last one drops a test world.
func (ws *worlds) leave(w *world) {
	if w.name == "" {
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	ws.pending[w.name]--
	if ws.pending[w.name] <= 0 {
		delete(ws.tests, w.name)
	}
}

// importerFor resolves the imports of p in w.
func (w *world) importerFor(p *packages.Package) types.Importer {
	return importerFunc(func(path string) (*types.Package, error) {
		ip, ok := p.Imports[path]
		if !ok {
			for _, e := range p.Errors {
				if strings.Contains(e.Msg, "import cycle") {
					return nil, errors.New("import cycle")
				}
			}
			return nil, fmt.Errorf("the go command listed no package for %q", path)
		}
		if ip.PkgPath == "unsafe" {
			return types.Unsafe, nil
		}
		if ip.ExportFile == "" {
			// The go command could not compile ip: check it from
			// source, as far as it goes, so that p is checked against
			// what ip declares. Its errors are its own, and the go
			// command has reported them.
			return w.fromSource(ip), nil
		}
		return w.imported(ip)
	})
}

// fromSource returns ip, which has no export data, checked from source in
// w, once.
func (w *world) fromSource(ip *packages.Package) *types.Package {
	w.ws.mu.Lock()
	sp, ok := w.source[ip]
	if !ok {
		sp = new(sourcePkg)
		w.source[ip] = sp
	}
	w.ws.mu.Unlock()
	sp.once.Do(func() { _, sp.tpkg, _, _, _ = w.check(ip) })
	return sp.tpkg
}

// imported returns ip as w has it; readAll has read it.
func (w *world) imported(ip *packages.Package) (*types.Package, error) {
	to := w.owner(ip.PkgPath)
	err, ok := to.read[ip.PkgPath]
	if !ok {
		// Reading it now could add objects to packages other units
		// are looking at.
		return nil, fmt.Errorf("internal error: the export data of %s was not read before the analysis", ip.PkgPath)
	}
	if err != nil {
		return nil, err
	}
	return to.pkgs[ip.PkgPath], nil
}

func (w *world) readExport(p *packages.Package) error {
	if p.ExportFile == "" {
		return fmt.Errorf("no export data for %s", p.PkgPath)
	}
	f, err := os.Open(p.ExportFile)
	if err != nil {
		return err
	}
	defer f.Close()
	// Up to Go 1.27, go list -export names the compiler's archive, and
	// only NewReader finds the export data in it; it also passes the
	// cmd/export files of later versions through.
	//lint:ignore SA1019 deprecated for Go 1.29, which no longer writes archives here
	r, err := gcexportdata.NewReader(f)
	if err != nil {
		return fmt.Errorf("reading export data of %s: %v", p.PkgPath, err)
	}
	if _, err := gcexportdata.Read(r, w.fset, w.pkgs, p.PkgPath); err != nil {
		return fmt.Errorf("reading export data of %s: %v", p.PkgPath, err)
	}
	return nil
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
