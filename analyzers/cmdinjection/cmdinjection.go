package cmdinjection

import (
	_ "embed"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/microsec-lint/microsec-lint/internal/analysisutil"
	"github.com/microsec-lint/microsec-lint/internal/dataflow"
	"github.com/microsec-lint/microsec-lint/internal/flagval"
	"github.com/microsec-lint/microsec-lint/internal/gomicro"
	"github.com/microsec-lint/microsec-lint/internal/ruledoc"
	"github.com/microsec-lint/microsec-lint/internal/secrets"
)

//go:embed doc.go
var docSrc []byte

// Doc is the rule's documentation, parsed from doc.go.
var Doc = ruledoc.MustParse(docSrc, "cmdinjection")

// Config holds the analyzer's settings; New exposes each as a flag.
type Config struct {
	// Sinks are extra functions shaped like exec.Command: a program name,
	// then its arguments (variadic or a slice).
	Sinks []string
	// Sanitizers are extra functions whose result is safe to put in a
	// command, such as shell quoting.
	Sanitizers []string
}

// Analyzer is the cmdinjection analyzer with the default settings.
var Analyzer = New(Config{})

// New returns a cmdinjection analyzer that starts from cfg; its flags
// (-sinks, -sanitizers) change that copy only.
func New(cfg Config) *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:      "cmdinjection",
		Doc:       Doc.Analyzer(),
		URL:       "https://github.com/microsec-lint/microsec-lint/blob/main/docs/rules.md#cmdinjection",
		Requires:  []*analysis.Analyzer{dataflow.NoReturn}, // SSA: dataflow.Analyze builds it
		FactTypes: []analysis.Fact{new(summary)},
	}
	a.Flags.Var((*flagval.Names)(&cfg.Sinks), "sinks",
		`extra sinks shaped like exec.Command, comma-separated "import/path.Func" or "(import/path.Type).Method"`)
	a.Flags.Var((*flagval.Names)(&cfg.Sanitizers), "sanitizers",
		"extra functions whose result is safe in a command, in the same form as -sinks")
	a.Run = func(pass *analysis.Pass) (any, error) {
		run(pass, &cfg)
		return nil, nil
	}
	return a
}

// summary carries a function's dataflow summary to importing packages.
type summary struct{ dataflow.Summary }

func (*summary) AFact() {}

// builtinSanitizers quote text for a POSIX shell.
var builtinSanitizers = []string{
	"github.com/alessio/shellescape.Quote",
	"github.com/kballard/go-shellquote.Join",
	"al.essio.dev/pkg/shellescape.Quote",
}

// ownPath are functions whose result is the running program's own path:
// a program that runs itself again (a child process, a daemon) runs what
// was installed, not text an attacker chose. os.Args[0], which whoever
// starts the program sets, is not one of them.
var ownPath = []string{"os.Executable"}

func run(pass *analysis.Pass, cfg *Config) {
	extra := dataflow.NewKeySet(cfg.Sinks)
	sanitizers := dataflow.NewKeySet(builtinSanitizers, ownPath, cfg.Sanitizers)
	dcfg := &dataflow.Config{
		NewFact: func() dataflow.Fact { return new(summary) },
		Sink: func(obj types.Object, args []ssa.Value) *dataflow.Sink {
			return sink(obj, args, extra)
		},
		SinkCall: func(call ssa.CallInstruction, obj types.Object, args []ssa.Value) *dataflow.Sink {
			k := sink(obj, args, extra)
			if k != nil && k.Kind == kindExec {
				cmdFields(k, call)
			}
			return k
		},
		SinkObject:   func(obj types.Object) bool { return kindOf(obj, extra) != "" },
		SinkMethods:  dataflow.MemoFor(pass.Analyzer),
		Sanitiser:    sanitizers.Has,
		OptionChecks: true,
		Judge:        judge,
	}
	for _, f := range dataflow.Analyze(pass, dcfg) {
		pass.Report(analysis.Diagnostic{Pos: f.Pos, End: f.End, Message: f.Message, Category: f.Category})
	}
}

// Sink kinds.
const (
	kindExec    = "exec"    // program, then its arguments
	kindExecv   = "execv"   // program path, then argv with argv[0]
	kindCommand = "command" // go-micro runtime command: every element is part of the program
	kindArgs    = "args"    // go-micro runtime arguments
)

// sink reports whether a call runs a command, with the program and the
// arguments as operands.
func sink(obj types.Object, args []ssa.Value, extra dataflow.KeySet) *dataflow.Sink {
	kind := kindOf(obj, extra)
	s := func(ops ...ssa.Value) *dataflow.Sink {
		return &dataflow.Sink{Kind: kind, Callee: dataflow.Name(obj), Args: ops}
	}
	switch kind {
	case kindExec:
		if obj.Pkg().Path() == "os/exec" && obj.Name() == "CommandContext" {
			// The context comes first.
			if len(args) == 3 {
				return s(args[1], args[2])
			}
			return nil
		}
		if len(args) >= 2 {
			return s(args[0], args[1])
		}
	case kindExecv:
		if len(args) >= 2 {
			return s(args[0], args[1])
		}
	case kindCommand, kindArgs:
		if len(args) == 1 {
			return s(args[0])
		}
	}
	return nil
}

// kindOf says what kind of sink a function is, or "" if calling it starts
// no process.
func kindOf(obj types.Object, extra dataflow.KeySet) string {
	if obj == nil || obj.Pkg() == nil {
		return ""
	}
	path, name := obj.Pkg().Path(), obj.Name()
	switch {
	case path == "os/exec" && (name == "Command" || name == "CommandContext"):
		return kindExec
	case path == "syscall" && (name == "Exec" || name == "ForkExec" || name == "StartProcess"),
		path == "os" && name == "StartProcess":
		return kindExecv
	case extra.Has(obj):
		return kindExec
	}
	if m, rel, ok := gomicro.Split(path); ok && rel == "runtime" && m.Version <= 4 {
		switch name {
		case "WithCommand":
			return kindCommand
		case "WithArgs":
			return kindArgs
		}
	}
	return ""
}

// judge decides about one command.
func judge(s *dataflow.Site) dataflow.Decision {
	switch s.Kind {
	case kindCommand:
		cmd := s.Args[0].Flatten()
		if !cmd.Origin.Safe() {
			return report(s, "command", cmd, "choose the command from a fixed set of constants", "")
		}
		return dataflow.Decision{Defer: cmd.DependsOnParams()}
	case kindArgs:
		return judgeArgs(s, elems(s.Args[0]), elems(checked(s)[0]), 0, "")
	}
	stdin, env := fieldOperands(s)
	e := judgeEnv(s, env, programName(s.Args[0]))
	if e.Message != "" {
		return e
	}
	d := judgeExec(s, stdin)
	if d.Message == "" {
		d.Defer = d.Defer || e.Defer
	}
	return d
}

// judgeExec decides about a command's program, arguments and the script
// sent on its standard input.
func judgeExec(s *dataflow.Site, stdin []dataflow.Value) dataflow.Decision {
	prog, argv := s.Args[0], elems(s.Args[1])
	// As arguments, values rejected when they start with "-" are safe.
	optv := elems(checked(s)[1])
	if s.Kind == kindExecv && len(argv) > 0 && !argv[0].Spread {
		argv = argv[1:]
		if len(optv) > 0 {
			optv = optv[1:]
		}
	}
	if !prog.Origin.Safe() {
		return report(s, "program name", prog, "choose the program from a fixed set of constants", "")
	}
	if prog.DependsOnParams() {
		return dataflow.Decision{Defer: true}
	}
	deferred := false // on a script sent on standard input
	if prog.Finite {
		for _, p := range prog.Consts {
			if sh := shellOf(p, argv); sh != nil && sh.stdin {
				// The arguments are the script's or the runner's.
				d := judgeStdin(s, sh, stdin)
				if d.Message != "" {
					return d
				}
				deferred = deferred || d.Defer
			} else if sh != nil {
				// The arguments after a script are its positional
				// parameters, which the shell does not parse.
				d := judgeShell(s, sh, argv)
				if d.Message == "" && sh.before > 0 {
					// A runner's own arguments before the shell
					// (docker exec CONTAINER sh -c ...) are its
					// options and operands.
					a := judgeArgs(s, argv[:min(sh.before, len(argv))], optv[:min(sh.before, len(optv))], 1, programName(prog))
					if a.Message != "" {
						return a
					}
					d.Defer = d.Defer || a.Defer
				}
				if d.Defer || d.Message != "" || len(prog.Consts) == 1 {
					return d
				}
			}
		}
	}
	d := judgeArgs(s, argv, optv, 1, programName(prog))
	d.Defer = d.Defer || deferred
	return d
}

// checked returns the site's operands with values checked not to start
// with "-" taken as constant, when the engine gives them (a sink called
// directly), or else the operands.
func checked(s *dataflow.Site) []dataflow.Value {
	if len(s.Checked) == len(s.Args) {
		return s.Checked
	}
	return s.Args
}

// elems returns the elements of a slice value, none for a nil slice (no
// text at all), or the whole slice as one spread element when they are
// not known.
func elems(v dataflow.Value) []dataflow.Value {
	if v.Listed {
		return v.Elems
	}
	if v.Finite && len(v.Consts) == 0 {
		return nil
	}
	v = v.Flatten()
	v.Spread = true
	return []dataflow.Value{v}
}

// judgeShell judges the script given to a shell.
func judgeShell(s *dataflow.Site, sh *shell, argv []dataflow.Value) dataflow.Decision {
	var script dataflow.Value
	switch {
	case sh.script >= 0:
		script = argv[sh.script]
		if sh.rest {
			for _, a := range argv[sh.script+1:] {
				script = dataflow.Concat(script, a.Flatten())
			}
		}
		for _, m := range sh.more {
			script = dataflow.Concat(script, argv[m].Flatten())
		}
	case sh.unknown >= 0:
		// The arguments are not known from the script flag on: any of
		// them may be the script.
		for _, a := range argv[sh.unknown:] {
			script = dataflow.Concat(script, a.Flatten())
		}
	default:
		return dataflow.Decision{}
	}
	script = script.Flatten()
	what := "shell script run by " + sh.name
	if sh.code {
		what = "program text run by " + sh.name
	}
	if !script.Origin.Safe() {
		advice := `pass values as separate arguments read as "$1" or run the program without a shell`
		if sh.advice != "" {
			advice = sh.advice
		}
		return report(s, what, script, advice, "")
	}
	return dataflow.Decision{Defer: script.DependsOnParams()}
}

// judgeArgs reports an argument that comes from external input, unless a
// constant "--" or "--end-of-options" ends the options before it or the
// argument cannot be read as an option (see glued and valueOptions); and
// an argument that sets an option or setting whose value the program runs
// (see runsValue) to non-constant text. argv are the arguments, optv the
// same with values checked not to start with "-" taken as constant (see
// checked); first is the 1-based number of argv[0].
func judgeArgs(s *dataflow.Site, argv, optv []dataflow.Value, first int, prog string) dataflow.Decision {
	deps := false
	value := false           // optv[i] is the value of the option before it
	entries := prog == "env" // env's NAME=value entries may come next
	for i, a := range optv {
		if entries && len(argv) == len(optv) {
			c, isConst := argv[i].Const()
			switch {
			case isConst && (strings.HasPrefix(c, "-") || strings.Contains(c, "=")):
			case isConst || argv[i].Spread:
				entries = false // the program, or arguments not known
			case !nameSet(argv[i].Lead()) && argv[i].Flatten().Origin == dataflow.External:
				what := "environment entry in argument " + strconv.Itoa(i+first) + " of env"
				return report(s, what, argv[i].Flatten(), nameAdvice, "")
			}
		}
		if len(argv) == len(optv) && !argv[i].Spread {
			if lead := argv[i].Lead(); runsValue(lead) {
				v := argv[i].Flatten()
				if !v.Origin.Safe() {
					what := "command in argument " + strconv.Itoa(i+first)
					if prog != "" {
						what += " of " + prog
					}
					what += " (" + strconv.Quote(lead+"...") + ")"
					return report(s, what, v, "the value of this option or setting is run or loaded as code: choose it from a fixed set of constants", "")
				}
				deps = deps || v.DependsOnParams()
			}
		}
		if value && !a.Spread {
			value = false
			continue
		}
		value = false
		c, isConst := a.Const()
		if isConst && endsOptions(c) {
			break
		}
		if isConst && !a.Spread {
			value = slices.Contains(valueOptions[prog], c)
		}
		if !a.Spread && glued(a.Lead()) {
			continue
		}
		a = a.Flatten()
		if a.Origin == dataflow.External {
			what := "argument " + strconv.Itoa(i+first)
			if s.Kind == kindArgs || argv[i].Spread {
				what = "arguments"
			}
			if prog != "" {
				what += " of " + prog
			}
			return report(s, what, a, `reject values that start with "-" or put "--" before them`, "warning")
		}
		deps = deps || a.DependsOnParams()
	}
	return dataflow.Decision{Defer: deps}
}

// valueOptions are, for programs whose options are known, options that
// take the next argument as their value whatever it starts with: the
// pattern of grep -e PATTERN.
var valueOptions = map[string][]string{
	"grep":  {"-e", "--regexp"},
	"egrep": {"-e", "--regexp"},
	"fgrep": {"-e", "--regexp"},
}

// glued reports whether an argument that starts with lead can neither be
// read as an option of the program's choosing nor set one: lead is text
// other than an option or a setting ("refs/heads/"+branch, a URL), or a
// long option of gluedOptions with its "=" ("--branch="+branch). A lead
// that starts with "-" may become another option ("-"+flag, "-o"+value);
// the value of another option or of a setting (user.name=, GIT_DIR=) may
// be anything the option takes, which the rule does not know.
func glued(lead string) bool {
	if lead == "" {
		return false
	}
	name, _, set := strings.Cut(lead, "=")
	if lead[0] != '-' {
		return !set || !settingName(name)
	}
	opt := strings.TrimPrefix(name, "--")
	return set && opt != name && slices.Contains(gluedOptions, opt) && !strings.Contains(lead[len(name)+1:], "=")
}

// gluedOptions are long options whose value is data, not a command or a
// path to run: a value glued after "--NAME=" is safe.
var gluedOptions = []string{
	"branch", "depth", "tag", "format", "pretty", "since", "until", "after", "before",
	"author", "committer", "message", "title", "label", "name", "version", "ref",
	"revision", "commit", "date", "max-count", "skip", "limit", "sort", "color", "jobs",
}

// settingName reports whether name reads as the name of an option or a
// setting (core.sshCommand, GIT_DIR, --rsh), not as other text (a URL).
func settingName(name string) bool {
	name = strings.TrimLeft(name, "-")
	if name == "" {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// commandWords, as words of an option's or setting's name, say that the
// program runs its value: git's --exec=, core.sshCommand=, core.pager=,
// core.gitProxy=, credential.helper=, diff.external=, alias.NAME=;
// rsync's --rsh=; tar's --to-command= and --info-script=; ssh's
// ProxyCommand=; go's -toolexec=; helm's --post-renderer=; docker's
// --entrypoint=. upload and receive before pack (git's --upload-pack=)
// say so too.
var commandWords = []string{
	"command", "cmd", "exec", "toolexec", "rsh", "program", "pager", "editor", "helper",
	"preload", "hook", "hooks", "hookspath", "shell", "askpass", "fsmonitor", "proxy",
	"textconv", "external", "script", "renderer", "entrypoint", "alias", "sshcommand", "vettool",
}

// commandVariables are environment variables whose value a program runs or
// loads, beyond the names commandWords tells (GIT_SSH_COMMAND) and the
// dynamic loader's (LD_*, DYLD_*).
var commandVariables = []string{
	"GIT_SSH", "GIT_EXTERNAL_DIFF", "BASH_ENV", "ENV", "PATH", "NODE_OPTIONS",
	"PERL5OPT", "PERL5LIB", "PYTHONPATH", "PYTHONSTARTUP", "RUBYOPT", "VISUAL",
}

// runsValue reports whether an argument that starts with lead sets an
// option or setting whose value the program runs or loads as code: lead is
// NAME= where NAME reads as an option or setting (see settingName) and
// holds one of commandWords as a word (see secrets.Words), or names one of
// commandVariables or a dynamic loader variable, or a function bash
// imports (BASH_FUNC_name%%=); or tar's
// --checkpoint-action=exec=.
func runsValue(lead string) bool {
	name, rest, set := strings.Cut(lead, "=")
	if set && strings.HasPrefix(name, "BASH_FUNC_") {
		return true // a function bash defines from its environment
	}
	if !set || !settingName(name) {
		return false
	}
	name = strings.TrimLeft(name, "-")
	if strings.EqualFold(name, "checkpoint-action") && strings.HasPrefix(rest, "exec=") {
		return true
	}
	if slices.Contains(commandVariables, name) || strings.HasPrefix(name, "LD_") || strings.HasPrefix(name, "DYLD_") {
		return true
	}
	words := secrets.Words(name)
	for i, w := range words {
		if slices.Contains(commandWords, w) || w == "pack" && i > 0 && (words[i-1] == "upload" || words[i-1] == "receive") {
			return true
		}
	}
	return false
}

// nameSet reports whether an argument or environment entry that starts
// with lead sets a variable it names: NAME=.
func nameSet(lead string) bool {
	name, _, set := strings.Cut(lead, "=")
	return set && name != ""
}

// endsOptions reports whether an argument marks the end of the options:
// "--", or "--end-of-options", which git and other tools accept where "--"
// means something else (git diff --end-of-options REV -- PATH).
func endsOptions(arg string) bool {
	return arg == "--" || arg == "--end-of-options"
}

// report builds the finding's message.
func report(s *dataflow.Site, what string, v dataflow.Value, fix, category string) dataflow.Decision {
	var b strings.Builder
	b.WriteString(what)
	if s.Via != "" {
		b.WriteString(" that " + s.ViaText() + " passes to " + s.Callee)
		if s.Where != "" {
			b.WriteString(" (" + s.Where + ")")
		}
	} else {
		b.WriteString(" passed to " + s.Callee)
	}
	plural := strings.HasPrefix(what, "arguments")
	switch {
	case v.Origin == dataflow.External && plural:
		b.WriteString(" come from external input")
	case v.Origin == dataflow.External:
		b.WriteString(" comes from external input")
	case plural:
		b.WriteString(" are built from non-constant text")
	default:
		b.WriteString(" is built from non-constant text")
	}
	if v.Culprit != "" {
		b.WriteString(" (" + v.Culprit + ")")
	}
	b.WriteString("; " + fix)
	return dataflow.Decision{Message: b.String(), Category: category}
}

func programName(v dataflow.Value) string {
	if c, ok := v.Const(); ok {
		return base(c)
	}
	return ""
}

// DepBodies is the rule's analysisutil.DepBodies for a, an analyzer made
// by New: the dependencies that can reach os/exec or go-micro's runtime,
// or all of them once -sinks names extra sinks. syscall and os are left
// out, as nearly every package imports them: a dependency outside the
// user's modules that starts processes only through syscall.Exec,
// ForkExec or os.StartProcess is not followed.
func DepBodies(a *analysis.Analyzer) analysisutil.DepBodies {
	return dataflow.DepBodies(a, func(path string) bool {
		if path == "os/exec" {
			return true
		}
		m, rel, ok := gomicro.Split(path)
		return ok && rel == "runtime" && m.Version <= 4
	})
}

// Idle is the rule's analyzers.Rule.Idle for a, an analyzer made by New:
// whether a package holds no call that can start a process.
func Idle(a *analysis.Analyzer) func(*analysis.Pass) bool {
	return func(pass *analysis.Pass) bool {
		extra := dataflow.FlagNames(a, "sinks")
		return dataflow.Idle(func(obj types.Object) bool { return kindOf(obj, extra) != "" }, dataflow.MemoFor(a))(pass)
	}
}
