package driver

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/microsec-lint/microsec-lint/internal/suppress"
)

// A unit is one package the driver analyses from source: a root, a package
// of a main module, or a dependency some rule learns facts from. Its
// imports are read from the export data the go command wrote for them (go
// list -export; imports.go), as go vet does, so no other package is parsed
// or type-checked, and nothing of a unit outlives its analysis but its facts,
// its findings and, for a root, what its syntax says that findings need
// (directives, the extents of functions). What the rules learnt from the
// units among its dependencies reaches a unit as facts, encoded by
// objectpath and gob (facts.go); a dependency's facts are kept between
// runs in a cache (factcache.go).
type unit struct {
	pkg  *packages.Package
	root bool
	deps []*unit // the units among pkg's transitive imports
	key  string  // cache key of pkg's facts; "" when they cannot be cached
	// resultKey is, for a root, the cache key of its record (rootRecord);
	// "" when it cannot be cached.
	resultKey string
	done      chan struct{}

	// skipped is set, before done is closed, when the run was cancelled
	// before the unit or one below it was analysed: its facts are
	// missing, and so would be those of any unit analysed above it.
	skipped bool

	facts  []byte // pkg's encoded facts, set once done
	cached bool   // facts (and a root's record) came from the cache: pkg is not analysed
	// refused is set, before done is closed, when the facts of pkg may
	// hold a secret (mayKeepFacts), and so may those of a unit above it.
	// A cached unit with refused set is a root whose record came without
	// its facts: it cannot serve a unit analysed above it.
	refused bool
	actions []*action     // what each analyzer did on pkg
	check   time.Duration // parsing and type checking pkg

	// Of a root, only its findings and its suppression directives are
	// kept once it is analysed, not its syntax.
	findings   []rootFinding
	directives []suppress.File
}

// An action is one analyzer run on one unit.
type action struct {
	analyzer *analysis.Analyzer
	diags    []analysis.Diagnostic
	err      error
	duration time.Duration
	result   any
	ran      bool
	// skippedIdle is set when the analyzer was not run because it could
	// find nothing (analyzers.Rule.Idle).
	skippedIdle bool
}

// runner analyses units with a fixed list of analyzers.
type runner struct {
	analyzers []*analysis.Analyzer // in an order where requirements come first
	cache     *factCache
	codec     *factCodec
	progress  func(root bool)
	known     func(rule string) bool // the rule names a directive may give
	idle      map[*analysis.Analyzer]idleRule
	secret    map[*analysis.Analyzer]bool // the rules whose findings point at secrets (analyzers.Rule.SecretText)

	errMu sync.Mutex // guards the Errors of packages checked from source

	worlds *worlds
}

// plan lists the units of a load: every root, every package of a main
// module, and the dependencies keep selects, each with the units among its
// transitive imports.
func plan(roots []*packages.Package, keep func(*packages.Package) bool) []*unit {
	isRoot := make(map[*packages.Package]bool, len(roots))
	for _, r := range roots {
		isRoot[r] = true
	}
	below := make(map[*packages.Package][]*unit) // units among p and its imports
	var units []*unit
	packages.Visit(roots, nil, func(p *packages.Package) {
		seen := make(map[*unit]bool)
		var deps []*unit
		for _, imp := range p.Imports {
			for _, u := range below[imp] {
				if !seen[u] {
					seen[u] = true
					deps = append(deps, u)
				}
			}
		}
		if isRoot[p] || (p.Module != nil && p.Module.Main) || keep(p) {
			u := &unit{pkg: p, root: isRoot[p], deps: deps, done: make(chan struct{})}
			units = append(units, u)
			below[p] = append(deps[:len(deps):len(deps)], u)
			return
		}
		below[p] = deps
	})
	return units
}

// fromCache takes from the cache the facts of the dependencies and the
// records of the roots it holds: those units are not analysed, and their
// imports need not be read.
func (r *runner) fromCache(units []*unit) {
	for _, u := range units {
		if u.root {
			r.rootFromCache(u)
		} else if u.key != "" {
			u.facts, u.cached = r.cache.get(factsEntry, u.key)
		}
	}
	// Units come after the units below them, and deps lists every unit
	// below: one pass from the top finds every root whose facts a unit
	// analysed above it needs.
	for _, u := range slices.Backward(units) {
		if u.cached {
			continue
		}
		for _, d := range u.deps {
			if d.cached && d.refused {
				d.cached = false
				d.findings, d.directives = nil, nil
			}
		}
	}
}

// run analyses the units, each once its dependencies are done, as many at
// once as there are processors.
func (r *runner) run(ctx context.Context, units []*unit) {
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for _, u := range units {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer close(u.done)
			for _, d := range u.deps {
				<-d.done
				if d.skipped {
					u.skipped = true
					return
				}
			}
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				u.skipped = true
				return
			}
			defer func() { <-sem }()
			if ctx.Err() != nil {
				u.skipped = true
				return
			}
			r.analyse(u)
			if r.progress != nil {
				r.progress(u.root)
			}
		}()
	}
	wg.Wait()
}

// analyse type-checks one unit from source, runs the analyzers on it and
// encodes its facts. A dependency whose facts are in the cache is not
// checked at all.
func (r *runner) analyse(u *unit) {
	if u.cached {
		return
	}
	imp := r.worlds.enter(u.pkg)
	defer r.worlds.leave(imp)
	fset := imp.fset
	start := time.Now()
	files, tpkg, info, typeErrs, errs := imp.check(u.pkg)
	u.check = time.Since(start)
	if u.root || (u.pkg.Module != nil && u.pkg.Module.Main) {
		r.addErrors(u.pkg, errs)
	}
	illTyped := len(errs) > 0

	facts := newFactSet(tpkg, imp.seenFrom(tpkg, u.deps))
	for _, d := range u.deps {
		if d.facts != nil {
			r.codec.decode(d.facts, facts)
		}
	}
	module := moduleOf(u.pkg)
	secretSeen := false // a rule reported a secret in pkg
	byAnalyzer := make(map[*analysis.Analyzer]*action, len(r.analyzers))
	for _, a := range r.analyzers {
		act := &action{analyzer: a}
		byAnalyzer[a] = act
		u.actions = append(u.actions, act)
		if illTyped && !a.RunDespiteErrors {
			continue
		}
		results := make(map[*analysis.Analyzer]any, len(a.Requires))
		ready := true
		for _, req := range a.Requires {
			ra := byAnalyzer[req]
			if !ra.ran || ra.err != nil {
				ready = false
				break
			}
			results[req] = ra.result
		}
		if !ready {
			continue
		}
		pass := &analysis.Pass{
			Analyzer:     a,
			Fset:         fset,
			Files:        files,
			OtherFiles:   u.pkg.OtherFiles,
			IgnoredFiles: u.pkg.IgnoredFiles,
			Pkg:          tpkg,
			TypesInfo:    info,
			TypesSizes:   u.pkg.TypesSizes,
			TypeErrors:   typeErrs,
			Module:       module,
			ResultOf:     results,
			Report: func(d analysis.Diagnostic) {
				secretSeen = secretSeen || r.secret[a]
				if u.root {
					act.diags = append(act.diags, d)
				}
			},
			ReadFile: os.ReadFile,
		}
		facts.bind(pass)
		start := time.Now()
		if ir, ok := r.idle[a]; ok && ir.units[u] && ir.idle(pass) {
			// Nothing to find, and no one to use the facts.
			act.skippedIdle = true
		} else {
			act.result, act.err = a.Run(pass)
		}
		act.duration = time.Since(start)
		act.ran = true
		if act.err == nil && a.ResultType != nil && act.result != nil && reflect.TypeOf(act.result) != a.ResultType {
			act.err = fmt.Errorf("internal error: on package %s, analyzer %s returned a result of type %v, but declared ResultType %v",
				tpkg.Path(), a.Name, reflect.TypeOf(act.result), a.ResultType)
		}
	}
	for _, act := range u.actions {
		act.result = nil
	}
	u.facts = r.codec.encode(facts, tpkg)
	keepFacts := r.mayKeepFacts(u, secretSeen)
	u.refused = !keepFacts
	if !u.root && u.key != "" && !illTyped && !u.failed() && keepFacts {
		r.cache.put(factsEntry, u.key, u.facts)
	}
	if u.root {
		// The syntax is not kept: it is most of what a package weighs.
		u.pkg.IllTyped = illTyped
		u.pkg.Fset = fset
		u.findings = rootFindings(u, funcSpans(files))
		u.directives = suppress.Scan(fset, files, r.known)
		if !illTyped {
			r.keepRoot(u, keepFacts, secretSeen)
		}
	}
}

// failed reports whether some analyzer failed on the unit.
func (u *unit) failed() bool {
	for _, act := range u.actions {
		if act.err != nil {
			return true
		}
	}
	return false
}

// addErrors records the parse and type errors of a package the driver
// checked itself, for packageErrors.
func (r *runner) addErrors(p *packages.Package, errs []packages.Error) {
	if len(errs) == 0 {
		return
	}
	r.errMu.Lock()
	defer r.errMu.Unlock()
	p.Errors = append(p.Errors, errs...)
}

func moduleOf(p *packages.Package) *analysis.Module {
	if p.Module == nil {
		return nil
	}
	return &analysis.Module{Path: p.Module.Path, Version: p.Module.Version, GoVersion: p.Module.GoVersion}
}

// check parses and type-checks p from source.
func (w *world) check(p *packages.Package) (files []*ast.File, tpkg *types.Package, info *types.Info, typeErrs []types.Error, errs []packages.Error) {
	for _, name := range p.CompiledGoFiles {
		src, err := os.ReadFile(name)
		if err != nil {
			errs = append(errs, packages.Error{Pos: name, Msg: err.Error(), Kind: packages.ParseError})
			continue
		}
		f, err := parseFile(w.fset, name, src)
		if err != nil {
			var list scanner.ErrorList
			if errors.As(err, &list) {
				for _, e := range list {
					errs = append(errs, packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
				}
			} else {
				errs = append(errs, packages.Error{Pos: name + ":1", Msg: err.Error(), Kind: packages.ParseError})
			}
		}
		if f != nil {
			files = append(files, f)
		}
	}
	info = &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		FileVersions: make(map[*ast.File]string),
	}
	var other []packages.Error // errors that are not types.Error
	tc := &types.Config{
		Importer: w.importerFor(p),
		Sizes:    p.TypesSizes,
		Error: func(err error) {
			var te types.Error
			if !errors.As(err, &te) {
				other = append(other, packages.Error{Msg: err.Error(), Kind: packages.TypeError})
				return
			}
			typeErrs = append(typeErrs, te)
		},
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		tc.GoVersion = "go" + p.Module.GoVersion
	}
	tpkg, _ = tc.Check(p.PkgPath, w.fset, files, info)
	sortTypeErrors(typeErrs)
	for _, te := range typeErrs {
		errs = append(errs, packages.Error{Pos: te.Fset.Position(te.Pos).String(), Msg: te.Msg, Kind: packages.TypeError})
	}
	return files, tpkg, info, typeErrs, append(errs, other...)
}

// sortTypeErrors puts a package's type errors in one order: hard errors
// before soft ones ("imported and not used", "declared and not used",
// often the consequence of a hard one), each kind in the order of their
// positions, then of their messages. The type checker gives some in the
// order of a map's iteration (the names two dot-imported packages both
// declare), and the first few errors are the ones printed: sorted, the
// output is the same on every run, and unused imports at the top of a
// file do not hide the undefined name further down that is the cause.
// An error's continuation lines ("\tother declaration of X", at the
// other place) stay after it.
func sortTypeErrors(errs []types.Error) {
	var groups [][]types.Error
	for _, e := range errs {
		if len(groups) > 0 && strings.HasPrefix(e.Msg, "\t") {
			groups[len(groups)-1] = append(groups[len(groups)-1], e)
			continue
		}
		groups = append(groups, []types.Error{e})
	}
	slices.SortStableFunc(groups, func(a, b []types.Error) int {
		if c := compareSoft(a[0].Soft, b[0].Soft); c != 0 {
			return c
		}
		if c := comparePositions(a[0].Fset.Position(a[0].Pos), b[0].Fset.Position(b[0].Pos)); c != 0 {
			return c
		}
		return slices.CompareFunc(a, b, func(x, y types.Error) int { return strings.Compare(x.Msg, y.Msg) })
	})
	errs = errs[:0]
	for _, g := range groups {
		errs = append(errs, g...)
	}
}

// compareSoft orders a hard error (false) before a soft one (true).
func compareSoft(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// comparePositions orders positions by file, line and column.
func comparePositions(a, b token.Position) int {
	if c := strings.Compare(a.Filename, b.Filename); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Line, b.Line); c != 0 {
		return c
	}
	return cmp.Compare(a.Column, b.Column)
}
