package cmdinjection

import (
	"slices"
	"strings"

	"github.com/microsec-lint/microsec-lint/internal/dataflow"
)

// shell says where a shell's script is among its arguments.
type shell struct {
	name    string // as messages show it: "sh -c", "cmd /C"
	script  int    // index of the script (or script file) in argv, or -1
	more    []int  // indices of more program text run after it (perl -e A -e B)
	rest    bool   // the script is every argument from script on
	unknown int    // index from which the arguments are not known, or -1
	code    bool   // an interpreter's program (python3 -c), not a shell's
	stdin   bool   // the script is read from standard input (sh, bash -s)
	before  int    // arguments of a runner before the shell (sudo -u x sh)
	advice  string // what to do instead, when not the shells' advice
}

// runners run a program named among their arguments, with the arguments
// after it: sudo sh -c SCRIPT, timeout 5 sh -c SCRIPT, docker exec web sh
// -c SCRIPT, kubectl exec pod -- sh -c SCRIPT.
var runners = map[string]bool{
	"sudo": true, "doas": true, "env": true, "timeout": true, "nice": true, "nohup": true,
	"stdbuf": true, "ionice": true, "setsid": true, "chrt": true, "taskset": true, "time": true,
	"xargs": true, "flock": true, "chroot": true, "nsenter": true, "unshare": true,
	"docker": true, "podman": true, "nerdctl": true, "docker-compose": true, "kubectl": true, "oc": true,
}

// interpreters take a program's text after a flag: python3 -c CODE. They
// are named without a version (see interpreterFlags).
var interpreters = map[string][]string{
	"python": {"-c"}, "pypy": {"-c"},
	"perl": {"-e", "-E"}, "ruby": {"-e"}, "node": {"-e", "--eval", "-p", "--print"},
	"nodejs": {"-e", "--eval", "-p", "--print"}, "php": {"-r"}, "lua": {"-e"},
}

// interpreterValues are, for interpreters, the options before the
// program text that take the next argument as their value: python3 -W
// ignore -c CODE.
var interpreterValues = map[string][]string{
	"python": {"-W", "-X", "-Q"}, "pypy": {"-W", "-X"},
	"ruby": {"-r", "-I", "-C", "-E", "--encoding"}, "perl": {"-I", "-M", "-m"},
	"node": {"-r", "--require", "--import", "--loader", "--experimental-loader", "-C", "--conditions"},
	"php":  {"-c", "-d", "-z"}, "lua": {"-l"},
}

// multiCode are the interpreters that run the text of every code flag
// given, in order: perl -e A -e B.
var multiCode = map[string]bool{"perl": true, "ruby": true}

// interpreterBase returns the name under which interpreters and
// interpreterValues know the interpreter b: python for python3.11.
func interpreterBase(b string) string {
	if interpreters[b] != nil {
		return b
	}
	return strings.TrimRight(b, "0123456789.")
}

// interpreterFlags returns the flags that take program text of the
// interpreter named b (a base name), also when b carries a version:
// python3, python3.11, ruby3.2, perl5.36, node18.
func interpreterFlags(b string) []string {
	if f := interpreters[b]; f != nil {
		return f
	}
	return interpreters[strings.TrimRight(b, "0123456789.")]
}

// sshAdvice is the advice for ssh's remote command: ssh joins its
// arguments into one line that the remote shell parses, so neither "--"
// nor separate arguments keep a value whole.
const sshAdvice = "quote each value for the remote shell, which parses the arguments joined into one line, or send values on standard input"

// sshValueFlags are the options of ssh that take a value.
const sshValueFlags = "BbcDEeFIiJLlmOopQRSWw"

// posixShells are shells that take a script with -c.
var posixShells = map[string]bool{
	"sh": true, "bash": true, "zsh": true, "dash": true, "ksh": true, "mksh": true,
	"ash": true, "fish": true, "csh": true, "tcsh": true, "rbash": true,
}

// base returns the program name of a path, for Unix and Windows paths,
// without a Windows ".exe" and in lower case.
func base(p string) string {
	b := p[strings.LastIndexAny(p, `/\`)+1:]
	return strings.TrimSuffix(strings.ToLower(b), ".exe")
}

// shellOf returns where the script is if prog is a shell, nil otherwise.
func shellOf(prog string, argv []dataflow.Value) *shell {
	b := base(prog)
	start := 0
	prefix := ""
	if b == "busybox" || b == "toybox" {
		if len(argv) == 0 {
			return nil
		}
		c, ok := argv[0].Const()
		if !ok {
			return nil
		}
		prefix, b, start = b+" ", base(c), 1
	}
	switch {
	case posixShells[b]:
		return posixScript(prefix+b, argv, start)
	case b == "flock":
		// flock LOCK PROGRAM ARGS, or flock LOCK -c SCRIPT.
		if sh := runnerScript(b, argv, start); sh != nil {
			return sh
		}
		return flagScript(b+" -c", argv, start, commandFlag("wE"))
	case b == "script":
		return flagScript(b+" -c", argv, start, commandFlag("BIOTtmEo"))
	case runners[b] || b == "ip":
		return runnerScript(b, argv, start)
	case b == "runuser" && runsProgram(argv, start):
		// runuser -u USER [--] PROGRAM ARGS.
		return runnerScript(b, argv, start)
	case b == "su" || b == "runuser":
		// su runs the command of -c with the user's shell.
		return flagScript(b+" -c", argv, start, commandFlag("gGswC"))
	case b == "ssh":
		return sshScript(argv, start)
	case interpreterFlags(b) != nil:
		return interpreterScript(b, argv, start)
	case b == "cmd":
		return flagScript(b+" /C", argv, start, func(c string) (bool, bool) {
			c = strings.ToLower(c)
			return c == "/c" || c == "/k" || c == "/r", true
		})
	case b == "powershell" || b == "pwsh":
		return flagScript(b+" -Command", argv, start, func(c string) (bool, bool) {
			c = strings.ToLower(c)
			switch {
			case len(c) >= 2 && strings.HasPrefix("-command", c):
				return true, true
			case c == "-encodedcommand" || c == "-e" || c == "-ec" || c == "-enc" || c == "-file" || c == "-f":
				return true, false
			}
			return false, false
		})
	}
	return nil
}

// commandFlag returns flagScript's isFlag for programs that run the
// script of -c or --command with a shell (su, flock, script): -c also
// bundled after other one-letter options (script -qc), unless one of them
// is among valued, the options that take a value (script -Tc FILE gives
// -T the value c).
func commandFlag(valued string) func(string) (bool, bool) {
	return func(c string) (bool, bool) {
		if c == "-c" || c == "--command" {
			return true, false
		}
		if !isOptionCluster(c) || c[len(c)-1] != 'c' {
			return false, false
		}
		return !strings.ContainsAny(c[1:len(c)-1], valued+"c"), false
	}
}

// runsProgram reports whether runuser, given argv from start on, runs a
// program of its own (runuser -u USER PROGRAM) rather than a command with
// the user's shell (runuser -l USER -c COMMAND).
func runsProgram(argv []dataflow.Value, start int) bool {
	for _, a := range argv[start:] {
		c, ok := a.Const()
		if !ok || c == "--" {
			return false
		}
		if c == "-u" || c == "--user" || strings.HasPrefix(c, "--user=") {
			return true
		}
	}
	return false
}

// posixScript finds the script of sh-like shells: the operand after an
// option cluster holding c ("-c", "-ec", "-lc"), or else the first operand,
// a script file, or else, with no operand or after an option cluster
// holding s (bash -s -- ARG), standard input, the operands being the
// script's positional parameters.
func posixScript(name string, argv []dataflow.Value, start int) *shell {
	fromStdin := false // -s
	for i := start; i < len(argv); i++ {
		if argv[i].Spread {
			return &shell{name: name + " -c", script: -1, unknown: i}
		}
		c, ok := argv[i].Const()
		if !ok {
			if fromStdin {
				break
			}
			return &shell{name: name, script: i, unknown: -1}
		}
		switch {
		case c == "-o" || c == "+o" || c == "-O" || c == "+O":
			i++ // the option's name
		case isDashC(c):
			return scriptAfterC(name+" -c", argv, i+1)
		case isCluster(c) && strings.ContainsRune(c, 's'):
			fromStdin = true
		case strings.HasPrefix(c, "-") || strings.HasPrefix(c, "+"):
		case fromStdin:
			i = len(argv) // a positional parameter
		case isStdinPath(c):
			return &shell{name: name, script: -1, unknown: -1, stdin: true}
		default:
			return &shell{name: name, script: i, unknown: -1} // a constant script file
		}
	}
	return &shell{name: name, script: -1, unknown: -1, stdin: true}
}

// scriptAfterC finds the script of sh -c in argv from i on: the first
// operand after the options, which the shell reads whether they come
// before or after -c (sh -c -e SCRIPT), and after "--" or "-", which end
// them (sh -c -- SCRIPT runs SCRIPT).
func scriptAfterC(name string, argv []dataflow.Value, i int) *shell {
	for ; i < len(argv); i++ {
		if argv[i].Spread {
			return &shell{name: name, script: -1, unknown: i}
		}
		c, ok := argv[i].Const()
		if !ok {
			return &shell{name: name, script: i, unknown: -1}
		}
		switch {
		case c == "--" || c == "-":
			if i+1 >= len(argv) {
				return nil
			}
			if argv[i+1].Spread {
				return &shell{name: name, script: -1, unknown: i + 1}
			}
			return &shell{name: name, script: i + 1, unknown: -1}
		case c == "-o" || c == "+o" || c == "-O" || c == "+O":
			i++ // the option's name
		case len(c) > 1 && (c[0] == '-' || c[0] == '+'):
		default:
			return &shell{name: name, script: i, unknown: -1}
		}
	}
	return nil
}

// isDashC reports whether c is an option cluster of a shell holding c:
// "-c", "-ec", "-lc".
func isDashC(c string) bool {
	return isCluster(c) && strings.ContainsRune(c, 'c')
}

// isCluster reports whether c is a cluster of a shell's one-letter
// lower-case options: "-e", "-lc".
func isCluster(c string) bool {
	if len(c) < 2 || c[0] != '-' || c[1] == '-' {
		return false
	}
	for _, r := range c[1:] {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// flagScript finds the script after the flag that introduces it, for cmd
// and PowerShell; isFlag reports whether a constant argument is that flag
// and whether the script is everything after it.
func flagScript(name string, argv []dataflow.Value, start int, isFlag func(string) (bool, bool)) *shell {
	for i := start; i < len(argv); i++ {
		if argv[i].Spread {
			return &shell{name: name, script: -1, unknown: i}
		}
		c, ok := argv[i].Const()
		if !ok {
			continue
		}
		if yes, rest := isFlag(c); yes {
			if i+1 >= len(argv) {
				return nil
			}
			if argv[i+1].Spread {
				return &shell{name: name, script: -1, unknown: i + 1}
			}
			return &shell{name: name, script: i + 1, rest: rest, unknown: -1}
		}
	}
	return nil
}

// runnerScript finds a shell that a program running another starts:
// after sudo's or env's options (env's NAME=value too), after docker's or
// podman's exec or run with its options and container, after kubectl's
// "--". The first constant argument there that names a shell or an
// interpreter is taken as the program run; docker's --entrypoint, which
// moves the program before the image, is not followed.
func runnerScript(runner string, argv []dataflow.Value, start int) *shell {
	from := start
	switch runner {
	case "docker", "podman", "nerdctl", "docker-compose":
		from = containerRun(runner, argv, start)
		if from < 0 {
			return nil
		}
	case "ip":
		from = ipNetnsExec(argv, start)
		if from < 0 {
			return nil
		}
	case "kubectl", "oc":
		from = -1
		for j := start; j < len(argv); j++ {
			if c, ok := argv[j].Const(); ok && c == "--" {
				from = j + 1
				break
			}
		}
		if from < 0 {
			return nil
		}
	}
	for j := from; j < len(argv); j++ {
		if argv[j].Spread {
			return nil
		}
		c, ok := argv[j].Const()
		if !ok {
			continue
		}
		if c == "--entrypoint" || strings.HasPrefix(c, "--entrypoint=") {
			return nil
		}
		if strings.Contains(c, "=") {
			continue // env's NAME=value, an option's value
		}
		b := base(c)
		if !runsCode(b) {
			if (runner == "kubectl" || runner == "oc" || runner == "ip") && j == from {
				return nil // the command after "--" or the namespace is no shell
			}
			continue
		}
		inner := shellOf(c, argv[j+1:])
		if inner == nil || inner.stdin && !passesStdin(runner, argv[start:j]) {
			return nil
		}
		out := *inner
		out.name = runner + " " + inner.name
		out.before = j + 1 + inner.before
		if out.script >= 0 {
			out.script += j + 1
		}
		out.more = nil
		for _, m := range inner.more {
			out.more = append(out.more, m+j+1)
		}
		if out.unknown >= 0 {
			out.unknown += j + 1
		}
		return &out
	}
	return nil
}

// ipValueOptions are the options of ip, before its object, that take the
// next argument as their value.
var ipValueOptions = []string{"-n", "-netns", "-f", "-family", "-b", "-batch", "-rc", "-rcvbuf"}

// ipNetnsExec returns the index in argv of the program that ip netns exec
// runs, after ip's options: after the namespace's name, or right after
// exec with -all, which runs it in every namespace; or -1 if ip is given
// another command.
func ipNetnsExec(argv []dataflow.Value, start int) int {
	i, all := start, false
	for ; i < len(argv); i++ {
		c, ok := argv[i].Const()
		if !ok || !strings.HasPrefix(c, "-") {
			break
		}
		switch {
		case len(c) >= 2 && strings.HasPrefix("-all", c):
			all = true // ip reads any prefix of an option: -a, -al
		case slices.Contains(ipValueOptions, c):
			i++
		}
	}
	if len(argv) < i+2 {
		return -1
	}
	netns, _ := argv[i].Const()
	sub, _ := argv[i+1].Const()
	if netns != "netns" || sub != "exec" {
		return -1
	}
	if all {
		return i + 2
	}
	return i + 3
}

// composeValueOptions are the options of docker compose, before its
// command, that take the next argument as their value.
var composeValueOptions = []string{
	"-f", "--file", "-p", "--project-name", "--profile", "--env-file",
	"--project-directory", "--ansi", "--progress", "--parallel",
}

// globalValueOptions are the options of docker, podman and nerdctl,
// before their command, that take the next argument as their value.
var globalValueOptions = []string{
	"-c", "--context", "-H", "--host", "--config", "-l", "--log-level",
	"--tlscacert", "--tlscert", "--tlskey", "--url", "--connection",
	"--identity", "--root", "--runroot", "-n", "--namespace", "--address", "-a",
}

// skipOptions returns the index in argv of the first argument, from i on,
// that is not a constant option, passing over the value that follows each
// option of valued.
func skipOptions(argv []dataflow.Value, i int, valued []string) int {
	for i < len(argv) {
		c, ok := argv[i].Const()
		if !ok || !strings.HasPrefix(c, "-") {
			break
		}
		i++
		if slices.Contains(valued, c) {
			i++
		}
	}
	return i
}

// containerRun returns the index in argv, from start on, of the first
// argument after a container runner's exec or run (docker exec, docker
// container exec, docker compose [-f FILE] run, docker-compose exec), or
// -1 if the runner is given another command.
func containerRun(runner string, argv []dataflow.Value, start int) int {
	i := start
	compose := runner == "docker-compose"
	if !compose {
		// The runner's global options: docker --context x exec.
		i = skipOptions(argv, i, globalValueOptions)
	}
	if !compose && i < len(argv) {
		switch c, _ := argv[i].Const(); c {
		case "container":
			i++
		case "compose":
			compose = true
			i++
		}
	}
	if compose {
		i = skipOptions(argv, i, composeValueOptions)
	}
	if i >= len(argv) {
		return -1
	}
	if sub, ok := argv[i].Const(); !ok || sub != "exec" && sub != "run" {
		return -1
	}
	return i + 1
}

// passesStdin reports whether a runner given the arguments args before
// the program it runs gives that program its own standard input: xargs
// reads its input as arguments, and docker, podman and kubectl exec or run
// attach it only with -i (--interactive, kubectl's --stdin).
func passesStdin(runner string, args []dataflow.Value) bool {
	switch runner {
	case "xargs":
		return false
	case "docker", "podman", "nerdctl", "docker-compose", "kubectl", "oc":
		for _, a := range args {
			c, ok := a.Const()
			if ok && (c == "--interactive" || c == "--stdin" || isOptionCluster(c) && strings.ContainsRune(c, 'i')) {
				return true
			}
		}
		return false
	}
	return true
}

// isOptionCluster reports whether c is a cluster of one-letter options of
// either case: "-it", "-i".
func isOptionCluster(c string) bool {
	if len(c) < 2 || c[0] != '-' || c[1] == '-' {
		return false
	}
	for _, r := range c[1:] {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') {
			return false
		}
	}
	return true
}

// runsCode reports whether the program named b (a base name) is one
// shellOf knows to run text it is given: a shell, an interpreter, ssh, or
// a program that runs another.
func runsCode(b string) bool {
	switch b {
	case "su", "runuser", "ssh", "cmd", "powershell", "pwsh", "busybox", "toybox", "script", "ip":
		return true
	}
	return posixShells[b] || runners[b] || interpreterFlags(b) != nil
}

// interpreterScript finds the program text an interpreter runs: the
// argument after its flag (python3 -c CODE), when the flag comes before
// any script file (python3 train.py -c cfg passes -c to the script), or
// standard input, with no script file or the file "-" (python3 - ARG).
func interpreterScript(name string, argv []dataflow.Value, start int) *shell {
	flags := interpreterFlags(name)
	valued := interpreterValues[interpreterBase(name)]
	for i := start; i < len(argv); i++ {
		if argv[i].Spread {
			return nil
		}
		c, ok := argv[i].Const()
		if f := gluedCode(flags, argv[i].Lead()); f != "" && (!ok || c != f) {
			// The text glued to its flag: -cCODE, --eval=CODE.
			return &shell{name: name + " " + f, script: i, unknown: -1, code: true}
		}
		if !ok {
			return nil // a script file not known, or its arguments
		}
		if slices.Contains(flags, c) || codeCluster(flags, c) {
			if i+1 >= len(argv) {
				return nil
			}
			if argv[i+1].Spread {
				return &shell{name: name + " " + c, script: -1, unknown: i + 1, code: true}
			}
			sh := &shell{name: name + " " + c, script: i + 1, unknown: -1, code: true}
			if multiCode[interpreterBase(name)] {
				sh.more = moreCode(flags, valued, argv, i+2)
			}
			return sh
		}
		if slices.Contains(valued, c) {
			i++ // the option's value
			continue
		}
		if c == "-" || isStdinPath(c) {
			break
		}
		if !strings.HasPrefix(c, "-") {
			return nil // a script file: what follows is its arguments
		}
	}
	return &shell{name: name, script: -1, unknown: -1, code: true, stdin: true}
}

// moreCode returns the indices in argv, from i on, of the program text of
// further code flags, up to the first operand (a file or an argument of
// the program) or "--".
func moreCode(flags, valued []string, argv []dataflow.Value, i int) []int {
	var out []int
	for ; i < len(argv); i++ {
		c, ok := argv[i].Const()
		if !ok || argv[i].Spread || c == "--" || !strings.HasPrefix(c, "-") || c == "-" {
			break
		}
		if slices.Contains(flags, c) || codeCluster(flags, c) {
			if i+1 < len(argv) && !argv[i+1].Spread {
				out = append(out, i+1)
			}
			i++
		} else if slices.Contains(valued, c) {
			i++
		}
	}
	return out
}

// remoteStdinShell returns, for a remote command of ssh made only of
// constants, the shell it runs when that shell reads its script from
// standard input (ssh HOST bash -s), or nil.
func remoteStdinShell(cmd []dataflow.Value) *shell {
	var words []string
	for _, a := range cmd {
		c, ok := a.Const()
		if !ok || a.Spread {
			return nil
		}
		words = append(words, strings.Fields(c)...)
	}
	if len(words) == 0 {
		return nil
	}
	var argv []dataflow.Value
	for _, w := range words[1:] {
		argv = append(argv, dataflow.Value{Consts: []string{w}, Finite: true})
	}
	inner := shellOf(words[0], argv)
	if inner == nil || !inner.stdin {
		return nil
	}
	return &shell{name: "ssh " + inner.name, script: -1, unknown: -1, code: inner.code, stdin: true}
}

// isStdinPath reports whether a script file p is the standard input.
func isStdinPath(p string) bool {
	switch p {
	case "/dev/stdin", "/dev/fd/0", "/proc/self/fd/0":
		return true
	}
	return false
}

// gluedCode returns the flag of flags that an argument starting with lead
// glues program text to (python3 -cCODE, node --eval=CODE), or "".
func gluedCode(flags []string, lead string) string {
	for _, f := range flags {
		if strings.HasPrefix(f, "--") {
			if strings.HasPrefix(lead, f+"=") {
				return f
			}
		} else if strings.HasPrefix(lead, f) {
			return f
		}
	}
	return ""
}

// codeCluster reports whether c is a cluster of one-letter options ending
// with one of flags that takes program text: perl -pe, -lne.
func codeCluster(flags []string, c string) bool {
	if !isOptionCluster(c) || len(c) < 3 {
		return false
	}
	return slices.Contains(flags, "-"+c[len(c)-1:])
}

// sshScript finds the remote command of ssh: every argument after the
// destination, which the remote shell runs as one script.
func sshScript(argv []dataflow.Value, start int) *shell {
	noStdin := false // -n, -N or -f: nothing read from standard input
	for i := start; i < len(argv); i++ {
		if argv[i].Spread {
			return nil
		}
		c, ok := argv[i].Const()
		if ok && strings.HasPrefix(c, "-") && len(c) >= 2 {
			if c == "--" {
				continue
			}
			if len(c) == 2 && strings.ContainsRune(sshValueFlags, rune(c[1])) {
				i++
			}
			if isOptionCluster(c) && strings.ContainsAny(c, "nNf") {
				noStdin = true
			}
			continue
		}
		// The destination; the command follows.
		if i+1 >= len(argv) {
			if noStdin {
				return nil
			}
			// The remote login shell reads its commands from standard
			// input.
			return &shell{name: "ssh", script: -1, unknown: -1, stdin: true, before: i + 1}
		}
		if sh := remoteStdinShell(argv[i+1:]); sh != nil && !noStdin {
			sh.before = i + 1
			return sh
		}
		// The options and the destination are ssh's own arguments.
		for k := i + 1; k < len(argv); k++ {
			if argv[k].Spread {
				return &shell{name: "ssh", script: -1, unknown: k, advice: sshAdvice, before: i + 1}
			}
		}
		return &shell{name: "ssh", script: i + 1, rest: true, unknown: -1, advice: sshAdvice, before: i + 1}
	}
	return nil
}
