package driver

import (
	"errors"
	"fmt"
	"go/token"
	"go/types"
	"os"
	"strings"
	"sync"

	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// A world is one type universe: the packages its units import, one per
// import path. Every package but test variants lives in the base world. A
// test binary, "p.test", is a world of its own, because its variants ("q
// [p.test]") see variants of their imports under the usual paths; it
// starts with what the base world has read of the packages that are not
// variants in it (which cannot refer to a variant), so that it reads only
// the rest, and it is dropped once its last unit is done.
//
// Export data is read with one lock for all worlds: a package shared by
// two worlds gains objects when either reads a package that refers to it.
// The type checker only reads imported packages, so units are checked at
// once.
type worlds struct {
	fset *token.FileSet // of every world: positions of imports and units alike

	mu       sync.Mutex // guards everything below and the worlds' maps
	base     *world
	tests    map[string]*world          // by test binary
	variants map[string]map[string]bool // test binary → paths of its variants
	pending  map[string]int             // test binary → units not done
}

type world struct {
	ws     *worlds
	name   string                    // the test binary; "" for the base world
	fset   *token.FileSet            // the worlds' fset
	pkgs   map[string]*types.Package // by path, complete or not
	read   map[string]bool           // paths whose export data has been read
	source map[*packages.Package]*sourcePkg
}

// A sourcePkg is a package checked from source for want of export data.
type sourcePkg struct {
	once sync.Once
	tpkg *types.Package
}

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
	return ws
}

func (ws *worlds) newWorld(name string) *world {
	return &world{ws: ws, name: name, fset: ws.fset, pkgs: make(map[string]*types.Package), read: make(map[string]bool), source: make(map[*packages.Package]*sourcePkg)}
}

// testBinary names the test binary a variant is built for, "" for a
// package that is not a variant.
func testBinary(p *packages.Package) string {
	if _, name, ok := strings.Cut(p.ID, " ["); ok {
		return strings.TrimSuffix(name, "]")
	}
	return ""
}

// enter returns the world of p, made if needed.
func (ws *worlds) enter(p *packages.Package) *world {
	name := testBinary(p)
	if name == "" {
		return ws.base
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	w, ok := ws.tests[name]
	if !ok {
		w = ws.newWorld(name)
		variant := ws.variants[name]
		for path, pkg := range ws.base.pkgs {
			if !variant[path] {
				w.pkgs[path] = pkg
				w.read[path] = ws.base.read[path]
			}
		}
		ws.tests[name] = w
	}
	return w
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
			w.ws.mu.Lock()
			sp, ok := w.source[ip]
			if !ok {
				sp = new(sourcePkg)
				w.source[ip] = sp
			}
			w.ws.mu.Unlock()
			sp.once.Do(func() { _, sp.tpkg, _, _, _ = w.check(ip) })
			return sp.tpkg, nil
		}
		return w.readExport(ip)
	})
}

// readExport returns ip as w has it, reading its export data and that of
// every package below it first, once each. Reading a package's export data
// adds to the packages it refers to whatever objects they lack; reading
// from the bottom up, each package is complete before anything refers to
// it, so a package a unit can see is never changed again, and units may
// use them all at once.
func (w *world) readExport(ip *packages.Package) (*types.Package, error) {
	w.ws.mu.Lock()
	defer w.ws.mu.Unlock()
	if err := w.readBelow(ip); err != nil {
		return nil, err
	}
	return w.pkgs[ip.PkgPath], nil
}

func (w *world) readBelow(p *packages.Package) error {
	if w.read[p.PkgPath] || p.PkgPath == "unsafe" {
		return nil
	}
	for _, imp := range p.Imports {
		if err := w.readBelow(imp); err != nil {
			return err
		}
	}
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
	w.read[p.PkgPath] = true
	return nil
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
