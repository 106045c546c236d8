package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The bad-input tests give the built command input that is wrong in one
// way each and expect what a user in CI needs: the documented exit code and
// one line on stderr that names the cause. A usage error may add the
// conventional pointer to -h after its line. The fixtures are written into
// t.TempDir, so each test says in one place what it feeds the command.

const usageHint = "run 'microsec-lint -h' for usage"

// writeModule writes files (path relative to the module root, then
// content) into a new temporary directory and returns it.
func writeModule(t *testing.T, files ...string) string {
	t.Helper()
	if len(files)%2 != 0 {
		t.Fatal("writeModule wants path, content pairs")
	}
	dir := t.TempDir()
	for i := 0; i < len(files); i += 2 {
		path := filepath.Join(dir, filepath.FromSlash(files[i]))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(files[i+1]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const healthyGoMod = "module example.com/bad\n\ngo 1.26\n"

// causeLines returns the lines of stderr, less the pointer to -h.
func causeLines(stderr string) []string {
	var lines []string
	for _, l := range strings.Split(strings.TrimRight(stderr, "\n"), "\n") {
		if l != usageHint && l != "" {
			lines = append(lines, l)
		}
	}
	return lines
}

// checkOneLine requires the exit code and a single stderr line that
// contains every one of want and none of the marks of a message passed on
// unedited from the go command or go/packages.
func checkOneLine(t *testing.T, r result, code int, want ...string) {
	t.Helper()
	if r.code != code {
		t.Errorf("exit %d, want %d", r.code, code)
	}
	lines := causeLines(r.stderr)
	if len(lines) != 1 {
		t.Fatalf("stderr has %d lines, want one naming the cause:\n%s", len(lines), r.stderr)
	}
	line := lines[0]
	if !strings.HasPrefix(line, "microsec-lint: ") {
		t.Errorf("stderr line %q does not start with the command's name", line)
	}
	for _, w := range want {
		if !strings.Contains(line, w) {
			t.Errorf("stderr line %q does not name %q", line, w)
		}
	}
	// "-: " is go/packages' position of an error that has none, "# pkg" the
	// header of the compiler's own output.
	for _, junk := range []string{" -: ", "# "} {
		if strings.Contains(line, junk) {
			t.Errorf("stderr line %q carries %q from the go command", line, junk)
		}
	}
	// None of the fixtures has findings, and text output lists nothing else.
	if r.stdout != "" {
		t.Errorf("stdout not empty:\n%s", r.stdout)
	}
}

func TestBadInputNoModule(t *testing.T) {
	dir := writeModule(t, "main.go", "package main\n\nfunc main() {}\n")
	r := runBinary(t, dir)
	checkOneLine(t, r, exitFailed, "no go.mod", dir)
}

func TestBadInputPatternMatchesNothing(t *testing.T) {
	dir := writeModule(t, "go.mod", healthyGoMod, "ok/ok.go", "package ok\n")
	for _, pattern := range []string{"./nothere/...", "./nothere"} {
		t.Run(strings.TrimPrefix(pattern, "./"), func(t *testing.T) {
			r := runBinary(t, dir, pattern)
			checkOneLine(t, r, exitFailed, "nothere")
		})
	}
	// The go command's advice ("to add it:", then "go get ..." on a line
	// of its own, given without -mod=readonly) is joined to its line.
	t.Run("no such module", func(t *testing.T) {
		r := runBinaryEnv(t, dir, []string{"GOFLAGS="}, "example.com/nosuch")
		checkOneLine(t, r, exitFailed, "no Go packages match example.com/nosuch", "go get example.com/nosuch")
	})
	t.Run("no such module beside a package", func(t *testing.T) {
		r := runBinaryEnv(t, dir, []string{"GOFLAGS="}, "./ok", "example.com/nosuch")
		checkOneLine(t, r, exitFailed, "example.com/nosuch", "go get example.com/nosuch")
	})
	t.Run("empty module", func(t *testing.T) {
		r := runBinary(t, writeModule(t, "go.mod", healthyGoMod))
		checkOneLine(t, r, exitFailed, "no Go packages match ./...")
	})
	// go list prints nothing to read and no package when go.mod must be
	// tidied first (here it misses a requirement of a dependency, which
	// the module graph needs from Go 1.17 on): the cause is the go
	// command's, not the pattern's, and the packages do match.
	t.Run("go.mod needs updates", func(t *testing.T) {
		root := writeModule(t,
			"dep/go.mod", "module example.com/dep\n\ngo 1.26\n",
			"dep/dep.go", "package dep\n\nconst X = 1\n",
			"lib/go.mod", "module example.com/lib\n\ngo 1.26\n\nrequire example.com/dep v0.0.0\n\nreplace example.com/dep => ../dep\n",
			"lib/lib.go", "package lib\n\nimport \"example.com/dep\"\n\nconst Y = dep.X\n",
			"app/go.mod", "module example.com/app\n\ngo 1.26\n\nrequire example.com/lib v0.0.0\n\nreplace example.com/lib => ../lib\n\nreplace example.com/dep => ../dep\n",
			"app/app.go", "package app\n\nimport \"example.com/lib\"\n\nconst Z = lib.Y\n",
		)
		r := runBinaryEnv(t, filepath.Join(root, "app"), []string{"GOFLAGS="})
		checkOneLine(t, r, exitFailed, "cannot load packages: go list: updates to go.mod needed", "go mod tidy")
	})
}

// TestBadInputSyntaxError: the parser's message, at the file and line, once;
// the compiler's report of the same error (from go list -export) is not
// repeated beside it.
func TestBadInputSyntaxError(t *testing.T) {
	dir := writeModule(t,
		"go.mod", healthyGoMod,
		"syn/syn.go", "package syn\n\nfunc F( {\n",
	)
	r := runBinary(t, dir)
	checkOneLine(t, r, exitFailed, "example.com/bad/syn", "syn.go:3:9")
}

// TestBadInputCgoFails: a cgo preamble that the C compiler rejects is
// named by the compiler's own message, at the file and line, once; not by
// the type checker's "could not import C" that follows from it, nor with
// the compiler's excerpt of the source.
func TestBadInputCgoFails(t *testing.T) {
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("no C compiler")
	}
	dir := writeModule(t,
		"go.mod", healthyGoMod,
		"c/c.go", "package c\n\n/*\n#include <no_such_header_here.h>\n*/\nimport \"C\"\n\nfunc F() int { return int(C.f()) }\n",
	)
	r := runBinary(t, dir)
	checkOneLine(t, r, exitFailed, "example.com/bad/c", "c/c.go:4:10", "no_such_header_here.h")
	for _, junk := range []string{"import C", " | "} {
		if strings.Contains(r.stderr, junk) {
			t.Errorf("stderr holds %q:\n%s", junk, r.stderr)
		}
	}
}

// TestBadInputImportCycle: an import cycle is one line, the go command's,
// naming every package in it; the packages in the cycle are not reported
// again for the imports the go command did not list for them.
func TestBadInputImportCycle(t *testing.T) {
	dir := writeModule(t,
		"go.mod", healthyGoMod,
		"cy1/a.go", "package cy1\n\nimport \"example.com/bad/cy2\"\n\nvar X = cy2.Y\n",
		"cy2/b.go", "package cy2\n\nimport \"example.com/bad/cy3\"\n\nvar Y = cy3.Z\n",
		"cy3/c.go", "package cy3\n\nimport \"example.com/bad/cy1\"\n\nvar Z = cy1.X\n",
		"ok/ok.go", "package ok\n\nfunc F() {}\n",
	)
	r := runBinary(t, dir)
	checkOneLine(t, r, exitFailed, "import cycle", "example.com/bad/cy1 example.com/bad/cy2 example.com/bad/cy3")
}

// TestBadInputGoWork: a go.work the go command cannot parse is named with
// the go command's own cause, at its line; with modules off (GOPATH mode)
// the run says there is no module, as outside one.
func TestBadInputGoWork(t *testing.T) {
	t.Run("malformed", func(t *testing.T) {
		dir := writeModule(t, "go.work", "go 1.22\n\nuse (\n\t./a\n")
		checkOneLine(t, runBinary(t, dir), exitFailed, "go.work:", "syntax error")
	})
	t.Run("GO111MODULE=off", func(t *testing.T) {
		dir := writeModule(t, "go.mod", healthyGoMod, "a/a.go", "package a\n")
		t.Setenv("GO111MODULE", "off")
		checkOneLine(t, runBinary(t, dir), exitFailed, "no go.mod")
	})
}

// TestBadInputModuleNotDownloadable: go.mod requires a module that is
// neither in the module cache nor reachable (GOPROXY=off). The line names
// the importing package, the import and why it could not be had, once:
// not again for the type checker's failed import that follows from it.
func TestBadInputModuleNotDownloadable(t *testing.T) {
	dir := writeModule(t,
		"go.mod", healthyGoMod+"\nrequire example.com/nowhere v1.0.0\n",
		// Checksums for the module are present, so the go command tries to
		// download it rather than stopping at a missing go.sum entry.
		"go.sum", "example.com/nowhere v1.0.0 h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n"+
			"example.com/nowhere v1.0.0/go.mod h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n",
		"dl/dl.go", "package dl\n\nimport _ \"example.com/nowhere\"\n",
	)
	r := runBinary(t, dir)
	checkOneLine(t, r, exitFailed, "package example.com/bad/dl: ", "cannot load import example.com/nowhere: ", "GOPROXY=off")
}

// TestBadInputUnreadableFile: a source file the user cannot read. Root reads
// every file, so as root the command runs as the user nobody (through
// setpriv), with its own Go build cache.
func TestBadInputUnreadableFile(t *testing.T) {
	dir := writeModule(t,
		"go.mod", healthyGoMod,
		"unr/a.go", "package unr\n\nfunc A() {}\n",
		"unr/b.go", "package unr\n\nfunc B() {}\n",
	)
	secret := filepath.Join(dir, "unr", "b.go")
	if err := os.Chmod(secret, 0); err != nil {
		t.Fatal(err)
	}
	//microsec:ignore cmdinjection -- runs the binary TestMain built
	cmd := exec.Command(binary, noVuln)
	if os.Geteuid() == 0 {
		cmd = asNobody(t, dir)
	}
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if cmd.Env == nil {
		cmd.Env = offlineEnv()
	}
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String()}
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		r.code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	checkOneLine(t, r, exitFailed, "b.go", "permission denied")
}

// asNobody returns a command that runs a copy of the binary as uid and gid
// 65534 on dir, whose parent folders it opens to that user.
func asNobody(t *testing.T, dir string) *exec.Cmd {
	t.Helper()
	setpriv, err := exec.LookPath("setpriv")
	if err != nil {
		t.Skip("running as root, which reads every file, and setpriv (util-linux) is not installed to drop that")
	}
	home := t.TempDir()
	bin := filepath.Join(home, "microsec-lint")
	data, err := os.ReadFile(binary)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bin, data, 0o755); err != nil {
		t.Fatal(err)
	}
	// t.TempDir makes 0700 folders; the user nobody must reach the module,
	// the binary and its own home.
	for _, d := range []string{filepath.Dir(dir), dir, filepath.Join(dir, "unr"), filepath.Dir(home), home} {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chown(home, 65534, 65534); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", bin, noVuln)
	cmd.Env = append(offlineEnv(),
		"HOME="+home,
		"GOCACHE="+filepath.Join(home, "gocache"),
		"GOPATH="+filepath.Join(home, "gopath"),
		"MICROSEC_LINT_CACHE="+filepath.Join(home, "cache"),
	)
	return cmd
}

func TestBadInputFormat(t *testing.T) {
	r := runBinary(t, fixture("v4service"), "-format", "xml")
	checkOneLine(t, r, exitUsage, `"xml"`, "text")
}

func TestBadInputUnknownRule(t *testing.T) {
	for _, flag := range []string{"-enable", "-disable"} {
		t.Run(flag, func(t *testing.T) {
			r := runBinary(t, fixture("v4service"), flag, "nosuchrule")
			checkOneLine(t, r, exitUsage, flag, `"nosuchrule"`)
		})
	}
}

// TestBadInputConfigKey: a .microsec.yml with a misspelt key is a usage
// error that names the file, the line and the key, rather than a setting
// that silently does nothing.
func TestBadInputConfigKey(t *testing.T) {
	dir := writeModule(t,
		"go.mod", healthyGoMod,
		"ok/ok.go", "package ok\n",
		".microsec.yml", "version: 1\ndisabel: [insecuretransport]\n",
	)
	r := runBinary(t, dir)
	checkOneLine(t, r, exitUsage, ".microsec.yml", ":2", "disabel")
}

// TestBadInputFileWithoutPackageClause: an empty .go file, or one that is
// not Go at all, is named in one line beside the healthy files.
func TestBadInputFileWithoutPackageClause(t *testing.T) {
	for name, content := range map[string]string{"empty": "", "prose": "hello world\n", "comment": "// just a comment\n"} {
		t.Run(name, func(t *testing.T) {
			dir := writeModule(t,
				"go.mod", healthyGoMod,
				"e/ok.go", "package e\n",
				"e/x.go", content,
			)
			r := runBinary(t, dir)
			checkOneLine(t, r, exitFailed, "x.go")
		})
	}
}

// TestProfiles: the profiling flags write profiles pprof can read, and a
// profile that cannot be created is a usage error, one line and exit 2,
// told before any analysis.
func TestProfiles(t *testing.T) {
	dir := writeModule(t, "go.mod", healthyGoMod, "ok/ok.go", "package ok\n\nfunc F() string { return \"x\" }\n")
	cpu, mem := filepath.Join(t.TempDir(), "cpu.prof"), filepath.Join(t.TempDir(), "mem.prof")
	r := runBinary(t, dir, "-vuln=false", "-debug-cpuprofile", cpu, "-debug-memprofile", mem, "./...")
	if r.code != exitClean {
		t.Fatalf("exit %d, want %d; stderr:\n%s", r.code, exitClean, r.stderr)
	}
	for _, p := range []string{cpu, mem} {
		out, err := exec.Command("go", "tool", "pprof", "-raw", p).CombinedOutput()
		if err != nil {
			t.Errorf("go tool pprof cannot read %s: %v\n%s", filepath.Base(p), err, out)
		}
	}

	// The syntax error would come first if the analysis ran.
	broken := writeModule(t, "go.mod", healthyGoMod, "syn/syn.go", "package syn\n\nfunc f( {\n")
	for _, flag := range []string{"-debug-cpuprofile", "-debug-memprofile"} {
		bad := filepath.Join(dir, "no-such-dir", "x.prof")
		r = runBinary(t, broken, "-vuln=false", flag, bad, "./...")
		checkOneLine(t, r, exitUsage, flag, "no-such-dir")
	}
}

// TestBadInputBaseline: a -baseline file that is missing, not JSON or of
// another version is a usage error, told before the analysis: the module
// has a syntax error the run would otherwise report first.
func TestBadInputBaseline(t *testing.T) {
	for name, tc := range map[string]struct {
		content string // "" writes no file
		want    string
	}{
		"missing":      {"", "no such file"},
		"not json":     {"findings: []\n", "not valid JSON"},
		"version":      {`{"version": 99, "findings": []}`, "version 99"},
		"fingerprints": {`{"version": 2, "findings": [{"rule": "sqlconcat", "file": "a.go"}]}`, "no fingerprint"},
		"old version":  {`{"version": 1, "findings": []}`, "write a new one with -write-baseline FILE, without -baseline"},
		"json report":  {`{"version": 1, "tool": {"name": "microsec-lint"}, "findings": []}`, "is a JSON report (-format json), not a baseline"},
		"sarif log":    {`{"version": "2.1.0", "runs": []}`, "is a SARIF log, not a baseline"},
	} {
		t.Run(name, func(t *testing.T) {
			files := []string{"go.mod", healthyGoMod, "syn/syn.go", "package syn\n\nfunc f( {\n"}
			if tc.content != "" {
				files = append(files, "base.json", tc.content)
			}
			r := runBinary(t, writeModule(t, files...), "-baseline", "base.json")
			checkOneLine(t, r, exitUsage, "baseline", tc.want)
		})
	}
}

// TestBadInputNewFromRev: -new-from-rev outside a git repository, or with
// a revision that names no commit, is a usage error told before the
// analysis, as for -baseline.
func TestBadInputNewFromRev(t *testing.T) {
	files := []string{"go.mod", healthyGoMod, "syn/syn.go", "package syn\n\nfunc f( {\n"}
	t.Run("no repository", func(t *testing.T) {
		r := runBinary(t, writeModule(t, files...), "-new-from-rev", "HEAD")
		checkOneLine(t, r, exitUsage, "-new-from-rev", "not a git repository")
	})
	t.Run("no such commit", func(t *testing.T) {
		dir := writeModule(t, files...)
		if out, err := exec.Command("git", "-C", dir, "init", "-q").CombinedOutput(); err != nil {
			t.Fatalf("git init: %v\n%s", err, out)
		}
		r := runBinary(t, dir, "-new-from-rev", "no-such-branch")
		checkOneLine(t, r, exitUsage, "-new-from-rev", `"no-such-branch" is not a commit`)
	})
}

// TestBadInputSinkNames: a name in a rule's list of functions that is in
// neither form the rules match (it would match nothing) is a usage error,
// on the command line and in .microsec.yml.
func TestBadInputSinkNames(t *testing.T) {
	t.Run("flag", func(t *testing.T) {
		r := runBinary(t, writeModule(t, "go.mod", healthyGoMod, "ok/ok.go", "package ok\n"), "-sqlconcat.sinks", "(((,,,)))")
		checkOneLine(t, r, exitUsage, "-sqlconcat.sinks", `"((("`)
	})
	t.Run("config", func(t *testing.T) {
		dir := writeModule(t,
			"go.mod", healthyGoMod,
			"ok/ok.go", "package ok\n",
			".microsec.yml", "version: 1\nrules:\n  cmdinjection:\n    settings:\n      sanitizers: [example.com/x.Quote, nodot]\n",
		)
		checkOneLine(t, runBinary(t, dir), exitUsage, ".microsec.yml", ":5", `"nodot"`)
	})
}

// TestBadInputOutputPath: an -o file that cannot be written is a usage
// error told before the analysis (the module's syntax error would
// otherwise come first), rather than findings lost after it. A file that
// is already there keeps its content until the report replaces it.
func TestBadInputOutputPath(t *testing.T) {
	files := []string{"go.mod", healthyGoMod, "syn/syn.go", "package syn\n\nfunc f( {\n", "sub/keep.txt", "old report\n", "plain", "x"}
	for name, tc := range map[string]struct {
		path string // relative to the module
		want string
	}{
		"no directory":        {"nodir/out.sarif", "does not exist"},
		"a directory":         {"sub", "is a directory"},
		"parent is not a dir": {"plain/out.sarif", "not a directory"},
	} {
		t.Run(name, func(t *testing.T) {
			dir := writeModule(t, files...)
			r := runBinary(t, dir, "-format", "sarif", "-o", filepath.Join(dir, tc.path), "./...")
			checkOneLine(t, r, exitUsage, "-o", tc.path, tc.want)
			r = runBinary(t, dir, "-write-baseline", filepath.Join(dir, tc.path), "./...")
			checkOneLine(t, r, exitUsage, "-write-baseline", tc.path, tc.want)
		})
	}
	t.Run("existing file kept on failure", func(t *testing.T) {
		dir := writeModule(t, files...)
		out := filepath.Join(dir, "sub", "keep.txt")
		r := runBinary(t, dir, "-o", out, "./nothere")
		checkOneLine(t, r, exitFailed, "nothere")
		if data, err := os.ReadFile(out); err != nil || string(data) != "old report\n" {
			t.Errorf("-o file after a failed run: %q, %v; want it untouched", data, err)
		}
	})
	t.Run("new file not left behind on failure", func(t *testing.T) {
		dir := writeModule(t, files...)
		out := filepath.Join(dir, "new.txt")
		r := runBinary(t, dir, "-o", out, "./nothere")
		checkOneLine(t, r, exitFailed, "nothere")
		if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("-o file left behind by a run that wrote no report: %v", err)
		}
	})
}

// TestBadInputOutputClash: an output file that is a file the run reads
// (the baseline, the settings) or another output of the run, by any path
// to it, is a usage error naming both flags, told before the analysis (the
// module's syntax error would otherwise come first) and leaving the file
// as it was. -baseline and -write-baseline may name one file: that brings
// the baseline up to date in place.
func TestBadInputOutputClash(t *testing.T) {
	const baselineText = `{"version": 2, "findings": []}`
	files := []string{"go.mod", healthyGoMod, "syn/syn.go", "package syn\n\nfunc f( {\n",
		"bl.json", baselineText, "cfg.yml", "version: 1\n", "sub/x.txt", "x"}
	for name, tc := range map[string]struct {
		args []string
		want []string
	}{
		"-o onto -baseline":                 {[]string{"-o", "bl.json", "-baseline", "bl.json"}, []string{"-o", "-baseline", "bl.json"}},
		"-o onto -baseline by another path": {[]string{"-o", "sub/../bl.json", "-baseline", "./bl.json"}, []string{"-o", "-baseline"}},
		"-o onto -config":                   {[]string{"-o", "cfg.yml", "-config", "cfg.yml"}, []string{"-o", "-config", "cfg.yml"}},
		"-o onto the found settings":        {[]string{"-o", ".microsec.yml"}, []string{"-o", "settings file", ".microsec.yml"}},
		"-o onto -write-baseline":           {[]string{"-o", "new.json", "-write-baseline", "new.json"}, []string{"-o", "-write-baseline", "new.json"}},
		"-o onto -debug-cpuprofile":         {[]string{"-o", "p.out", "-debug-cpuprofile", "./p.out"}, []string{"-o", "-debug-cpuprofile"}},
		"-o onto -debug-memprofile":         {[]string{"-debug-memprofile", "m.out", "-o", "m.out"}, []string{"-o", "-debug-memprofile"}},
		"profiles onto each other":          {[]string{"-debug-cpuprofile", "p.out", "-debug-memprofile", "p.out"}, []string{"-debug-cpuprofile", "-debug-memprofile"}},
		"-write-baseline onto -config":      {[]string{"-write-baseline", "cfg.yml", "-config", "cfg.yml"}, []string{"-write-baseline", "-config"}},
		"profile onto -baseline":            {[]string{"-debug-cpuprofile", "bl.json", "-baseline", "bl.json"}, []string{"-debug-cpuprofile", "-baseline"}},
		"-o onto Go source":                 {[]string{"-o", "syn/syn.go"}, []string{"-o", "syn/syn.go", "Go source"}},
	} {
		t.Run(name, func(t *testing.T) {
			fs := files
			if name == "-o onto the found settings" {
				fs = append(fs, ".microsec.yml", "version: 1\n")
			}
			dir := writeModule(t, fs...)
			r := runBinary(t, dir, append(tc.args, "./...")...)
			checkOneLine(t, r, exitUsage, tc.want...)
			for _, f := range []string{"bl.json", "cfg.yml", "syn/syn.go"} {
				data, _ := os.ReadFile(filepath.Join(dir, f))
				if want := fs[slices.Index(fs, f)+1]; string(data) != want {
					t.Errorf("%s now holds %q, want it untouched", f, data)
				}
			}
			for _, f := range []string{"new.json", "p.out", "m.out"} {
				if _, err := os.Stat(filepath.Join(dir, f)); !errors.Is(err, os.ErrNotExist) {
					t.Errorf("%s created by a run refused before the analysis", f)
				}
			}
		})
	}
	t.Run("symlink to -baseline", func(t *testing.T) {
		dir := writeModule(t, files...)
		if err := os.Symlink("bl.json", filepath.Join(dir, "link.json")); err != nil {
			t.Skip(err)
		}
		r := runBinary(t, dir, "-o", "link.json", "-baseline", "bl.json", "./...")
		checkOneLine(t, r, exitUsage, "-o", "-baseline")
	})
	// A link's target is what gets written: a link to a Go file, or a
	// dangling link to another output, clashes as the target would.
	t.Run("symlink to Go source", func(t *testing.T) {
		dir := writeModule(t, files...)
		if err := os.Symlink("syn/syn.go", filepath.Join(dir, "report.txt")); err != nil {
			t.Skip(err)
		}
		r := runBinary(t, dir, "-o", "report.txt", "./...")
		checkOneLine(t, r, exitUsage, "-o", "report.txt", "Go source")
		if data, _ := os.ReadFile(filepath.Join(dir, "syn/syn.go")); string(data) != files[3] {
			t.Errorf("syn/syn.go now holds %q, want it untouched", data)
		}
	})
	t.Run("dangling symlink to -write-baseline", func(t *testing.T) {
		dir := writeModule(t, files...)
		if err := os.Symlink("real.json", filepath.Join(dir, "link.json")); err != nil {
			t.Skip(err)
		}
		r := runBinary(t, dir, "-o", "link.json", "-write-baseline", "real.json", "./...")
		checkOneLine(t, r, exitUsage, "-o", "-write-baseline")
		if _, err := os.Stat(filepath.Join(dir, "real.json")); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("real.json created by a run refused before the analysis")
		}
	})
	// The go command reads go.mod, go.sum and go.work, and takes a new
	// file ending in .go, even an empty one, for a package's source.
	for _, out := range []string{"go.mod", "go.sum", "go.work", "go.work.sum", "new.go", "sub/new.go"} {
		t.Run("-o "+out, func(t *testing.T) {
			dir := writeModule(t, "go.mod", healthyGoMod, "ok/ok.go", "package ok\n", "sub/x.txt", "x")
			r := runBinary(t, dir, "-o", out, "./...")
			checkOneLine(t, r, exitUsage, "-o", out)
			if data, _ := os.ReadFile(filepath.Join(dir, "go.mod")); string(data) != healthyGoMod {
				t.Errorf("go.mod now holds %q", data)
			}
			if out != "go.mod" {
				if _, err := os.Stat(filepath.Join(dir, out)); !errors.Is(err, os.ErrNotExist) {
					t.Errorf("%s created by a refused run", out)
				}
			}
		})
	}
	t.Run("outputs to /dev/null", func(t *testing.T) {
		if _, err := os.Stat(os.DevNull); err != nil {
			t.Skip(err)
		}
		dir := writeModule(t, "go.mod", healthyGoMod, "ok/ok.go", "package ok\n")
		r := runBinary(t, dir, "-o", os.DevNull, "-debug-memprofile", os.DevNull, "./...")
		if r.code != exitClean || r.stderr != "" {
			t.Errorf("exit %d, want %d; stderr:\n%s", r.code, exitClean, r.stderr)
		}
	})
	t.Run("-write-baseline onto -baseline", func(t *testing.T) {
		dir := writeModule(t, "go.mod", healthyGoMod, "ok/ok.go", "package ok\n", "bl.json", baselineText)
		r := runBinary(t, dir, "-baseline", "bl.json", "-write-baseline", "bl.json", "./...")
		if r.code != exitClean || r.stderr != "" {
			t.Errorf("exit %d, want %d; stderr:\n%s", r.code, exitClean, r.stderr)
		}
	})
}

// TestCacheNotADirectory: a MICROSEC_LINT_CACHE that names a file is told
// in one line, and the run goes on without the cache, its exit code that
// of the findings.
func TestCacheNotADirectory(t *testing.T) {
	dir := writeModule(t, "go.mod", healthyGoMod, "ok/ok.go", "package ok\n", "cachefile", "x")
	file := filepath.Join(dir, "cachefile")
	r := runBinaryEnv(t, dir, []string{"MICROSEC_LINT_CACHE=" + file})
	checkOneLine(t, r, exitClean, "MICROSEC_LINT_CACHE="+file, "is not a directory", "without the fact cache")
}

// TestCgoOff: with CGO_ENABLED=0 the go command leaves out cgo files, and
// ./... the packages with nothing else: each package so cut is one line on
// stderr naming it and the cause; the exit code is that of the findings
// of what was analysed.
func TestCgoOff(t *testing.T) {
	dir := writeModule(t,
		"go.mod", healthyGoMod,
		"allcgo/a.go", "package allcgo\n\n// #include <stdlib.h>\nimport \"C\"\n\nfunc F() { C.free(nil) }\n",
		"mixed/a.go", "package mixed\n\nfunc A() {}\n",
		"mixed/c.go", "package mixed\n\n// #include <stdlib.h>\nimport \"C\"\n\nfunc G() { C.free(nil) }\n",
		"plain/p.go", "package plain\n",
	)
	r := runBinaryEnv(t, dir, []string{"CGO_ENABLED=0"})
	lines := causeLines(r.stderr)
	want := []string{
		"microsec-lint: package example.com/bad/allcgo: not analysed: its files need cgo, which is off (CGO_ENABLED=0)",
		"microsec-lint: package example.com/bad/mixed: c.go not analysed: it needs cgo, which is off (CGO_ENABLED=0)",
	}
	if r.code != exitClean || !slices.Equal(lines, want) {
		t.Errorf("exit %d, stderr:\n%s\nwant exit %d and:\n%s", r.code, r.stderr, exitClean, strings.Join(want, "\n"))
	}
}

// TestBadInputGoCommandFails: when the go command fails before it lists
// any package, for a cause that go list -export has and go list alone has
// not (it makes a work directory, asks the compiler for its version,
// builds for the target), go/packages returns no package and no error:
// the one line is the go command's own cause, not "no Go packages match",
// and no package is said to need cgo when it does not.
func TestBadInputGoCommandFails(t *testing.T) {
	dir := writeModule(t, "go.mod", healthyGoMod, "ok/ok.go", "package ok\n", "notadir", "x",
		"ign/ign.go", "//go:build ignore\n\npackage ign\n")
	for _, tc := range []struct {
		name string
		env  []string
		args []string
		want []string
	}{
		{"TMPDIR is a file", []string{"TMPDIR=" + filepath.Join(dir, "notadir")}, nil, []string{"creating work dir", "not a directory"}},
		// go warns first that the pattern matches no package: the
		// cause is the error after the warning.
		{"TMPDIR is a file, no package matches", []string{"TMPDIR=" + filepath.Join(dir, "notadir")}, []string{"./ign/..."}, []string{"creating work dir", "not a directory"}},
		{"toolexec fails", []string{"GOFLAGS=-toolexec=/bin/false"}, nil, []string{"error obtaining buildID for go tool compile"}},
		{"unsupported target", []string{"GOOS=plan9", "GOARCH=arm64"}, nil, []string{"unsupported GOOS/GOARCH pair plan9/arm64"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runBinaryEnv(t, dir, tc.env, tc.args...)
			checkOneLine(t, r, exitFailed, tc.want...)
			if strings.Contains(r.stderr, "no Go packages match") {
				t.Errorf("stderr says no package matches:\n%s", r.stderr)
			}
		})
	}
}

// TestCgoOffNothingLeft: with cgo off and every package needing it, each
// is named, and then that no package is left; the look-alike of
// TestBadInputGoCommandFails's cross-build to an unsupported target.
func TestCgoOffNothingLeft(t *testing.T) {
	dir := writeModule(t,
		"go.mod", healthyGoMod,
		"allcgo/a.go", "package allcgo\n\n// #include <stdlib.h>\nimport \"C\"\n\nfunc F() { C.free(nil) }\n",
	)
	r := runBinaryEnv(t, dir, []string{"CGO_ENABLED=0"})
	want := []string{
		"microsec-lint: package example.com/bad/allcgo: not analysed: its files need cgo, which is off (CGO_ENABLED=0)",
		"microsec-lint: no Go packages match ./...",
	}
	if lines := causeLines(r.stderr); r.code != exitFailed || !slices.Equal(lines, want) {
		t.Errorf("exit %d, stderr:\n%s\nwant exit %d and:\n%s", r.code, r.stderr, exitFailed, strings.Join(want, "\n"))
	}
}
