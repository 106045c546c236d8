// Package cmdinjection defines an Analyzer that reports commands built from
// non-constant text.
//
// # Analyzer cmdinjection
//
// cmdinjection: report commands and shell scripts built from non-constant text
//
// A program that runs a command assembled from values it does not control
// lets those values choose what runs: OS command injection (CWE-78), or,
// when only the arguments are affected, argument injection (CWE-88). The
// rule follows the program name and arguments of every call to
// os/exec.Command and CommandContext, syscall.Exec, ForkExec and
// StartProcess, os.StartProcess, and go-micro's runtime.WithCommand and
// runtime.WithArgs (v1 to v4, whose local runtime runs them) back to where
// they were built, through local variables, formatting, slices, helper
// functions and other packages. It reports:
//
//   - a shell (sh, bash, zsh, dash, ksh, ash, fish, busybox sh, cmd /C,
//     powershell or pwsh -Command, su, flock and script -c, also bundled
//     after other options (script -qc), named by base name or path; sh's
//     options -o and -O with their value skipped) given a script that is
//     not constant, also when another program runs it (sudo, env, timeout,
//     nice, flock, runuser -u and others after their options, ip netns exec
//     after the namespace, or right after exec with -all, docker and podman
//     exec or run after their global options (--context, -H) and the
//     container or image, also as docker container exec, docker compose exec
//     or run and docker-compose, kubectl exec after "--": sudo sh -c SCRIPT;
//     docker's --entrypoint is not followed), and ssh given a remote command
//     that is not constant (ssh joins its arguments into one line for the
//     remote shell, so "--" does not help there);
//   - an interpreter given program text that is not constant (python3 -c,
//     perl and ruby -e, node -e or --eval, php -r, lua -e, the flag
//     before any script file, after options that take a value (python3
//     -W ignore -c), bundled with others (perl -pe, -lne) or glued to the
//     text (python3 -cCODE, node --eval=CODE), every -e of perl and ruby;
//     named with or without a version: python3.11, ruby3.2, nodejs);
//   - a shell or interpreter that reads its script from standard input
//     (sh or python3 with no script, bash -s, python3 -, sh /dev/stdin,
//     also through sudo and the like, docker exec -i, or ssh, whose remote
//     login shell reads it with no command, as does ssh HOST bash -s)
//     given a Stdin of text that is
//     not constant: cmd.Stdin = strings.NewReader("ls " + dir), or
//     bytes.NewBufferString, bytes.NewReader or bytes.NewBuffer;
//   - a program name (or a go-micro runtime command) that is not constant,
//     not chosen from constants and not the running program's own path
//     (os.Executable, as a program that runs itself again uses, or a
//     path built from it: filepath.Join(filepath.Dir(self), "helper");
//     os.Args[0], which whoever starts the program sets, is external
//     input);
//   - other arguments, at warning level, only when they come from external
//     input (a go-micro handler request, a subscriber message, the
//     caller's go-micro metadata (metadata.FromContext, metadata.Get), an
//     HTTP request, the environment, a flag, os.Args) and no constant "--" or
//     "--end-of-options" comes before them. git and other tools read
//     "--end-of-options" as the end of the options where "--" would mean
//     something else: git diff --end-of-options REV -- PATH.
//
// Wrong:
//
//	out, err := exec.Command("sh", "-c", "grep "+req.Pattern+" /var/log/app.log").Output()
//
// Right: run the program without a shell, with the value as one argument
// after "--":
//
//	out, err := exec.Command("grep", "--", req.Pattern, "/var/log/app.log").Output()
//
// A value that every path to the command checks against an allow list
// (a comparison with a constant, a switch whose other cases return, an
// unexported package map of constant keys, slices.Contains of a constant
// list not held in an exported package variable, a whole-text regexp
// match of letters, digits and underscores) is safe, as in sqlconcat,
// and so is text whose pieces, split at a constant separator of letters,
// digits and ", .:/+_@=" not starting with "-", a loop checks so (for _, p := range strings.Split(v, ",") {
// if !allowed[p] { return } }), as in sqlconcat: it starts with an
// allowed piece or the separator. An
// argument that every path to the command rejects when it starts with "-"
// (strings.HasPrefix(v, "-"), v[0] == '-'; a path on which v is empty,
// as after len(v) > 0 or v != "" fails, counts as checked: an empty
// argument is no option), or accepts only when it starts with constant
// text other than "-" (if !strings.HasPrefix(v, "https://") { return }),
// is safe as an argument, not in
// a script, when the check is made where the command is run (also for a
// handler registered in another package than its own), or in a caller of a
// function that passes its parameter on as the command's arguments
// (git(args ...string) running exec.Command("git", args...)); a caller's
// check does not count for a parameter the function puts in a list of its
// own or changes (strings.Fields), which the rule cannot tell apart.
// A value replaced when it fails a check counts as checked where the
// replacement is constant text, or, for the check of a leading "-", text
// that starts with constant text holding no "=" and not starting with "-"
// (if strings.HasPrefix(f, "-") { f = "./" + f }); constant text does not
// include a package variable that is exported or set outside its
// initialiser. The check of a leading "-" and its replacement count only
// for the checked text itself and text that starts with it (f + ".bak"),
// not for text made from it otherwise (f[1:], strings.TrimSpace(f)),
// which may start with "-" again; a value used both ways in one command
// is reported.
// Either check may be made by a function, of this package or another (a
// validator kept in a package of its own, validate.Ref(ref), or a method
// of a validator type), whose only result, a bool or an error, is true or
// nil only after the check of its parameter, not changed before it (if
// !validHost(h) { return }); not by one with a true or nil return the
// check does not guard, one whose result may be true for another reason,
// one that checks another parameter than the one the caller passes, or
// one that rejects only "--" or a substring. Either check made on a field
// (req.Host) counts for the same field of
// the same variable read later, unless something may have written it in
// between, as in sqlconcat: read or checked through a generated protobuf
// getter (req.GetHost()), as a field of a nested message
// (req.Options.Ref, req.GetOptions().GetRef()), or replaced by a
// constant written into the field itself when the check fails (if
// strings.HasPrefix(req.Host, "-") { req.Host = "localhost" }). A text
// getter of another package without a fact (a generated package the
// command does not analyse) is not taken for its field, and a constant
// written through another pointer, or as part of a new nested message,
// is no fallback; nor is checked text stored into a field (if ok {
// req.Host = h }).
//
// An argument that starts with constant text other than "-" and other
// than a setting ("refs/heads/"+branch, a URL), or with a long option whose
// value is data and its "=" ("--branch="+branch, fmt.Sprintf("--branch=%s",
// branch); also --depth, --tag, --format, --pretty, --since, --until,
// --author, --message, --name, --version, --ref, --commit, --date, --sort,
// --limit and a few more), is safe too: the value glued there cannot
// become another option. So is the argument right after grep's -e or
// --regexp (egrep and fgrep too), which is the pattern whatever it starts
// with. Other programs' options are not known, so a value passed as an
// argument of its own after an option, or glued to another option or to
// a setting (user.name=, GIT_DIR=), is reported: write git clone
// --branch=BRANCH, not --branch BRANCH.
//
// Some options and settings take a command, which the program runs or
// loads: git's --upload-pack=, --exec= and -c core.sshCommand=,
// core.pager=, core.gitProxy=, credential.helper=, diff.external= or
// alias.NAME=; rsync's --rsh=; tar's --to-command=, --info-script= and
// --checkpoint-action=exec=; ssh's -o ProxyCommand=; go's -toolexec=;
// env's LD_PRELOAD=, GIT_SSH=, BASH_ENV=, PATH= or NODE_OPTIONS=, also
// when set through the Cmd's Env (cmd.Env = append(os.Environ(),
// "GIT_SSH_COMMAND="+v)). A value glued there is reported as an error when
// it is not constant, whatever it starts with; a search path (PATH=,
// PYTHONPATH=, LD_LIBRARY_PATH= and the like) set in the Cmd's Env only
// from the program's own environment and directories (os.Getenv,
// os.LookupEnv, os.UserHomeDir, joined with + or filepath.Join) and
// constants is not, as it gives the child nothing it did not inherit. An
// environment entry whose name comes from external input, in the Cmd's
// Env (append(os.Environ(), k+"="+v)) or as
// an argument of env before its program (env K=V prog), is reported as
// an error too: the name can be LD_PRELOAD or GIT_SSH_COMMAND. The rule knows them by words of their names (command, exec,
// rsh, program, pager, editor, helper, hook, shell, proxy, script,
// external, alias, entrypoint and a few more) and by a list of environment
// variables, so an option named so that does not run its value is reported
// too, and one named otherwise (rsync's --rsync-path=) only as an argument.
//
// A script that reads its values as positional parameters is not
// reported: exec.Command("sh", "-c", `grep -- "$1" /var/log/app.log`, "sh",
// req.Pattern).
//
// A wrapper such as
//
//	func run(name string, args ...string) error { return exec.Command(name, args...).Run() }
//
// is not reported itself: each call of it is judged with the program and
// arguments the caller passes, in the same package or in any package that
// imports it, and the message names the wrapper and where its sink is.
//
// Flags:
//
//	-cmdinjection.sinks=LIST       extra sinks shaped like exec.Command (a
//	                               program name, then its arguments, variadic
//	                               or a slice), comma-separated:
//	                               "import/path.Func" or "(import/path.Type).Method"
//	-cmdinjection.sanitizers=LIST  extra functions whose result is safe in a
//	                               command, such as shell quoting, in the same form
//
// # Limitations
//
// The rule deliberately does not report:
//
//   - a command a function literal builds from a captured parameter and
//     stores in a variable of the function around it, which then runs it.
//     A command the literal runs itself is judged where the literal is
//     made, as if it ran there, with what the function around it
//     captures (a handler's request, or its own parameters, for its
//     callers to judge); allow-list checks made before the literal, or
//     inside it, count as they do elsewhere, except that a call between
//     the check and the literal, or between the check and the command
//     inside it, voids a check of a captured variable, unless it is a
//     call of a standard library function of fmt, log, strings, strconv
//     and the like given only basic values. A check that a
//     captured value does not start with "-" made before the literal does
//     not count for the command's arguments inside it, which are reported;
//   - at the registration of a handler declared in another package, which
//     reports each command the request reaches apart, a command more than
//     seven calls down whose operands are those of another command of the
//     handler;
//   - arguments that are not constant but do not come from external input
//     (a value read from a file or a database is trusted);
//   - an argument taken from the loop variable of a range over a function
//     other than the standard library's iterators (strings.SplitSeq,
//     slices.All and the like), such as for _, d := range each(req.Dirs)
//     with an iterator of your own: what the iterator yields is not
//     followed into it, and the variable counts as non-constant, not
//     external input (a shell script or program name so made is still
//     reported, as non-constant text);
//   - program names made only of digits and constants;
//   - a number formatted from a signed integer that comes from external
//     input (strconv.Itoa(int(req.PID)), fmt.Sprint(n) of strconv.Atoi's
//     result), which may start with "-" (kill -1): formatted numbers are
//     taken as safe arguments;
//   - a shell whose name is not constant text the analysis can read (for
//     instance one found in a configuration file), whose script is then
//     judged as an argument;
//   - exec.Cmd values built as struct literals or changed after
//     exec.Command returns (cmd.Path, cmd.Args), except for the Stdin and
//     Env set on the value exec.Command returned, in the function that
//     calls it (Stdin to a reader of text made in memory, Env to a list
//     or an append to one); a Stdin or Env set through another variable
//     or function, or a reader filled otherwise (a pipe, a file), is not
//     followed;
//   - commands passed through an interface method whose implementations are
//     in packages the calling package does not import, or through function
//     values other than closures called where they are made; an
//     implementation in an imported package counts only when the
//     interface called through, or the one declaring the method, is
//     declared in the calling package, or its package is the
//     implementation's, imports it or is imported by it (as far as the
//     compiled form tells), so a type that has an interface's methods
//     without either package knowing the other is not followed (an
//     io.Writer whose Write runs a shell, a repository interface in one
//     package implemented in another that does not import it, the two
//     wired together in main);
//   - a command reached through functions that call each other (directly,
//     or through an interface method) in a cycle that two rounds of
//     summaries do not close: a function summarised while another it
//     reaches was still in progress is summarised once more, with that
//     one's first summary, but not again, so in longer cycles which
//     sinks a caller sees can depend on the order the functions are
//     declared in;
//   - a command built through more than about 10,000 steps in a row
//     (appends to a string, branches that each may change it, helpers
//     each passing it to the next, functions that call each other): past
//     that depth, which guards the analysis's own stack, the rest is
//     given the benefit of the doubt, so input read at the far end of so
//     long a chain is not reported;
//   - calls through a type parameter's method in a generic function
//     (PT(&t).Exec(q), with PT constrained by interface{ *T; Exec(string) }):
//     a generic body is analysed once, not for each instantiation, so
//     the method the instantiation written at the call would run is
//     not known, and the call is not followed;
//   - the request of a handler whose request parameter has a type
//     parameter's type (func (h *Git[R]) Clone(ctx, req R, rsp *Rsp)):
//     it is read only through the constraint's methods, whose results
//     count as non-constant text, not external input;
//   - go-micro v5 and later, which have no runtime package, and go-micro's
//     own CLI (cmd/micro), whose commands applications do not call;
//   - a dependency outside your modules that starts processes only through
//     syscall.Exec, syscall.ForkExec or os.StartProcess, not os/exec;
//   - a command given to an option as an argument of its own (git clone
//     --upload-pack V, rsync -e V, tar -I V, find -exec V, xargs V) or to
//     a runner (sudo V, timeout 5 V, watch V) once V is checked not to
//     start with "-": it is judged as an argument, not as a command;
//   - a setting after a constant "--" (env -- LD_PRELOAD=V), which env
//     still reads: the arguments after "--" are not judged;
//   - a field checked and then changed before the command by a call not
//     given a value that may hold its struct's pointer, through a pointer
//     the caller kept before the handler ran, or by another goroutine:
//     the check still counts. A write anywhere between the check's reading
//     and its branch, a call given the pointer or any value of the
//     function made from it (an interface, a call's result, a local list),
//     and any call once the pointer is stored where other code finds it,
//     void the check; a method call on it does not when its body (in the
//     package) stores and calls nothing, or when it is String or GetF of a
//     generated protobuf message of another package. For a field of a
//     nested message, any pointer of the function to a message of that
//     type counts as one that may hold it, but not one kept before the
//     handler ran;
//   - a field read through a getter taken for it that returns something
//     else: GetF counts as field F only for a generated protobuf message
//     (a method ProtoMessage marks it) that has a field F of its result
//     type, in the analysed package when its body only returns that field
//     or the zero value, in another package when its fact shows text
//     built from field F and constants alone (so a hand-written GetF that
//     returns constant text in some cases, or F changed by a function
//     that keeps its text's origin, strings.TrimLeft(x.F, "-"), is taken
//     for F, and a check made through it for a check of F); a getter of a nested message of
//     another package (GetOptions) is taken on its name, field and mark
//     alone.
//
// A value checked by a function of another package that the command does
// not analyse (a dependency outside your modules that cannot reach os/exec
// or go-micro's runtime, see below) is reported: its bool or error result
// says nothing of its parameter there. A check through an interface
// method or a function value is not followed. A validator's compiled
// pattern or sentinel error held in an exported variable of its package
// is taken at its initial value, even where another package assigns it.
// Checks that leave no leading "-" other than those named above (a parsed
// URL's scheme, u.Scheme == "https", or net.ParseIP(v) != nil) do not
// count: git clone u.String() after them is reported. A script sent on
// standard input through docker compose exec or run is judged only with
// -i, although compose attaches standard input by default. A search path
// in the Cmd's Env built from the program's own environment through a
// helper function or a parameter is reported: only os.Getenv and the like
// called where the entry is written count as the program's own. A list of
// entries not known one by one (append(os.Environ(), r.Form["env"]...))
// is not judged: the program's own environment, os.Environ(), counts as
// external input too, and cannot be told from another list once passed on.
//
// Functions are followed into every package of your modules, but into a
// dependency outside them only when it can reach os/exec or go-micro's
// runtime (it, or a package it imports outside the standard library,
// imports one of them): the command reads the other dependencies from the
// compiler's export data and does not analyse them, which makes it several
// times faster. A
// command built from the result of such a function counts as non-constant,
// even when the function only passes constant text through. Naming extra
// sinks with -cmdinjection.sinks makes every dependency followed, and so do
// go vet -vettool and golangci-lint, which give the rule every body.
//
// The command also leaves the rule out of the packages of your modules
// where no call can start a process and whose functions no package that
// can reach os/exec or go-micro's runtime calls. A package that starts processes
// only through syscall or os.StartProcess is still analysed, but a
// function of another package it calls for the command's text counts as
// non-constant there unless that package is also below one that can reach
// os/exec.
//
// A go-micro handler or subscriber declared in one package and registered
// in another (micro.RegisterHandler in main, the handler type in package
// handler) is known to receive external input only where it is
// registered, unless it implements a generated XxxHandler interface that
// its own package imports. Its findings are then reported at the
// registration call, one for each sink its request or message reaches,
// naming the handler method or subscriber and the package, file and line
// of the sink (registered through a generated RegisterXxxHandler, only the
// interface's methods count): a suppression
// comment and -new-from-rev apply to that line, each package that
// registers the handler reports them again, and a run on the handler's
// package alone does not find them.
package cmdinjection
