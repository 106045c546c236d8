package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"slices"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/microsec-lint/microsec-lint/analyzers"
	"github.com/microsec-lint/microsec-lint/internal/baseline"
	"github.com/microsec-lint/microsec-lint/internal/config"
	"github.com/microsec-lint/microsec-lint/internal/driver"
	"github.com/microsec-lint/microsec-lint/internal/filter"
	"github.com/microsec-lint/microsec-lint/internal/gitdiff"
	"github.com/microsec-lint/microsec-lint/internal/lsp"
	"github.com/microsec-lint/microsec-lint/internal/report"
	"github.com/microsec-lint/microsec-lint/internal/vulncheck"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"
)

// Exit codes; the package comment documents them for users.
const (
	exitClean    = 0
	exitFailed   = 1
	exitUsage    = 2
	exitFindings = 3
)

const name = "microsec-lint"

// options are the command-line settings of one run.
type options struct {
	format    string
	output    string
	config    string
	enable    string
	disable   string
	tests     bool
	listRules bool
	version   bool
	debug     bool

	baseline      string
	writeBaseline string
	newFromRev    string
	progress      string

	vuln     bool
	vulnDB   string
	vulnShow string

	debugTiming bool
	cpuProfile  string
	memProfile  string
}

func run(args []string, stdout, stderr io.Writer) (code int) {
	// A panic outside the analyzers (which the driver guards itself) is
	// still one line and the "analysis failed" exit code, not a crash.
	defer func() {
		if v := recover(); v != nil {
			fmt.Fprintf(stderr, "%s: internal error: %v\n", name, v)
			code = exitFailed
		}
	}()
	rules := analyzers.All()
	if isVetInvocation(args) {
		if len(args) == 1 && (args[0] == "-V=full" || args[0] == "--V=full") {
			if err := vetVersion(stdout); err != nil {
				fmt.Fprintf(stderr, "%s: %v\n", name, err)
				return exitFailed
			}
			return exitClean
		}
		if quietVetDependency(rules, args) {
			return exitClean
		}
		as, err := vetAnalyzers(rules, args)
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", name, err)
			return exitUsage
		}
		// go vet runs the tool once per package, dependencies included:
		// a bad flag value is told in one line each time, without the
		// whole usage after it.
		flag.CommandLine.Usage = func() {}
		// unitchecker reads os.Args itself and exits.
		unitchecker.Main(as...)
	}

	// go vet, given a flag it does not know, tells the user to run the
	// tool's help.
	if len(args) == 1 && args[0] == "help" {
		args = []string{"-h"}
	}
	if len(args) > 0 && args[0] == "lsp" {
		return runLSPCommand(args[1:], rules, stdout, stderr)
	}
	var opts options
	fs := newFlagSet(&opts, rules, stderr)
	// The flag package would print the whole usage after a parse error;
	// a user in CI needs the one line that names the mistake.
	usage := fs.Usage
	fs.Usage = func() {}
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	fs.Usage = usage
	fs.SetOutput(stderr)
	if errors.Is(err, flag.ErrHelp) {
		fs.Usage()
		return exitClean
	}
	if err != nil {
		return usageError(stderr, err)
	}
	if opts.version {
		fmt.Fprintf(stdout, "%s %s\n", name, version())
		return exitClean
	}
	if err := checkEnableList(fs); err != nil {
		return usageError(stderr, err)
	}
	if opts.listRules {
		// The list is text whatever -format says, but a format that no
		// run takes is still a mistake; and no packages are analysed.
		if _, err := report.ParseFormat(opts.format); err != nil {
			return usageError(stderr, err)
		}
		if fs.NArg() > 0 {
			return usageError(stderr, fmt.Errorf("-list-rules takes no package patterns: %q: it lists the rules and exits", fs.Arg(0)))
		}
		listRules(stdout, rules)
		return exitClean
	}
	for _, a := range fs.Args() {
		if strings.HasPrefix(a, "-") {
			return usageError(stderr, fmt.Errorf("flag %s comes after the packages: put flags before the package patterns", a))
		}
		// No package has the import path lsp: paths without a dot in
		// their first element are the standard library's.
		if a == "lsp" {
			return usageError(stderr, errors.New("lsp is a subcommand: put it first, as in microsec-lint lsp [flags]"))
		}
	}
	if err := checkVulnDB(opts.vulnDB); err != nil {
		return usageError(stderr, err)
	}
	if opts.vulnShow != "reachable" && opts.vulnShow != "all" {
		return usageError(stderr, fmt.Errorf("-vuln-show: %q is not reachable or all", opts.vulnShow))
	}
	format, err := report.ParseFormat(opts.format)
	if err != nil {
		return usageError(stderr, err)
	}
	// Settings come from .microsec.yml (or -config); flags given on the
	// command line win over the file.
	settings, err := config.Resolve(opts.config, ".")
	if err != nil {
		return usageError(stderr, err)
	}
	enabled, err := settings.Apply(rules, config.CommandLine(fs), vulncheck.Name)
	if err != nil {
		return usageError(stderr, err)
	}
	if len(enabled) == 0 && !opts.vuln {
		return usageError(stderr, errors.New("no rules left to run: the only rule enabled is vulncheck, and -vuln=false turns it off"))
	}

	cfg := driver.Config{
		Patterns: fs.Args(),
		Tests:    opts.tests,
		Rules:    enabled,
	}
	showProgress, err := wantProgress(opts.progress, stderr)
	if err != nil {
		return usageError(stderr, err)
	}
	// Lines written while the run goes on come above the progress line.
	var bar *progressLine
	logw := stderr
	if showProgress {
		bar = &progressLine{w: stderr}
		cfg.Progress = bar.update
		logw = bar
	}
	cfg.Warn = func(msg string) { fmt.Fprintf(logw, "%s: %s\n", name, msg) }
	if opts.vuln && settings.Enabled(vulncheck.Name) {
		cfg.Vuln = &vulncheck.Config{DB: opts.vulnDB, ShowAll: opts.vulnShow == "all", Log: logw}
	}
	// A baseline that cannot be read and a revision that cannot be
	// compared with are the user's mistakes, told before the analysis
	// rather than after it.
	if opts.baseline != "" {
		if cfg.Baseline, err = baseline.Load(opts.baseline); err != nil {
			return usageError(stderr, err)
		}
	}
	// From here on the run starts commands (git, go) and takes time: a
	// signal ends them and the run in one line (see interrupt.go).
	ctx, signals := watchSignals(context.Background())
	defer signals.end()
	if opts.newFromRev != "" {
		if cfg.Changes, err = gitdiff.Since(ctx, ".", opts.newFromRev); err != nil {
			if sig := signals.received(); sig != nil {
				return interrupted(stderr, sig)
			}
			if errors.Is(err, gitdiff.ErrBadRevision) {
				return usageError(stderr, err)
			}
			fmt.Fprintf(stderr, "%s: %v\n", name, err)
			return exitFailed
		}
	}
	if opts.debugTiming {
		cfg.Timing = func(load time.Duration, ts []driver.Timing) { printTiming(logw, load, ts) }
	}
	// A baseline written in the run records all of its findings: with
	// -baseline, that brings the old one up to date. The run narrows
	// what it reports after writing it.
	narrow := driver.Config{Baseline: cfg.Baseline, Changes: cfg.Changes}
	if opts.writeBaseline != "" {
		cfg.Baseline, cfg.Changes = nil, nil
	}
	// The files the run writes are checked before the analysis, not
	// found unwritable after it, or to be one it reads.
	settingsBy := "-config"
	if opts.config == "" {
		settingsBy = "the settings file"
	}
	if err := checkClashes(
		[]namedFile{{"-o", opts.output}, {"-write-baseline", opts.writeBaseline}, {"-debug-cpuprofile", opts.cpuProfile}, {"-debug-memprofile", opts.memProfile}},
		[]namedFile{{"-baseline", opts.baseline}, {settingsBy, settingsPath(opts.config, settings.Path)}},
		map[[2]string]bool{{"-baseline", "-write-baseline"}: true},
	); err != nil {
		return usageError(stderr, err)
	}
	var out, baseOut, cpuOut, memOut *outputFile
	for _, o := range []struct {
		flag, path string
		file       **outputFile
	}{{"-o", opts.output, &out}, {"-write-baseline", opts.writeBaseline, &baseOut}, {"-debug-cpuprofile", opts.cpuProfile, &cpuOut}, {"-debug-memprofile", opts.memProfile, &memOut}} {
		if o.path == "" {
			continue
		}
		if *o.file, err = openOutput(o.flag, o.path); err != nil {
			return usageError(stderr, err)
		}
		defer (*o.file).close()
	}
	stopProfile, err := startProfile(cpuOut)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", name, err)
		return exitFailed
	}
	res, err := driver.Run(ctx, cfg)
	// The analysis is over: a signal from here on has its default effect.
	if sig := signals.end(); sig != nil {
		// The -o file, not written yet, is removed if the run made it.
		stopProfile()
		if bar != nil {
			bar.clear()
		}
		signals.endChildren()
		return interrupted(stderr, sig)
	}
	if perr := stopProfile(); perr != nil {
		fmt.Fprintf(stderr, "%s: %v\n", name, perr)
		return exitFailed
	}
	if perr := writeHeapProfile(memOut); perr != nil {
		fmt.Fprintf(stderr, "%s: %v\n", name, perr)
		return exitFailed
	}
	if bar != nil {
		bar.clear()
	}
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", name, err)
		return exitFailed
	}
	res.Findings = settings.Filter(res.Findings)
	res.Tool = tool()
	res.Rules = append(describeRules(enabled), res.Rules...)
	if opts.writeBaseline != "" {
		if err := writeBaseline(baseOut, res); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", name, err)
			return exitFailed
		}
		driver.Narrow(res, narrow)
	}
	return finish(res, format, opts, out, stdout, stderr)
}

// settingsPath names the settings file in messages: as -config gave it,
// or relative to the working directory when found.
func settingsPath(flagValue, abs string) string {
	if flagValue != "" || abs == "" {
		return flagValue
	}
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, abs); err == nil {
			return rel
		}
	}
	return abs
}

// printTiming writes the -debug-timing report: one line per analyzer,
// slowest first. Analyzers run in parallel, so the sums exceed wall time.
func printTiming(w io.Writer, load time.Duration, ts []driver.Timing) {
	fmt.Fprintf(w, "%s: timing: loading packages %v\n", name, load.Round(time.Millisecond))
	for _, t := range ts {
		idle := ""
		if t.Idle > 0 {
			idle = fmt.Sprintf(", idle on %d", t.Idle)
		}
		fmt.Fprintf(w, "%s: timing: %-20s %10v on %d packages%s\n", name, t.Analyzer, t.Total.Round(time.Millisecond), t.Packages, idle)
	}
}

// runLSPCommand runs "microsec-lint lsp [flags]": its own flags, the ones
// that mean something to the server (settings and rules; the server always
// analyses tests, and writes no report), then the server.
func runLSPCommand(args []string, rules []analyzers.Rule, stdout, stderr io.Writer) int {
	var configPath string
	fs := flag.NewFlagSet(name+" lsp", flag.ContinueOnError)
	fs.StringVar(&configPath, "config", "", "read settings from `file` for every package (default: the .microsec.yml nearest to each package)")
	fs.String("enable", "", enableUsage)
	fs.String("disable", "", disableUsage)
	addRuleFlags(fs, rules)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	err := fs.Parse(args)
	fs.SetOutput(stderr)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintf(stderr, "usage: %s lsp [flags]\n\n", name)
		fmt.Fprintf(stderr, "A language server on standard input and output that publishes the findings\n")
		fmt.Fprintf(stderr, "of the packages of the files an editor opens and saves (see docs/editors.md).\n")
		fmt.Fprintf(stderr, "Exit status: 0 after shutdown and exit, 1 otherwise, 2 usage error.\n\nFlags:\n")
		fs.PrintDefaults()
		return exitClean
	}
	if err != nil {
		return lspUsageError(stderr, err)
	}
	if err := checkEnableList(fs); err != nil {
		return lspUsageError(stderr, err)
	}
	if fs.NArg() > 0 {
		return lspUsageError(stderr, fmt.Errorf("lsp takes no package patterns: %q: it analyses the packages of the files the editor opens", fs.Arg(0)))
	}
	// The server reads the settings file of each package it analyses, the
	// one -config names or else the nearest .microsec.yml, on each run: a
	// file that cannot be read or applied is shown to the user in the
	// editor, which rarely shows what a server writes before it exits, and
	// its fix applies from the next save. Only the command line is checked
	// here.
	o := config.CommandLine(fs)
	if _, err := config.Default(".").Apply(rules, o, vulncheck.Name); err != nil {
		return lspUsageError(stderr, err)
	}
	if configPath != "" {
		abs, err := filepath.Abs(configPath)
		if err != nil {
			return lspUsageError(stderr, fmt.Errorf("-config: %v", err))
		}
		configPath = abs
	}
	return runLSP(rules, &lsp.Settings{Overrides: o, Extra: []string{vulncheck.Name}, File: configPath}, stdout, stderr)
}

func lspUsageError(stderr io.Writer, err error) int {
	fmt.Fprintf(stderr, "%s: lsp: %v\n", name, err)
	fmt.Fprintf(stderr, "run '%s lsp -h' for usage\n", name)
	return exitUsage
}

// runLSP serves the language server on stdin and stdout until the client
// asks it to exit. rules are the suite the settings of each package choose
// from.
func runLSP(rules []analyzers.Rule, settings *lsp.Settings, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := lsp.Serve(ctx, os.Stdin, stdout, lsp.Options{Rules: rules, Log: stderr, Version: version(), Settings: settings})
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", name, err)
		return exitFailed
	}
	return exitClean
}

func writeBaseline(o *outputFile, res *report.Result) error {
	var buf bytes.Buffer
	if err := baseline.Write(&buf, res.Findings, res.WorkDir); err != nil {
		return err
	}
	f, err := o.start()
	if err != nil {
		return err
	}
	if _, err := f.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("cannot write baseline: %v", unwrapPath(err))
	}
	return nil
}

// finish writes the result and picks the exit code.
func finish(res *report.Result, format report.Format, opts options, out *outputFile, stdout, stderr io.Writer) int {
	for _, p := range res.Errors {
		fmt.Fprintf(stderr, "%s: %s\n", name, problemLine(p))
		var ie *driver.InternalError
		if opts.debug && errors.As(p.Err, &ie) {
			stderr.Write(ie.Stack)
		}
	}
	if err := writeResult(res, format, out, stdout); err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", name, err)
		return exitFailed
	}
	switch {
	case len(res.Errors) > 0:
		return exitFailed
	case countsForExit(res.Findings):
		return exitFindings
	}
	return exitClean
}

// countsForExit reports whether any finding fails the run: one that is
// not suppressed in source and is an error or a warning. Notes are printed
// but leave the exit code alone.
func countsForExit(fs []report.Finding) bool {
	for _, f := range fs {
		if f.Suppression == nil && f.Level != report.LevelNote {
			return true
		}
	}
	return false
}

func problemLine(p report.Problem) string {
	if p.Package == "" || namesPackage(p.Message, p.Package) {
		return p.Message
	}
	return "package " + p.Package + ": " + p.Message
}

// namesPackage reports whether msg names the package at path: path occurs
// in it as a whole, not as the start or end of another path
// (example.com/m/x, example.com/mx).
func namesPackage(msg, path string) bool {
	pathByte := func(b byte) bool {
		return b == '/' || b == '.' || b == '-' || b == '_' || b == '~' ||
			'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9'
	}
	for i := 0; ; {
		j := strings.Index(msg[i:], path)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(path)
		// A "." right after path that ends msg ends a sentence.
		if (start == 0 || !pathByte(msg[start-1])) && (end == len(msg) || !pathByte(msg[end]) || end+1 == len(msg) && msg[end] == '.') {
			return true
		}
		i = start + 1
	}
}

// writeResult writes the report to out, or to stdout when out is nil.
func writeResult(res *report.Result, format report.Format, out *outputFile, stdout io.Writer) error {
	if out == nil {
		return report.Write(stdout, format, res)
	}
	f, err := out.start()
	if err != nil {
		return err
	}
	if err := report.Write(f, format, res); err != nil {
		out.close()
		return fmt.Errorf("cannot write %s: %v", out.path, err)
	}
	return out.close()
}

func usageError(stderr io.Writer, err error) int {
	fmt.Fprintf(stderr, "%s: %v\n", name, err)
	fmt.Fprintf(stderr, "run '%s -h' for usage\n", name)
	return exitUsage
}

func newFlagSet(opts *options, rules []analyzers.Rule, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&opts.format, "format", "text", "output format: text, json or sarif")
	fs.StringVar(&opts.output, "o", "", "write the report to `file` instead of standard output")
	fs.StringVar(&opts.config, "config", "", "read settings from `file` (default: .microsec.yml in this directory or the nearest parent)")
	fs.StringVar(&opts.enable, "enable", "", enableUsage)
	fs.StringVar(&opts.disable, "disable", "", disableUsage)
	fs.BoolVar(&opts.tests, "tests", true, "also analyse test files")
	fs.BoolVar(&opts.listRules, "list-rules", false, "list the rules and exit")
	fs.BoolVar(&opts.version, "version", false, "print the version and exit")
	fs.BoolVar(&opts.debug, "debug", false, "print the stack of internal errors")
	fs.BoolVar(&opts.debugTiming, "debug-timing", false, "print on stderr the time spent loading packages, type-checking them and in each analyzer")
	fs.StringVar(&opts.cpuProfile, "debug-cpuprofile", "", "write a pprof CPU profile of the run to `file`")
	fs.StringVar(&opts.memProfile, "debug-memprofile", "", "write a pprof heap profile, taken when the analysis ends, to `file`")
	fs.StringVar(&opts.baseline, "baseline", "", "report only findings not recorded in the baseline `file`")
	fs.StringVar(&opts.writeBaseline, "write-baseline", "", "record the findings of this run in the baseline `file`")
	fs.StringVar(&opts.progress, "progress", "auto", "show progress on stderr: auto (on a terminal outside CI), always or never")
	fs.BoolVar(&opts.vuln, "vuln", true, "run govulncheck on the module graph (rule vulncheck)")
	fs.StringVar(&opts.vulnDB, "vulndb", "", "vulnerability database: an https:// URL, file:///dir, a directory (absolute or ./dir), module or module@VERSION\n(default https://vuln.go.dev, falling back to module when unreachable)")
	fs.StringVar(&opts.vulnShow, "vuln-show", "reachable", "which vulnerabilities to report: reachable, or all (adds imported and required ones as notes)")
	fs.StringVar(&opts.newFromRev, "new-from-rev", "", "report only findings on lines changed since the git `revision`")
	addRuleFlags(fs, rules)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: %s [flags] [packages]\n", name)
		fmt.Fprintf(stderr, "       %s lsp [flags]    (language server on stdin/stdout)\n\n", name)
		fmt.Fprintf(stderr, "Packages are go list patterns (default ./...).\n")
		fmt.Fprintf(stderr, "Exit status: 0 no findings (or notes only), 3 findings, 1 analysis failed, 2 usage error,\n129, 130 or 143 interrupted (SIGHUP, SIGINT or SIGTERM).\n\nFlags:\n")
		fs.PrintDefaults()
	}
	return fs
}

// checkEnableList reports an -enable given a list that names no rule ("",
// ",,"): it would select nothing, and is as much a mistake as an empty
// enable list in .microsec.yml, not a way to run every rule.
func checkEnableList(fs *flag.FlagSet) error {
	f := fs.Lookup("enable")
	set := false
	fs.Visit(func(v *flag.Flag) { set = set || v == f })
	if !set || len(config.CommandLine(fs).Enable) > 0 {
		return nil
	}
	return fmt.Errorf("-enable %q: the list names no rule; name the rules to run, or leave -enable out to run them all", f.Value.String())
}

const (
	enableUsage  = "comma-separated `rules` to run (default: all)"
	disableUsage = "comma-separated `rules` not to run"
)

// addRuleFlags adds each rule's flags to fs as -RULE.FLAG.
func addRuleFlags(fs *flag.FlagSet, rules []analyzers.Rule) {
	for _, r := range rules {
		prefix := r.Analyzer.Name + "."
		r.Analyzer.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, prefix+f.Name, f.Usage)
		})
	}
}

func listRules(w io.Writer, rules []analyzers.Rule) {
	width := len(vulncheck.Name)
	for _, r := range rules {
		width = max(width, len(r.Analyzer.Name))
	}
	for _, r := range rules {
		fmt.Fprintf(w, "%-*s  %s\n", width, r.Analyzer.Name, r.Doc.Title)
	}
	fmt.Fprintf(w, "%-*s  %s\n", width, vulncheck.Name, vulncheck.Doc.Title)
}

// describeRules gives the writers what they need to know about each rule.
func describeRules(rules []analyzers.Rule) []report.Rule {
	out := make([]report.Rule, len(rules))
	for i, r := range rules {
		out[i] = report.Rule{
			ID:               r.Analyzer.Name,
			Title:            r.Doc.Title,
			Help:             r.Doc.Body,
			HelpURI:          r.Analyzer.URL,
			CWE:              r.CWE,
			Level:            report.Level(r.Level),
			SecuritySeverity: r.SecuritySeverity,
			SecretText:       r.SecretText,
		}
	}
	out = append(out, driver.DirectiveRule)
	sort.SliceStable(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

func tool() report.Tool {
	return report.Tool{
		Name:           name,
		Version:        version(),
		InformationURI: "https://github.com/microsec-lint/microsec-lint",
	}
}

// version is the module version the binary was built from, as go install
// records it, or "(devel)" for a build from a checkout.
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

// vetAnalyzers returns the analyzers go vet runs on a package: every
// rule, so that facts flow alike between all packages, with the findings
// of the rules that .microsec.yml disables dropped, and those in files it
// excludes or under a suppression directive, as in the command's own
// runs. go vet's handshakes before any package (-V=full, -flags) read no
// settings.
func vetAnalyzers(rules []analyzers.Rule, args []string) ([]*analysis.Analyzer, error) {
	all := analyzers.Analyzers(rules)
	if len(args) == 0 || !strings.HasSuffix(args[len(args)-1], ".cfg") {
		return all, nil
	}
	// A dependency is analysed for its facts alone, whatever the
	// settings: those of its own module are not the user's (and a broken
	// file there would fail every package that imports it).
	var unit struct{ VetxOnly bool }
	if data, err := os.ReadFile(args[len(args)-1]); err == nil && json.Unmarshal(data, &unit) == nil && unit.VetxOnly {
		return all, nil
	}
	// go vet runs the tool in the package's directory.
	settings, err := config.Resolve("", ".")
	if err != nil {
		return nil, err
	}
	enabled, err := settings.Apply(rules, vetRuleFlags(rules, args), vulncheck.Name)
	if err != nil {
		return nil, err
	}
	if len(enabled) == 0 {
		return nil, fmt.Errorf("%s: no rules left to run under go vet, which does not run vulncheck", settings.Path)
	}
	on := make(map[*analysis.Analyzer]bool)
	for _, r := range enabled {
		on[r.Analyzer] = true
	}
	out := make([]*analysis.Analyzer, len(all))
	for i, a := range all {
		if on[a] {
			out[i] = filter.Analyzer(a, settings, analyzers.Known())
		} else {
			out[i] = filter.Quiet(a)
		}
	}
	return out, nil
}

// vetRuleFlags reads the rule switches go vet passes on (-sqlconcat,
// -sqlconcat=false) as the command's -enable and -disable: a rule named
// true runs even where the settings disable it, and then only the rules so
// named run, as under any vet tool.
func vetRuleFlags(rules []analyzers.Rule, args []string) config.Overrides {
	var o config.Overrides
	for _, a := range args {
		a, ok := strings.CutPrefix(a, "-")
		if !ok {
			continue
		}
		a = strings.TrimPrefix(a, "-")
		name, value, hasValue := strings.Cut(a, "=")
		if !slices.ContainsFunc(rules, func(r analyzers.Rule) bool { return r.Analyzer.Name == name }) {
			continue
		}
		on := true
		if hasValue {
			b, err := strconv.ParseBool(value)
			if err != nil {
				continue // the flag package says what is wrong
			}
			on = b
		}
		if on {
			o.Enable = append(o.Enable, name)
		} else {
			o.Disable = append(o.Disable, name)
		}
	}
	return o
}

// vetVersion answers go vet's -V=full. go vet keeps the tool's results in
// its cache, keyed by this line and the package's inputs, among which
// .microsec.yml is not: the line holds a hash of this program and of the
// settings files that may apply (see vetSettingsFiles), so that editing
// one runs the tool again instead of replaying results the old settings
// gave.
func vetVersion(w io.Writer) error {
	id, err := driver.ProgramID()
	if err != nil {
		return err
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\n", id)
	files, findErr := vetSettingsFiles(".")
	if findErr != nil {
		fmt.Fprintf(h, "%v\n", findErr) // the run will say it again
	}
	for _, f := range files {
		fmt.Fprintf(h, "%s\n", f)
		fi, err := os.Stat(f)
		if err != nil || !fi.Mode().IsRegular() {
			fmt.Fprintf(h, "unreadable %v\n", err) // the run will say why
			continue
		}
		data, err := os.ReadFile(f)
		fmt.Fprintf(h, "%d %v\n", len(data), err)
		h.Write(data)
	}
	_, err = fmt.Fprintf(w, "%s version devel buildID=%x\n", name, h.Sum(nil))
	return err
}

// vetSettingsFiles lists the settings files a go vet run from dir may read:
// the one config.Find finds from the root of the module or workspace dir is
// in (go vet may be run from any directory of it, and name packages
// anywhere in it), and those in the directories below that root that may
// hold its packages (as the go command sees them: not testdata, vendor,
// nor names starting with . or _; nor node_modules), in a fixed order. The
// error is Find's (two settings files in one directory).
func vetSettingsFiles(dir string) ([]string, error) {
	root, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	// The nearest go.mod's directory, or a go.work's above it.
	modRoot := ""
	for d := root; ; d = filepath.Dir(d) {
		if fileExists(filepath.Join(d, "go.work")) {
			modRoot = d
			break
		}
		if modRoot == "" && fileExists(filepath.Join(d, "go.mod")) {
			modRoot = d
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	if modRoot != "" {
		root = modRoot
	}
	var out []string
	p, findErr := config.Find(root)
	if p != "" {
		out = append(out, p)
	}
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if base := d.Name(); path != root && (base == "testdata" || base == "vendor" || base == "node_modules" ||
				strings.HasPrefix(base, ".") || strings.HasPrefix(base, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if base := d.Name(); base == config.FileName || base == config.AltFileName {
			out = append(out, path)
		}
		return nil
	})
	return out, findErr
}

// fileExists reports whether name is there, whatever it is.
func fileExists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}

// isVetInvocation reports whether go vet runs us as its -vettool: it first
// asks for the version (-V=full) and the flags (-flags), then passes a
// single JSON config file whose name ends in .cfg.
func isVetInvocation(args []string) bool {
	for _, a := range args {
		if a == "-V=full" || a == "--V=full" || a == "-flags" || a == "--flags" {
			return true
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}
