package cmds

import (
	"os"
	"os/exec"
	"slices"
	"strings"
)

var tools = map[string]bool{"ls": true, "df": true}

// A program or script checked against an allow list on every path to the
// command is safe; one that a path goes around is not.
func guardedCommands() {
	prog := os.Getenv("TOOL")
	if !tools[prog] {
		return
	}
	exec.Command(prog).Run()
	exec.Command("sh", "-c", prog+" -h").Run()
}

func unguardedCommands() {
	prog := os.Getenv("TOOL")
	if tools[prog] {
		exec.Command(prog).Run()
	}
	exec.Command("sh", "-c", prog+" -h").Run() // want `shell script run by sh -c passed to exec.Command comes from external input`
}

// A value rejected when it starts with "-" cannot be read as an option:
// safe as an argument, not in a script.
func optionChecked() {
	ref := os.Getenv("REF")
	if ref == "" || strings.HasPrefix(ref, "-") {
		return
	}
	exec.Command("git", "checkout", ref).Run()
	exec.Command("sh", "-c", "git checkout "+ref).Run() // want `shell script run by sh -c passed to exec.Command comes from external input`
}

func optionUnchecked() {
	ref := os.Getenv("REF")
	if strings.HasPrefix(ref, "--") {
		return
	}
	exec.Command("git", "checkout", ref).Run() // want `argument 2 of git passed to exec.Command comes from external input`
}

// runGit runs git with the arguments it is given: its callers are judged.
func runGit(args ...string) error {
	return exec.Command("git", args...).Run()
}

func checkout(ref string) error {
	return exec.Command("git", "checkout", ref).Run()
}

// gitChecked rejects a leading "-" itself before running git.
func gitChecked(ref string) error {
	if strings.HasPrefix(ref, "-") {
		return nil
	}
	return exec.Command("git", "checkout", ref).Run()
}

// The check may be made by the caller of a function that runs the
// command, or in that function.
func optionCheckedByCaller() {
	ref := os.Getenv("REF")
	if strings.HasPrefix(ref, "-") {
		return
	}
	runGit("checkout", ref)
	// The engine cannot tell that checkout passes ref on unchanged.
	checkout(ref) // want `argument 2 of git that cmds.checkout passes to exec.Command`
	gitChecked(os.Getenv("REF"))
}

func optionUncheckedByCaller() {
	ref := os.Getenv("REF")
	runGit("checkout", ref) // want `argument 2 of git that cmds.runGit passes to exec.Command`
	checkout(ref)           // want `argument 2 of git that cmds.checkout passes to exec.Command`
}

// logRef checks ref itself and passes path on unchecked: its callers are
// judged on path alone.
func logRef(ref, path string) error {
	if strings.HasPrefix(ref, "-") {
		return nil
	}
	return exec.Command("git", "log", ref, path).Run()
}

func optionCheckedInCallee() {
	logRef(os.Getenv("REF"), os.Getenv("FILE")) // want `argument 3 of git that cmds.logRef passes to exec.Command`
	logRef(os.Getenv("REF"), "main.go")
}

// cloneFields splits what it is given: a part of a value that does not
// start with "-" may.
func cloneFields(spec string) error {
	return exec.Command("git", append([]string{"clone"}, strings.Fields(spec)...)...).Run()
}

func checkoutTrimmed(ref string) error {
	return exec.Command("git", "checkout", strings.TrimSpace(ref)).Run()
}

func optionCheckedThenChanged() {
	spec := os.Getenv("SPEC")
	if strings.HasPrefix(spec, "-") {
		return
	}
	cloneFields(spec)     // want `arguments of git that cmds.cloneFields passes to exec.Command`
	checkoutTrimmed(spec) // want `argument 2 of git that cmds.checkoutTrimmed passes to exec.Command`
}

// A value that fails a check and is replaced: by a constant, or, for an
// argument, by text that does not start with "-".
func fallbackCommands() {
	f := os.Getenv("FORMAT")
	if !slices.Contains([]string{"png", "jpg"}, f) {
		f = "png"
	}
	exec.Command("sh", "-c", "convert in.bmp out."+f).Run()

	name := os.Getenv("FILE")
	if strings.HasPrefix(name, "-") {
		name = "./" + name
	}
	exec.Command("cat", name).Run()
	exec.Command("sh", "-c", "cat "+name).Run() // want `shell script run by sh -c passed to exec.Command comes from external input`
}

func fallbackCommandsUnchecked() {
	f := os.Getenv("FORMAT")
	if !slices.Contains([]string{"png", "jpg"}, f) {
		f = os.Getenv("DEFAULT_FORMAT")
	}
	exec.Command("sh", "-c", "convert in.bmp out."+f).Run() // want `shell script run by sh -c passed to exec.Command comes from external input`

	name := os.Getenv("FILE")
	if strings.HasPrefix(name, "--") {
		name = "./" + name
	}
	exec.Command("cat", name).Run() // want `argument 1 of cat passed to exec.Command comes from external input`
}

// f[0] == '-' is the same check as strings.HasPrefix(f, "-").
func optionCheckedByIndex() {
	f := os.Getenv("FILE")
	if f == "" || f[0] == '-' {
		return
	}
	exec.Command("cat", f).Run()
	g := os.Getenv("FILE")
	if g != "" && g[0] != '-' {
		exec.Command("cat", g).Run()
	}
	exec.Command("cat", g).Run() // want `argument 1 of cat passed to exec.Command comes from external input`
}

// An empty argument is no option: the empty branch of len(v) > 0 or
// v != "" before v[0] == '-' is checked too.
func optionCheckedAfterEmpty() {
	f := os.Getenv("FILE")
	if len(f) > 0 && f[0] == '-' {
		return
	}
	exec.Command("head", f).Run()
	g := os.Getenv("FILE")
	if g != "" && g[0] == '-' {
		return
	}
	exec.Command("head", g).Run()
	h := os.Getenv("FILE")
	if h == "" {
		return
	}
	exec.Command("head", h).Run() // want `argument 1 of head passed to exec.Command comes from external input`
	k := os.Getenv("FILE")
	if len(k) > 0 && k[0] == '+' {
		return
	}
	exec.Command("head", k).Run() // want `argument 1 of head passed to exec.Command comes from external input`
	m := os.Getenv("FILE")
	if len(m) > 0 && m[0] == '-' {
		return
	}
	exec.Command("sh", "-c", "head "+m).Run() // want `shell script run by sh -c`
}

func optionUncheckedByIndex() {
	f := os.Getenv("FILE")
	if f == "" || f[0] == '+' {
		return
	}
	exec.Command("cat", f).Run() // want `argument 1 of cat passed to exec.Command comes from external input`
	g := os.Getenv("FILE")
	if g == "" || g[1] == '-' {
		return
	}
	exec.Command("cat", g).Run() // want `argument 1 of cat passed to exec.Command comes from external input`
}

var knownHosts = map[string]bool{"db1": true, "db2": true}

// validHost allows known hosts only; notOption only rejects a leading "-".
func validHost(h string) bool { return knownHosts[h] }

func notOption(s string) bool { return !strings.HasPrefix(s, "-") }

func helperCheckedCommands() {
	h := os.Getenv("HOST")
	if !validHost(h) {
		return
	}
	exec.Command("sh", "-c", "ping -c 1 "+h).Run()

	f := os.Getenv("FILE")
	if !notOption(f) {
		return
	}
	exec.Command("cat", f).Run()
	exec.Command("sh", "-c", "cat "+f).Run() // want `shell script run by sh -c passed to exec.Command comes from external input`
}

// A check of a leading "-", or a fallback that keeps one off, holds for
// the checked text and for text that starts with it; not for text made
// from it otherwise, which may start with "-" again.
func optionCheckedThenTransformed() {
	f := os.Getenv("FILE")
	if strings.HasPrefix(f, "-") {
		f = "./" + f
	}
	exec.Command("cat", strings.TrimLeft(f, "./")).Run() // want `argument 1 of cat passed to exec.Command comes from external input`
	exec.Command("cat", f+".bak").Run()

	g := os.Getenv("FILE")
	if g == "" || g[0] == '-' {
		return
	}
	exec.Command("cat", g[1:]).Run()                // want `argument 1 of cat passed to exec.Command comes from external input`
	exec.Command("cat", strings.TrimSpace(g)).Run() // want `argument 1 of cat passed to exec.Command comes from external input`
	exec.Command("cat", g+".bak").Run()
	exec.Command("cat", g).Run()

	h := os.Getenv("FILE")
	if strings.HasPrefix(h, "-") {
		return
	}
	exec.Command("cat", strings.ToUpper(h)).Run() // want `argument 1 of cat passed to exec.Command comes from external input`
	exec.Command("cat", h).Run()
}

// An allow list holds for text made from the allowed values.
func allowCheckedThenTransformed() {
	prog := os.Getenv("TOOL")
	if !tools[prog] {
		return
	}
	exec.Command(strings.ToUpper(prog)).Run()
}
