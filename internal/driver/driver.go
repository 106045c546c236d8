// Package driver loads packages once, runs the enabled analyzers over them
// as go vet does, one package at a time against its imports' export data
// (units.go), and turns what they report into report.Findings. It is
// shared by the command, the language server and the tests; go vet mode
// goes through unitchecker instead and does not use it.
package driver

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"go/token"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/microsec-lint/microsec-lint/analyzers"
	"github.com/microsec-lint/microsec-lint/internal/analysisutil"
	"github.com/microsec-lint/microsec-lint/internal/baseline"
	"github.com/microsec-lint/microsec-lint/internal/gitdiff"
	"github.com/microsec-lint/microsec-lint/internal/gocmd"
	"github.com/microsec-lint/microsec-lint/internal/report"
	"github.com/microsec-lint/microsec-lint/internal/secrets"
	"github.com/microsec-lint/microsec-lint/internal/vulncheck"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// Config says what to analyse and with which rules.
type Config struct {
	Dir      string   // working directory; "" means the current one
	Patterns []string // go list patterns; none means "./..."
	Tests    bool     // also analyse test files
	Rules    []analyzers.Rule
	Env      []string // environment of the go command; nil means os.Environ()

	// Baseline, when set, drops the findings it has accepted.
	Baseline *baseline.Baseline
	// Changes, when set, keeps only findings on the lines it says have
	// changed (-new-from-rev).
	Changes *gitdiff.Changes
	// Progress, when set, is told how far the run is; it may be called
	// from several goroutines, one call at a time.
	Progress func(Progress)
	// Timing, when set, receives the time spent loading packages and in
	// each analyzer once the analysis is done (-debug-timing).
	Timing func(load time.Duration, analyzers []Timing)
	// Warn, when set, is told in one line each what the user should know
	// about a run that goes on (a cache that cannot be used).
	Warn func(string)
	// Vuln, when set, runs govulncheck beside the analyzers on the same
	// directory, patterns, tests setting and environment; its findings go
	// through the same suppressions, baseline and -new-from-rev filter.
	Vuln *vulncheck.Config
}

// maxErrorsPerPackage bounds how many errors of one broken package are shown.
const maxErrorsPerPackage = 3

// Run loads the packages and analyses them. The error is non-nil only when
// nothing could be analysed at all (the go command failed, or the patterns
// matched no package); problems in single packages are returned in
// Result.Errors while the other packages are still analysed.
func Run(ctx context.Context, cfg Config) (*report.Result, error) {
	dir, err := workDir(cfg.Dir)
	if err != nil {
		return nil, err
	}
	patterns := cfg.Patterns
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	mod, err := checkModule(ctx, dir, cfg.Env, patterns)
	if err != nil {
		return nil, err
	}
	patterns = mod.patterns
	as := analyzers.Analyzers(cfg.Rules)
	guard(as)

	vcfg := cfg
	if mod.vulnEnv != nil {
		vcfg.Env = mod.vulnEnv
	}
	vuln := startVulncheck(ctx, mod.vulnDir, mod.vulnPatterns(dir), vcfg)
	if cfg.Progress != nil {
		cfg.Progress(Progress{})
	}
	loadStart := time.Now()
	pkgs, unmatched, err := load(ctx, dir, patterns, cfg)
	// With cgo off, the packages that need it may be all there were.
	if mod.cgoOff && cfg.Warn != nil {
		cause := cgoOffCause(ctx, dir, cfg.Env, mod.crossTarget)
		for _, msg := range cgoLeftOut(ctx, dir, cfg.Env, patterns, pkgs, cause) {
			cfg.Warn(msg)
		}
	}
	if err != nil {
		return nil, err
	}
	if !cfg.Tests {
		if err := checkTestOnly(pkgs, patterns, cfg.Warn); err != nil {
			return nil, err
		}
	}
	loadTime := time.Since(loadStart)
	res := &report.Result{WorkDir: dir}
	for _, msg := range unmatched {
		res.Errors = append(res.Errors, report.Problem{Message: msg})
	}

	cache, err := openFactCache(cfg.Env, cfg.Warn)
	if err != nil {
		return nil, err
	}
	units := plan(pkgs, learnedFrom(pkgs, cfg.Rules))
	ordered := withRequirements(as)
	r := &runner{analyzers: ordered, cache: cache, codec: newFactCodec(ordered), known: analyzers.Known(cfg.Rules...)}
	r.idle = idleRules(pkgs, units, cfg.Rules)
	r.secret = make(map[*analysis.Analyzer]bool)
	for _, rule := range cfg.Rules {
		if rule.SecretText {
			r.secret[rule.Analyzer] = true
		}
	}
	if base, err := cacheBase(ordered); err == nil && cache.dir != "" {
		setKeys(units, base, rootSalt(cfg.Rules))
	}
	if cfg.Progress != nil {
		r.progress = rootProgress(len(pkgs), cfg.Progress)
	}
	r.fromCache(units)
	r.worlds = newWorlds(units)
	r.run(ctx, units)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	problems, incomplete := packageErrors(pkgs, dir)
	res.Errors = append(res.Errors, problems...)
	res.Incomplete = incomplete
	if cfg.Timing != nil {
		cfg.Timing(loadTime, timings(units))
	}
	levels := make(map[string]report.Level, len(cfg.Rules))
	for _, r := range cfg.Rules {
		levels[r.Analyzer.Name] = report.Level(r.Level)
	}
	found := collectFindings(units, levels)
	vres, verr := vuln.wait()
	if verr != nil && len(res.Errors) > 0 {
		vuln.retryHealthy(ctx, pkgs)
		vres, verr = vuln.wait()
	}
	if verr != nil {
		res.Errors = append(res.Errors, report.Problem{Message: verr.Error(), Err: verr})
	}
	if vres != nil {
		res.Rules = vres.Rules
		found = append(found, vulnFindings(vres.Findings)...)
	}
	found = append(found, applyDirectives(units, found)...)
	slices.SortStableFunc(found, func(a, b located) int { return report.Compare(a.Finding, b.Finding) })
	secret := make(map[string]bool)
	for _, r := range cfg.Rules {
		secret[r.Analyzer.Name] = r.SecretText
	}
	redactFindings(found)
	setFingerprints(found, dir, secret)
	for _, f := range found {
		res.Findings = append(res.Findings, f.Finding)
	}
	res.Errors = append(res.Errors, actionErrors(units)...)
	redactProblems(res.Errors)
	Narrow(res, cfg)
	return res, nil
}

// redactFindings hides the secrets that the messages and suppression
// reasons of fs quote from the source (a command line's lead, a query's
// text, a comment), as secrets.RedactText describes them: no output, nor
// the fingerprint that hashes the message, echoes a hard-coded secret
// back. Every finding passes here, whichever rule made it.
func redactFindings(fs []located) {
	for i := range fs {
		f := &fs[i].Finding
		f.Message = secrets.RedactText(f.Message)
		if f.Suppression != nil {
			f.Suppression.Justification = secrets.RedactText(f.Suppression.Justification)
		}
	}
}

// redactProblems hides the secrets that failures quote from the source,
// as a type checker's message quotes the literal it cannot use.
func redactProblems(ps []report.Problem) {
	for i := range ps {
		ps[i].Message = secrets.RedactText(ps[i].Message)
	}
}

// Narrow keeps the findings of res that cfg's Baseline has not accepted
// and that are on the lines its Changes name (either may be nil). Run
// calls it; a caller that needs the findings before it (to write a new
// baseline) runs without these two and calls it after.
func Narrow(res *report.Result, cfg Config) {
	if cfg.Baseline != nil {
		res.Findings, _ = cfg.Baseline.Filter(res.Findings)
	}
	if cfg.Changes != nil {
		kept := res.Findings[:0]
		for _, f := range res.Findings {
			if cfg.Changes.Touches(f.Pos.File, f.Pos.Line, f.End.Line) {
				kept = append(kept, f)
			}
		}
		res.Findings = kept
	}
}

func workDir(dir string) (string, error) {
	if dir == "" {
		return os.Getwd()
	}
	return filepath.Abs(dir)
}

// load runs the go command once: it lists the packages and their
// dependencies and writes the export data of each (go list -deps -export),
// from which the units' imports are read. Nothing is parsed or
// type-checked yet.
func load(ctx context.Context, dir string, patterns []string, cfg Config) (pkgs []*packages.Package, unmatched []string, err error) {
	pcfg := &packages.Config{
		Context: ctx,
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports |
			packages.NeedDeps | packages.NeedExportFile | packages.NeedTypesSizes | packages.NeedModule | packages.NeedForTest,
		Dir:   dir,
		Tests: cfg.Tests,
		Env:   cfg.Env,
	}
	pkgs, err = packages.Load(pcfg, patterns...)
	if err != nil {
		return nil, nil, loadError(err)
	}
	pkgs, unmatched = splitUnmatched(dropTestMains(pkgs))
	if len(pkgs) == 0 {
		if len(unmatched) > 0 {
			return nil, nil, fmt.Errorf("no Go packages match %s: %s", strings.Join(patterns, " "), unmatched[0])
		}
		// go list may have failed before listing anything, which the
		// packages loader does not report when it asks for export data:
		// ask the go command itself why, with -export as the loader
		// asked, since some causes are the build's (no work directory,
		// a -toolexec that fails, a target the toolchain lacks) and
		// others the module's (a go.mod that needs tidying).
		if _, lerr := gocmd.Output(ctx, dir, cfg.Env, append([]string{"list", "-e", "-export", "--"}, patterns...)...); lerr != nil {
			if ctx.Err() != nil {
				return nil, nil, ctx.Err()
			}
			return nil, nil, fmt.Errorf("cannot load packages: %v", lerr)
		}
		return nil, nil, fmt.Errorf("no Go packages match %s", strings.Join(patterns, " "))
	}
	return pkgs, unmatched, nil
}

// checkModule makes the commonest mistakes, running outside any module or
// workspace or with the build cache off, one clear line each instead of
// the go command's pattern errors. It says where the packages are: at the
// root of a go.work workspace that is no module itself, the go command
// matches nothing with ./..., and there that pattern stands for the
// packages of the workspace's modules below dir.
func checkModule(ctx context.Context, dir string, env, patterns []string) (*moduleRoot, error) {
	out, err := gocmd.Output(ctx, dir, env, "env", "GOMOD", "GOWORK", "GOCACHE", "CGO_ENABLED", "GOOS", "GOARCH", "GOHOSTOS", "GOHOSTARCH")
	if err != nil {
		return nil, err
	}
	// One line per variable, empty when unset: GOMOD is empty with
	// GO111MODULE=off.
	vars := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	for len(vars) < 8 {
		vars = append(vars, "")
	}
	for i := range vars {
		vars[i] = strings.TrimSpace(vars[i])
	}
	gomod, gowork, gocache := strings.TrimSpace(vars[0]), strings.TrimSpace(vars[1]), strings.TrimSpace(vars[2])
	cgoOff := vars[3] == "0"
	var crossTarget string
	if vars[4] != vars[6] || vars[5] != vars[7] {
		crossTarget = vars[4] + "/" + vars[5]
	}
	inModule := gomod != "" && gomod != os.DevNull
	inWork := gomod != "" && gowork != "" && gowork != "off"
	if !inModule && !inWork {
		return nil, fmt.Errorf("no go.mod in %s or any parent directory: run microsec-lint inside a Go module or workspace", dir)
	}
	if gocache == "off" {
		return nil, cacheOffError(ctx, dir, env)
	}
	root := &moduleRoot{patterns: patterns, vulnDir: dir, cgoOff: cgoOff, crossTarget: crossTarget}
	if inModule {
		return root, nil
	}
	// govulncheck runs in a module of the workspace, preferably one
	// below dir, told which go.work to use: the module's directory may
	// have its own, or none above it.
	if env == nil {
		env = os.Environ()
	}
	root.vulnEnv = append(slices.Clip(env), "GOWORK="+gowork)
	out, err = gocmd.Output(ctx, dir, env, "list", "-m", "-json")
	if err != nil {
		return nil, err
	}
	var below []string
	var outside string
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var m struct{ Path, Dir string }
		if err := dec.Decode(&m); err == io.EOF {
			break
		} else if err != nil {
			return nil, fmt.Errorf("go list -m: %v", err)
		}
		if m.Dir == "" {
			continue
		}
		rel, err := filepath.Rel(dir, m.Dir)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			if outside == "" {
				outside = m.Dir
			}
			continue
		}
		if root.vulnDir == dir {
			root.vulnDir = m.Dir
		}
		below = append(below, modulePattern(m.Path, filepath.ToSlash(rel)))
	}
	if root.vulnDir == dir && outside != "" {
		root.vulnDir = outside
	}
	if len(below) > 0 {
		root.patterns = nil
		for _, p := range patterns {
			if p == "./..." {
				root.patterns = append(root.patterns, below...)
			} else {
				root.patterns = append(root.patterns, p)
			}
		}
	}
	return root, nil
}

// cacheOffError says why the go command has no build cache (go env
// GOCACHE says off), with the go command's own cause: GOCACHE=off, a
// relative GOCACHE, or neither $XDG_CACHE_HOME nor $HOME to put the
// default one in. go env tells none of them apart.
func cacheOffError(ctx context.Context, dir string, env []string) error {
	const why = "microsec-lint reads the packages' export data from the go build cache, as go vet does"
	if env == nil {
		env = os.Environ()
	}
	// go build asks for the cache once it has loaded its packages: here
	// unsafe, in GOPATH mode, which neither a go.mod nor GOFLAGS can
	// fail; -n builds nothing.
	_, err := gocmd.Output(ctx, dir, append(slices.Clip(env), "GO111MODULE=off", "GOFLAGS="), "build", "-n", "unsafe")
	var cause string
	if err != nil {
		_, cause, _ = strings.Cut(err.Error(), "could not be located: ")
	}
	if cause == "" {
		return errors.New("GOCACHE=off: " + why + "; unset GOCACHE or point it at a directory")
	}
	return fmt.Errorf("the go build cache cannot be located (%s); %s: set GOCACHE to an absolute directory", cause, why)
}

// modulePattern returns the pattern for the packages of the workspace
// module at path, in the directory rel below the root: "./rel/...", or,
// where the go command would match nothing with that because a directory
// on the way starts with "." or "_", the module path with "/...".
func modulePattern(modPath, rel string) string {
	for _, elem := range strings.Split(rel, "/") {
		if strings.HasPrefix(elem, ".") && elem != "." || strings.HasPrefix(elem, "_") {
			return modPath + "/..."
		}
	}
	return "./" + path.Join(rel, "...")
}

// moduleRoot says which packages to load, and where and how govulncheck,
// which needs a go.mod in its directory, is to run.
type moduleRoot struct {
	patterns []string
	vulnDir  string   // dir, or at a workspace root a module of the workspace
	vulnEnv  []string // at a workspace root, the environment naming its go.work; else nil
	cgoOff   bool     // go env CGO_ENABLED is 0: the go command leaves cgo files out
	// crossTarget is GOOS/GOARCH when they are not the host's, else "".
	crossTarget string
}

// vulnPatterns returns the patterns for govulncheck. It takes packages,
// not files: a Go file named on the command line stands for the package
// in its directory. Relative paths are made absolute when it runs
// elsewhere than dir.
func (m *moduleRoot) vulnPatterns(dir string) []string {
	var out []string
	for _, p := range m.patterns {
		if strings.HasSuffix(p, ".go") {
			d := filepath.ToSlash(filepath.Dir(p))
			if !filepath.IsAbs(d) && d != "." && d != ".." && !strings.HasPrefix(d, "./") && !strings.HasPrefix(d, "../") {
				d = "./" + d
			}
			p = d
		}
		if m.vulnDir != dir && (p == "." || p == ".." || strings.HasPrefix(p, "./") || strings.HasPrefix(p, "../")) {
			p = filepath.Join(dir, filepath.FromSlash(p))
		}
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

// splitUnmatched separates the placeholders go/packages returns for
// patterns that name no package ("lstat ./x: no such file or directory")
// from real packages.
func splitUnmatched(pkgs []*packages.Package) (real []*packages.Package, unmatched []string) {
	for _, p := range pkgs {
		if p.Name == "" && len(p.GoFiles) == 0 && len(p.Errors) > 0 {
			unmatched = append(unmatched, gocmd.JoinLines(p.Errors[0].Msg))
			continue
		}
		real = append(real, p)
	}
	return real, unmatched
}

// loadError shortens what the go command says to its first line, which
// names the cause ("go.mod file not found ...", "malformed import path").
func loadError(err error) error {
	msg := strings.TrimPrefix(strings.TrimSpace(err.Error()), "err: exit status 1: stderr: ")
	return errors.New("cannot load packages: " + gocmd.Cause(msg))
}

// dropTestMains removes the synthesized "pkg.test" main packages, whose only
// file is generated in the build cache.
func dropTestMains(pkgs []*packages.Package) []*packages.Package {
	out := pkgs[:0]
	for _, p := range pkgs {
		if strings.HasSuffix(p.ID, ".test") && p.Name == "main" {
			continue
		}
		out = append(out, p)
	}
	return out
}

// withRequirements lists as and everything they require, each analyzer
// after its requirements.
func withRequirements(as []*analysis.Analyzer) []*analysis.Analyzer {
	var out []*analysis.Analyzer
	seen := make(map[*analysis.Analyzer]bool)
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, r := range a.Requires {
			visit(r)
		}
		out = append(out, a)
	}
	for _, a := range as {
		visit(a)
	}
	return out
}

// needsFacts reports whether some analyzer of as, or one it requires, has
// facts: then the dependencies rules learn from are analysed too.
func needsFacts(as []*analysis.Analyzer) bool {
	for _, a := range withRequirements(as) {
		if len(a.FactTypes) > 0 {
			return true
		}
	}
	return false
}

// packageErrors reports each package, root or dependency, that failed to
// load, parse or type-check, with its first few errors, each on one line.
// A package whose only errors are failed imports of packages reported
// themselves is left out: the cause is named once, where it is. A package
// the go command could not load at all (its module cannot be downloaded,
// or no module provides it) has no files to fault: its error is that of
// the importer at whose import the go command gives it. incomplete
// lists every package with errors, those left out included, and every
// package that imports one, directly or not.
func packageErrors(roots []*packages.Package, dir string) (problems []report.Problem, incomplete []string) {
	broken := make(map[string]bool)
	packages.Visit(roots, nil, func(p *packages.Package) {
		if len(p.Errors) > 0 {
			broken[p.PkgPath] = true
		}
		for _, e := range p.Errors {
			// The go command breaks an import cycle by listing no
			// import for some packages in it, whose imports then
			// fail: the cycle is the cause, named once.
			for _, path := range cycleOf(e.Msg) {
				broken[path] = true
			}
		}
	})
	// A package is incomplete when it, or a package it imports directly
	// or not, is broken: facts a rule needs from there are missing.
	inc := make(map[*packages.Package]bool)
	listed := make(map[string]bool)
	packages.Visit(roots, nil, func(p *packages.Package) {
		inc[p] = broken[p.PkgPath]
		for _, imp := range p.Imports {
			inc[p] = inc[p] || inc[imp]
		}
		if inc[p] && !listed[p.PkgPath] {
			listed[p.PkgPath] = true
			incomplete = append(incomplete, p.PkgPath)
		}
	})
	slices.Sort(incomplete)
	importers := make(map[*packages.Package][]*packages.Package)
	packages.Visit(roots, nil, func(p *packages.Package) {
		for _, imp := range p.Imports {
			importers[imp] = append(importers[imp], p)
		}
	})
	// A package and its test variant share their non-test files, and
	// with them their errors: one entry, each error once.
	var order []string
	lines := make(map[string][]errLine)
	seen := make(map[string]bool)
	packages.Visit(roots, nil, func(p *packages.Package) {
		for _, e := range ownErrors(p, broken) {
			path := packagePath(p)
			if imp := importerOf(p, e, importers[p], dir); imp != nil {
				// The go command could not find or download p: the
				// fault is the import, in the importer's file.
				path = packagePath(imp)
				e.Msg = "cannot load import " + p.PkgPath + ": " + e.Msg
			}
			line := errorLine(e, dir)
			if seen[path+"\x00"+line] {
				continue
			}
			seen[path+"\x00"+line] = true
			if lines[path] == nil {
				order = append(order, path)
			}
			cont := e.Kind == packages.TypeError && strings.HasPrefix(e.Msg, "\t")
			lines[path] = append(lines[path], errLine{text: line, cont: cont})
		}
	})
	for _, path := range order {
		msgs := elideErrors(lines[path], maxErrorsPerPackage)
		problems = append(problems, report.Problem{Package: path, Message: strings.Join(msgs, "; ")})
	}
	return problems, incomplete
}

// An errLine is one line of a package's errors. cont is set for a line
// that continues the error before it, as a type error's "other declaration
// of X" at the other place does.
type errLine struct {
	text string
	cont bool
}

// elideErrors returns the first head errors of a package, each with its
// continuation lines, and, when more follow, "and N more errors" for them,
// where N counts the errors only, not their continuation lines. A single
// error of one line left over is shown rather than counted, which would
// take about as much room.
func elideErrors(lines []errLine, head int) []string {
	var errs [][]string // each error's lines
	for _, l := range lines {
		if l.cont && len(errs) > 0 {
			errs[len(errs)-1] = append(errs[len(errs)-1], l.text)
			continue
		}
		errs = append(errs, []string{l.text})
	}
	shown := errs
	if len(errs) > head && !(len(errs) == head+1 && len(errs[head]) == 1) {
		shown = errs[:head]
	}
	var out []string
	for _, e := range shown {
		out = append(out, e...)
	}
	switch n := len(errs) - len(shown); n {
	case 0:
		return out
	case 1:
		return append(out, "and 1 more error")
	default:
		return append(out, fmt.Sprintf("and %d more errors", n))
	}
}

// importerOf returns the package whose import of p failed with e, when p
// could not be loaded at all (it has no files: its module cannot be had,
// or no module provides it) and e is at an import in one of p's
// importers, as the go command places such errors. It returns nil
// otherwise.
func importerOf(p *packages.Package, e packages.Error, importers []*packages.Package, dir string) *packages.Package {
	if p.Name != "" || len(p.GoFiles)+len(p.CompiledGoFiles) > 0 {
		return nil
	}
	file := positionFile(e.Pos)
	if file == "" {
		return nil
	}
	if !filepath.IsAbs(file) {
		file = filepath.Join(dir, file) // relative to where go list ran
	}
	for _, imp := range importers {
		if slices.Contains(imp.GoFiles, file) || slices.Contains(imp.CompiledGoFiles, file) {
			return imp
		}
	}
	return nil
}

// positionFile returns the file of a "file:line:col" or "file:line"
// position, or "" when pos has none.
func positionFile(pos string) string {
	for range 2 {
		i := strings.LastIndexByte(pos, ':')
		if i < 0 {
			break
		}
		if _, err := strconv.Atoi(pos[i+1:]); err != nil {
			break
		}
		pos = pos[:i]
	}
	if pos == "-" {
		return ""
	}
	return pos
}

// ownErrors drops, from a package's errors, the compiler's repetition of
// errors that the parser or type checker already gave ("# pkg" output of
// go list -export), and imports that failed because the imported package
// is itself broken. When cgo failed, the compiler's output is the cause
// (the C compiler's message), and the type checker's failed import of "C"
// only follows from it.
func ownErrors(p *packages.Package, broken map[string]bool) []packages.Error {
	checked, cgoFailed := false, false
	for _, e := range p.Errors {
		if e.Kind == packages.ParseError || e.Kind == packages.TypeError {
			checked = true
		}
		if path, ok := failedImport(e.Msg); ok && path == "C" {
			cgoFailed = true
		}
	}
	var out []packages.Error
	for _, e := range p.Errors {
		compiler := e.Kind == packages.ListError && strings.HasPrefix(e.Msg, "# ")
		if checked && compiler && !cgoFailed {
			continue
		}
		if path, ok := failedImport(e.Msg); ok && (broken[path] || path == "C" && cgoFailed) {
			continue
		}
		out = append(out, e)
	}
	return out
}

// cycleOf returns the packages of the go command's "import cycle not
// allowed: import stack: [a b a]", or nil.
func cycleOf(msg string) []string {
	_, stack, ok := strings.Cut(msg, "import cycle not allowed: import stack: [")
	if !ok {
		return nil
	}
	stack, _, _ = strings.Cut(stack, "]")
	return strings.Fields(stack)
}

// failedImport recognises the type checker's "could not import P (...)".
func failedImport(msg string) (string, bool) {
	rest, ok := strings.CutPrefix(msg, "could not import ")
	if !ok {
		return "", false
	}
	path, _, _ := strings.Cut(rest, " ")
	return path, true
}

// errorLine writes one error on one line, its position relative to dir.
func errorLine(e packages.Error, dir string) string {
	msg := e.Msg
	if header, rest, ok := strings.Cut(msg, "\n"); ok && strings.HasPrefix(header, "# ") {
		msg = rest // the compiler's "# pkg" header names the package again
		// A C compiler quotes the source under its message
		// ("    4 | #include ...", "      |  ^~~~"): the position
		// says where.
		var lines []string
		for _, l := range strings.Split(msg, "\n") {
			if !excerpt.MatchString(l) {
				lines = append(lines, l)
			}
		}
		msg = strings.Join(lines, "\n")
	}
	msg = gocmd.JoinLines(msg)
	pos := e.Pos
	if pos == "" || pos == "-" {
		return msg
	}
	if rel, err := filepath.Rel(dir, pos); err == nil && !strings.HasPrefix(rel, "..") {
		pos = rel
	}
	return pos + ": " + msg
}

// excerpt matches a line of source that gcc or clang quotes under a
// message.
var excerpt = regexp.MustCompile(`^\s+[0-9]*\s*\|`)

func packagePath(p *packages.Package) string {
	if p.PkgPath != "" {
		return p.PkgPath
	}
	return p.ID
}

// collectFindings converts the diagnostics of the root units. A file that
// belongs both to a package and to its test variant is analysed twice; the
// copies are merged. Where the two report different messages at the same
// place for the same rule, the package's stands: the variant may see more
// (a SQL driver that only a test imports, whose placeholders sqlconcat
// advises), but what it sees is the test's, not the production code's.
func collectFindings(units []*unit, levels map[string]report.Level) []located {
	type place struct {
		rule          string
		file          string
		offset, endAt int
	}
	type diag struct {
		rootFinding
		at place
	}
	found := make([][]diag, len(units))
	byPackage := make(map[place]bool)
	// Files of packages analysed as they are built, not for their tests:
	// what a test variant finds in them depends on test code (a fake
	// assigned to a field in a _test.go file), not on the program.
	built := make(map[string]bool)
	for _, u := range units {
		if u.root && u.pkg.ForTest == "" {
			for _, f := range u.pkg.CompiledGoFiles {
				built[f] = true
			}
		}
	}
	for i, u := range units {
		if !u.root {
			continue
		}
		for _, rf := range u.findings {
			f := &rf.Finding
			if f.Level == "" {
				f.Level = levels[f.Rule]
			}
			at := place{f.Rule, f.Pos.File, f.Pos.Offset, f.End.Offset}
			found[i] = append(found[i], diag{rf, at})
			if u.pkg.ForTest == "" {
				byPackage[at] = true
			}
		}
	}
	type key struct {
		place
		msg string
	}
	seen := make(map[key]bool)
	src := make(sources)
	var out []located
	for i, u := range units {
		for _, d := range found[i] {
			f := d.Finding
			k := key{d.at, f.Message}
			if seen[k] || (u.pkg.ForTest != "" && (byPackage[d.at] || built[f.Pos.File])) {
				continue
			}
			seen[k] = true
			end := f.End.Offset
			if f.End == f.Pos {
				end = -1
			}
			out = append(out, located{
				Finding: f,
				scope:   d.Scope,
				code:    src.text(f.Pos.File, f.Pos.Offset, end),
			})
		}
	}
	return out
}

func finding(pkg *packages.Package, a *analysis.Analyzer, d analysis.Diagnostic, level report.Level) report.Finding {
	fset := pkg.Fset
	f := report.Finding{
		Rule:    a.Name,
		Level:   level,
		Package: packagePath(pkg),
		Pos:     position(fset, d.Pos),
		Message: d.Message,
	}
	f.End = f.Pos
	if d.End.IsValid() && d.End > d.Pos {
		f.End = position(fset, d.End)
	}
	switch l := report.Level(d.Category); l {
	case report.LevelError, report.LevelWarning, report.LevelNote:
		f.Level = l
	}
fixes:
	for _, sf := range d.SuggestedFixes {
		fix := report.Fix{Message: sf.Message}
		for _, e := range sf.TextEdits {
			end := e.End
			if !end.IsValid() {
				end = e.Pos
			}
			if !sameInCgo(fset, e.Pos, end) {
				continue fixes
			}
			fix.Edits = append(fix.Edits, report.Edit{
				Pos:     position(fset, e.Pos),
				End:     position(fset, end),
				NewText: string(e.NewText),
			})
		}
		f.Fixes = append(f.Fixes, fix)
	}
	return f
}

// sameInCgo reports whether an edit from pos to end, made in a file cmd/cgo
// wrote, fits the package's file it came from: the line up to the edit's
// end reads the same in both. cgo rewrites some lines (import "C", calls
// of C functions), and an edit placed by them would land elsewhere in the
// user's file; a fix with such an edit is dropped. An edit in any other
// file fits.
func sameInCgo(fset *token.FileSet, pos, end token.Pos) bool {
	genStart, genEnd := fset.PositionFor(pos, false), fset.PositionFor(end, false)
	userStart := position(fset, pos)
	if userStart.File == genStart.Filename {
		return true
	}
	userEnd := position(fset, end)
	gen, err1 := os.ReadFile(genStart.Filename)
	user, err2 := os.ReadFile(userStart.File)
	from, to := genStart.Offset-(genStart.Column-1), genEnd.Offset
	ufrom, uto := userStart.Offset-(userStart.Column-1), userEnd.Offset
	if err1 != nil || err2 != nil || userStart.Offset < 0 || userEnd.Offset < 0 ||
		from < 0 || to > len(gen) || from > to || ufrom < 0 || uto > len(user) || ufrom > uto {
		return false
	}
	return bytes.Equal(gen[from:to], user[ufrom:uto])
}

// position is where pos is in its file, as analysisutil.Position says: on
// disk, or, in a file cmd/cgo wrote, in the package's file it came from,
// whose offset is then read from that file.
func position(fset *token.FileSet, pos token.Pos) report.Position {
	p := analysisutil.Position(fset, pos)
	if q := fset.PositionFor(pos, false); q.Filename != p.Filename {
		p.Offset = offsetOf(p.Filename, p.Line, p.Column)
	}
	return reportPosition(p)
}

// offsetOf returns the byte offset of a line and column (both from 1) in a
// file, or -1 if the file cannot be read or is shorter.
func offsetOf(name string, line, col int) int {
	src, err := os.ReadFile(name)
	if err != nil || line < 1 || col < 1 {
		return -1
	}
	off := 0
	for range line - 1 {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return -1
		}
		off += i + 1
	}
	if off+col-1 > len(src) {
		return -1
	}
	return off + col - 1
}

// actionErrors reports analyzers that failed. An analyzer whose
// prerequisite failed, or that cannot run on an ill-typed package (which
// packageErrors reports), has no error of its own and is left out.
func actionErrors(units []*unit) []report.Problem {
	var problems []report.Problem
	seen := make(map[string]bool)
	for _, u := range units {
		for _, act := range u.actions {
			if act.err == nil {
				continue
			}
			msg := act.err.Error()
			var ie *InternalError
			if !errors.As(act.err, &ie) {
				msg = fmt.Sprintf("%s on %s: %v", act.analyzer.Name, packagePath(u.pkg), act.err)
			}
			if seen[msg] {
				continue
			}
			seen[msg] = true
			problems = append(problems, report.Problem{Package: packagePath(u.pkg), Message: msg, Err: act.err})
		}
	}
	return problems
}
