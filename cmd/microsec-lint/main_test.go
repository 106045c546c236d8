package main

import (
	"bytes"
	"fmt"
	"github.com/microsec-lint/microsec-lint/internal/report"
	"strings"
	"testing"

	"github.com/microsec-lint/microsec-lint/analyzers"
	"github.com/microsec-lint/microsec-lint/internal/driver"
)

// These tests call run in-process for what needs no package loading.

func TestUsageErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-format", "xml"}, `unknown format "xml"`},
		{[]string{"-enable", "nosuchrule"}, `-enable: unknown rule "nosuchrule"`},
		{[]string{"-disable", "nosuchrule"}, `-disable: unknown rule "nosuchrule"`},
		{[]string{"-no-such-flag"}, "flag provided but not defined: -no-such-flag"},
		{[]string{"./...", "-format", "json"}, "flag -format comes after the packages"},
		{[]string{"-vulndb", "ftp://example.invalid/db"}, `-vulndb: "ftp://example.invalid/db" is not`},
		// The database is checked before the analysis, whether vulncheck
		// runs or not: an http:// URL (advisories must come over TLS), a
		// file:// URL or directory that is not there, a source of no form.
		{[]string{"-vuln=false", "-vulndb", "http://x", "./nothere"}, `-vulndb: "http://x": plain http is not accepted`},
		{[]string{"-vuln=false", "-vulndb", "file:///nonexistent", "./nothere"}, `-vulndb: "file:///nonexistent": directory /nonexistent does not exist`},
		{[]string{"-vuln=false", "-vulndb", "/nonexistent/osv", "./nothere"}, `-vulndb: "/nonexistent/osv": directory /nonexistent/osv does not exist`},
		{[]string{"-vuln=false", "-vulndb", "main.go", "./nothere"}, `-vulndb: "main.go" is not`},
		{[]string{"-vuln=false", "-vulndb", "./main.go", "./nothere"}, `is not a directory`},
		{[]string{"-vuln=false", "-vulndb", "file://host/db", "./nothere"}, `want file:///dir`},
		{[]string{"-vuln=false", "-vulndb", "module@", "./nothere"}, `no version after @`},
		{[]string{"-vuln-show", "everything"}, `-vuln-show: "everything" is not reachable or all`},
		// A bad value is a mistake even when vulncheck does not run.
		{[]string{"-vuln=false", "-vuln-show", "everything"}, `-vuln-show: "everything" is not reachable or all`},
		// An -enable list that names no rule is a mistake, as an empty
		// enable list in .microsec.yml is, not "every rule".
		{[]string{"-vuln=false", "-enable", "", "./nothere"}, `-enable "": the list names no rule`},
		{[]string{"-vuln=false", "-enable", ",,", "./nothere"}, `-enable ",,": the list names no rule`},
		{[]string{"-vuln=false", "-enable", " , ", "./nothere"}, `-enable " , ": the list names no rule`},
		{[]string{"lsp", "-enable", ""}, `-enable "": the list names no rule`},
		// -list-rules checks the format as a run does, and takes no
		// packages.
		{[]string{"-list-rules", "-format", "xml"}, `unknown format "xml"`},
		{[]string{"-list-rules", "./..."}, `-list-rules takes no package patterns: "./..."`},
	} {
		var stdout, stderr bytes.Buffer
		code := run(c.args, &stdout, &stderr)
		if code != exitUsage {
			t.Errorf("run(%q) = %d, want %d", c.args, code, exitUsage)
		}
		if !strings.Contains(stderr.String(), c.want) {
			t.Errorf("run(%q) stderr = %q, want it to contain %q", c.args, stderr.String(), c.want)
		}
		// One line naming the mistake and the pointer to -h, not the
		// whole usage.
		if lines := strings.Split(strings.TrimRight(stderr.String(), "\n"), "\n"); len(lines) != 2 || !strings.HasPrefix(lines[1], "run 'microsec-lint ") || !strings.HasSuffix(lines[1], "-h' for usage") {
			t.Errorf("run(%q) stderr has %d lines, want the cause and the pointer to -h:\n%s", c.args, len(lines), stderr.String())
		}
		if stdout.Len() != 0 {
			t.Errorf("run(%q) wrote to stdout: %q", c.args, stdout.String())
		}
	}
}

func TestVersionAndListRules(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-version"}, &stdout, &stderr); code != exitClean {
		t.Fatalf("-version exit %d: %s", code, stderr.String())
	}
	if !strings.HasPrefix(stdout.String(), "microsec-lint ") {
		t.Errorf("-version printed %q", stdout.String())
	}

	// A valid -format, and an empty -disable, are no mistake with
	// -list-rules: the list is text whatever the format.
	for _, args := range [][]string{{"-list-rules", "-format", "json"}, {"-disable", "", "-list-rules"}} {
		stdout.Reset()
		if code := run(args, &stdout, &stderr); code != exitClean || stdout.Len() == 0 {
			t.Errorf("run(%q) exit %d, want %d and the list; stderr: %s", args, code, exitClean, stderr.String())
		}
	}

	stdout.Reset()
	if code := run([]string{"-list-rules"}, &stdout, &stderr); code != exitClean {
		t.Fatalf("-list-rules exit %d: %s", code, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	rules := analyzers.All()
	if len(lines) != len(rules)+1 || !strings.HasPrefix(lines[len(rules)], "vulncheck ") {
		t.Fatalf("-list-rules printed %d lines for %d rules and vulncheck:\n%s", len(lines), len(rules), stdout.String())
	}
	for i, r := range rules {
		if !strings.HasPrefix(lines[i], r.Analyzer.Name+" ") || !strings.HasSuffix(lines[i], r.Doc.Title) {
			t.Errorf("-list-rules line %q does not give %s and its title", lines[i], r.Analyzer.Name)
		}
	}
}

func TestIsVetInvocation(t *testing.T) {
	for args, want := range map[string]bool{
		"-V=full": true,
		"-flags":  true,
		"-insecuretransport.x=1 /tmp/go-build1/vet.cfg": true,
		"./...":              false,
		"-format json ./...": false,
	} {
		if got := isVetInvocation(strings.Fields(args)); got != want {
			t.Errorf("isVetInvocation(%q) = %v, want %v", args, got, want)
		}
	}
}

func TestWantProgress(t *testing.T) {
	var buf bytes.Buffer
	for mode, want := range map[string]bool{"auto": false, "always": true, "never": false} {
		got, err := wantProgress(mode, &buf)
		if err != nil || got != want {
			t.Errorf("wantProgress(%q, buffer) = %v, %v; want %v", mode, got, err, want)
		}
	}
	if _, err := wantProgress("sometimes", &buf); err == nil {
		t.Error("wantProgress accepted an unknown mode")
	}

	p := &progressLine{w: &buf}
	p.update(driver.Progress{})
	p.update(driver.Progress{Loaded: 4, Analysed: 4})
	p.clear()
	out := buf.String()
	if !strings.Contains(out, "loading packages") || !strings.Contains(out, "4 packages loaded, 4 analysed") || !strings.HasSuffix(out, "\r\x1b[K") {
		t.Errorf("progress output = %q", out)
	}

	// A message written while the line is drawn (-debug-timing, a
	// vulncheck note) starts on a line of its own.
	buf.Reset()
	p.update(driver.Progress{Loaded: 4, Analysed: 2})
	fmt.Fprintf(p, "note\n")
	if out := buf.String(); !strings.HasSuffix(out, "analysed\r\x1b[Knote\n") {
		t.Errorf("message over the progress line = %q", out)
	}
}

// TestHelp: -h is not an error: the whole usage, exit 0. So is help, which
// go vet tells a user to run after a flag it does not know.
func TestHelp(t *testing.T) {
	for _, arg := range []string{"-h", "help"} {
		var stdout, stderr bytes.Buffer
		if code := run([]string{arg}, &stdout, &stderr); code != exitClean {
			t.Fatalf("%s exit %d, want %d; stderr:\n%s", arg, code, exitClean, stderr.String())
		}
		for _, want := range []string{"usage: microsec-lint [flags] [packages]", "-format", "-debug-cpuprofile", "-insecuretransport.mdns"} {
			if !strings.Contains(stderr.String(), want) {
				t.Errorf("%s output lacks %q:\n%s", arg, want, stderr.String())
			}
		}
	}
}

// TestNothingToRun: -enable naming only vulncheck with -vuln=false leaves
// nothing to run, a usage error as when -enable and -disable leave nothing.
func TestNothingToRun(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run([]string{"-enable", "vulncheck", "-vuln=false", "./..."}, &stdout, &stderr)
	if code != exitUsage || !strings.Contains(stderr.String(), "no rules left to run") || !strings.Contains(stderr.String(), "-vuln=false") {
		t.Errorf("exit %d, stderr:\n%s\nwant %d and a line saying no rule is left to run", code, stderr.String(), exitUsage)
	}
}

// TestProblemLine: a load error is prefixed with its package unless the
// message already names that package, and a longer path that merely starts
// with the package's does not count as naming it.
func TestProblemLine(t *testing.T) {
	for _, tc := range []struct {
		pkg, msg, want string
	}{
		{"example.com/m", "m.go:3:8: cannot load import example.com/m/x: not found", "package example.com/m: m.go:3:8: cannot load import example.com/m/x: not found"},
		{"example.com/m", "m.go:3:8: cannot load import example.com/mx: not found", "package example.com/m: m.go:3:8: cannot load import example.com/mx: not found"},
		{"example.com/m", "import cycle not allowed: example.com/m imports example.com/n imports example.com/m", "import cycle not allowed: example.com/m imports example.com/n imports example.com/m"},
		{"example.com/m", "no Go files in example.com/m", "no Go files in example.com/m"},
		{"", "pattern ./x matched no packages", "pattern ./x matched no packages"},
	} {
		if got := problemLine(report.Problem{Package: tc.pkg, Message: tc.msg}); got != tc.want {
			t.Errorf("problemLine(%q, %q) = %q, want %q", tc.pkg, tc.msg, got, tc.want)
		}
	}
}

// TestLSPFlags: the lsp subcommand takes only the flags that mean
// something to the server; -h lists those, and the command line's other
// flags, or package patterns, are usage errors told in one line. lsp
// after flags is not taken for a package pattern.
func TestLSPFlags(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"lsp", "-h"}, &stdout, &stderr); code != exitClean {
		t.Fatalf("lsp -h exit %d, want %d; stderr:\n%s", code, exitClean, stderr.String())
	}
	for _, want := range []string{"usage: microsec-lint lsp [flags]", "-config", "-enable", "-disable", "-insecuretransport.mdns"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("lsp -h lacks %q:\n%s", want, stderr.String())
		}
	}
	for _, not := range []string{"-format", "\n  -o ", "-baseline", "-write-baseline", "-new-from-rev", "-vuln", "-progress", "-debug-cpuprofile", "[packages]"} {
		if strings.Contains(stderr.String(), not) {
			t.Errorf("lsp -h lists %q, which the server does not use:\n%s", not, stderr.String())
		}
	}

	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"lsp", "-o", "/x/y"}, "flag provided but not defined: -o"},
		{[]string{"lsp", "-baseline", "/nonexist"}, "flag provided but not defined: -baseline"},
		{[]string{"lsp", "-format", "json"}, "flag provided but not defined: -format"},
		{[]string{"lsp", "./..."}, `lsp takes no package patterns: "./..."`},
		{[]string{"-vuln=false", "lsp"}, "lsp is a subcommand: put it first"},
	} {
		stdout.Reset()
		stderr.Reset()
		code := run(c.args, &stdout, &stderr)
		lines := strings.Split(strings.TrimRight(stderr.String(), "\n"), "\n")
		if code != exitUsage || !strings.Contains(lines[0], c.want) || len(lines) != 2 || !strings.HasPrefix(lines[1], "run 'microsec-lint") {
			t.Errorf("run(%q) = %d, stderr:\n%s\nwant %d, a line with %q and the pointer to -h", c.args, code, stderr.String(), exitUsage, c.want)
		}
	}
}
