package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/microsec-lint/microsec-lint/internal/sariftest"
)

// The end-to-end tests build the command and run it the way users do, on
// the fixture modules under testdata/e2e at the repository root. The go
// command runs with GOPROXY=off: scripts/test.sh has put the fixtures'
// modules in the module cache.

var update = flag.Bool("update", false, "rewrite the end-to-end golden files")

var binary string // path of the command built by TestMain

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "microsec-lint-e2e")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "microsec-lint")
	cacheDir = filepath.Join(dir, "cache")
	if runtime.GOOS == "windows" {
		binary += ".exe"
	}
	build := exec.Command("go", "build", "-o", binary, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		panic("cannot build microsec-lint: " + err.Error())
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func fixture(name string) string {
	return filepath.Join("..", "..", "testdata", "e2e", name)
}

// cacheDir is the runs' fact cache: the tests', not the user's.
var cacheDir string

// offlineEnv keeps the go command off the network, and the runs off the
// user's cache.
func offlineEnv() []string {
	return append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=readonly", "MICROSEC_LINT_CACHE="+cacheDir)
}

type result struct {
	stdout, stderr string
	code           int
}

// noVuln turns vulncheck off. Its database is not reachable offline, so
// every test but TestVulncheck* runs without it; those give it a fixture
// database.
const noVuln = "-vuln=false"

// runBinary runs the command in dir, with vulncheck off unless args set
// one of its flags.
func runBinary(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return runBinaryEnv(t, dir, nil, args...)
}

// runBinaryEnv is runBinary with env added to the environment.
func runBinaryEnv(t *testing.T, dir string, env []string, args ...string) result {
	t.Helper()
	if !strings.Contains(strings.Join(args, " "), "-vuln") {
		args = append([]string{noVuln}, args...)
	}
	//microsec:ignore cmdinjection -- runs the binary TestMain built
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	cmd.Env = append(offlineEnv(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{stdout.String(), stderr.String(), code}
}

func golden(t *testing.T, name string, got string) {
	t.Helper()
	path := filepath.Join("..", "..", "testdata", "e2e", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/microsec-lint -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s:\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func TestEndToEndText(t *testing.T) {
	r := runBinary(t, fixture("v4service"))
	if r.code != exitFindings {
		t.Fatalf("exit %d, want %d; stderr:\n%s", r.code, exitFindings, r.stderr)
	}
	if r.stderr != "" {
		t.Errorf("stderr not empty:\n%s", r.stderr)
	}
	golden(t, "v4service.txt", r.stdout)

	again := runBinary(t, fixture("v4service"))
	if again.stdout != r.stdout {
		t.Errorf("second run differs:\n%s\nfirst:\n%s", again.stdout, r.stdout)
	}
}

func TestEndToEndJSON(t *testing.T) {
	r := runBinary(t, fixture("v4service"), "-format", "json")
	if r.code != exitFindings {
		t.Fatalf("exit %d, want %d; stderr:\n%s", r.code, exitFindings, r.stderr)
	}
	golden(t, "v4service.json", r.stdout)

	// The JSON findings are the text findings.
	var doc struct {
		Version  int `json:"version"`
		Findings []struct {
			Rule    string `json:"rule"`
			File    string `json:"file"`
			Line    int    `json:"line"`
			Column  int    `json:"column"`
			Message string `json:"message"`
			Level   string `json:"severity"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, f := range doc.Findings {
		lines = append(lines, textLine(f.File, f.Line, f.Column, f.Level, f.Message, f.Rule))
	}
	text := runBinary(t, fixture("v4service"))
	if got, want := strings.Join(lines, ""), text.stdout; got != want {
		t.Errorf("JSON findings differ from text findings:\n%s\ntext:\n%s", got, want)
	}
}

func TestEndToEndSARIF(t *testing.T) {
	r := runBinary(t, fixture("v4service"), "-format", "sarif")
	if r.code != exitFindings {
		t.Fatalf("exit %d, want %d; stderr:\n%s", r.code, exitFindings, r.stderr)
	}
	golden(t, "v4service.sarif", r.stdout)
	for _, p := range sariftest.Validate(t, []byte(r.stdout)) {
		t.Error(p)
	}

	// The SARIF results are the text findings.
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID  string `json:"ruleId"`
				Level   string `json:"level"`
				Message struct {
					Text string `json:"text"`
				} `json:"message"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI       string `json:"uri"`
							URIBaseID string `json:"uriBaseId"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine   int `json:"startLine"`
							StartColumn int `json:"startColumn"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, res := range log.Runs[0].Results {
		loc := res.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URIBaseID != "%SRCROOT%" {
			t.Errorf("result %s at %s is not relative to %%SRCROOT%%", res.RuleID, loc.ArtifactLocation.URI)
		}
		lines = append(lines, textLine(loc.ArtifactLocation.URI, loc.Region.StartLine, loc.Region.StartColumn, res.Level, res.Message.Text, res.RuleID))
	}
	text := runBinary(t, fixture("v4service"))
	if got, want := strings.Join(lines, ""), text.stdout; got != want {
		t.Errorf("SARIF results differ from text findings:\n%s\ntext:\n%s", got, want)
	}
}

func textLine(file string, line, col int, level, msg, rule string) string {
	if level != "error" {
		msg = level + ": " + msg
	}
	return file + ":" + itoa(line) + ":" + itoa(col) + ": " + msg + " (" + rule + ")\n"
}

// TestSeverityInText: the level .microsec.yml gives a rule shows in the
// text output, after the position, for any level but error; notes alone
// do not fail the run.
func TestSeverityInText(t *testing.T) {
	code := map[string]int{"error": exitFindings, "warning": exitFindings, "note": exitClean}
	src := "package main\n\nimport \"crypto/tls\"\n\nvar _ = &tls.Config{InsecureSkipVerify: true}\n\nfunc main() {}\n"
	for level, prefix := range map[string]string{"error": "", "warning": "warning: ", "note": "note: "} {
		t.Run(level, func(t *testing.T) {
			dir := writeModule(t,
				"go.mod", healthyGoMod,
				".microsec.yml", "version: 1\nrules:\n  insecuretransport:\n    severity: "+level+"\n",
				"main.go", src,
			)
			r := runBinary(t, dir)
			if !strings.HasPrefix(r.stdout, "main.go:5:41: "+prefix+"tls.Config") || strings.Count(r.stdout, "\n") != 1 {
				t.Errorf("severity %s: text output\n%s\nwant one line main.go:5:41: %stls.Config...; stderr:\n%s", level, r.stdout, prefix, r.stderr)
			}
			if r.code != code[level] {
				t.Errorf("severity %s: exit %d, want %d", level, r.code, code[level])
			}
		})
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestOutputFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "report.json")
	r := runBinary(t, fixture("v4service"), "-format", "json", "-o", out)
	if r.code != exitFindings || r.stdout != "" {
		t.Fatalf("exit %d, stdout %q; want %d and nothing on stdout", r.code, r.stdout, exitFindings)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := os.ReadFile(filepath.Join("..", "..", "testdata", "e2e", "v4service.json"))
	if !bytes.Equal(data, want) {
		t.Errorf("-o file differs from the golden JSON")
	}
}

// TestBrokenPackage: a package that does not type-check is named on stderr,
// the other packages' findings are still printed, and the exit code is 1.
func TestBrokenPackage(t *testing.T) {
	r := runBinary(t, fixture("broken"))
	if r.code != exitFailed {
		t.Errorf("exit %d, want %d", r.code, exitFailed)
	}
	if !strings.Contains(r.stderr, "example.com/broken/typeerr") || !strings.Contains(r.stderr, "typeerr.go:5") {
		t.Errorf("stderr does not name the broken package and its error:\n%s", r.stderr)
	}
	if !strings.Contains(r.stdout, "tlsuse/tlsuse.go:8:") {
		t.Errorf("finding in the healthy package is missing:\n%s", r.stdout)
	}
}

func TestNoModule(t *testing.T) {
	r := runBinary(t, t.TempDir())
	if r.code != exitFailed {
		t.Errorf("exit %d, want %d", r.code, exitFailed)
	}
	if lines := strings.Count(r.stderr, "\n"); lines != 1 || !strings.Contains(r.stderr, "no go.mod") {
		t.Errorf("stderr = %q, want one line about the missing go.mod", r.stderr)
	}
}

// TestVetTool runs the binary under go vet and expects the same findings as
// the text output, in go vet's format: on the v4 service, and on a module
// whose .microsec.yml disables a rule and excludes a file, and whose
// source silences a finding with a directive.
func TestVetTool(t *testing.T) {
	vetMatchesText(t, fixture("v4service"))

	secret := func(name string) string {
		//microsec:ignore hardcodedsecret -- made-up passwords the test plants
		return "const " + name + " = \"Zq7vR2mXw9Lp4kTb\"\n\nvar _ = " + name + "\n"
	}
	dir := writeModule(t,
		"go.mod", healthyGoMod,
		".microsec.yml", "disable: [insecuretransport]\nexclude:\n  - legacy.go\n",
		"main.go", "package main\n\nimport \"crypto/tls\"\n\nvar _ = &tls.Config{InsecureSkipVerify: true}\n\n"+
			secret("password")+"\n//microsec:ignore hardcodedsecret -- a fixture's password\n"+secret("dbPassword")+"\nfunc main() {}\n",
		"legacy.go", "package main\n\n"+secret("adminPassword"),
	)
	if n := vetMatchesText(t, dir); n != 1 {
		t.Errorf("%d findings, want 1: the password not silenced", n)
	}
}

// vetMatchesText checks that go vet -vettool reports in dir what the text
// output does, and returns how many findings that is.
func vetMatchesText(t *testing.T, dir string) int {
	t.Helper()
	text := runBinary(t, dir)
	var want []string
	for _, line := range strings.Split(strings.TrimSpace(text.stdout), "\n") {
		if line == "" {
			continue
		}
		// go vet prints no severity.
		file, rest, _ := strings.Cut(line, ": ")
		rest = strings.TrimPrefix(strings.TrimPrefix(rest, "warning: "), "note: ")
		line = file + ": " + rest
		i := strings.LastIndex(line, " (")
		want = append(want, line[:i])
	}

	//microsec:ignore cmdinjection -- the vet tool is the binary TestMain built
	cmd := exec.Command("go", "vet", "-vettool="+binary, "./...")
	cmd.Dir = dir
	cmd.Env = offlineEnv()
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 {
		t.Fatalf("go vet: %v, want exit status 1 for findings\n%s", err, out)
	}
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		got = append(got, line)
	}
	sort.Strings(got)
	sort.Strings(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("go vet findings:\n%s\nwant (from text output):\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	return len(want)
}

// TestVetToolSettings: go vet keeps the tool's results in its cache, yet a
// change to .microsec.yml takes effect in the next run; and the settings
// file of a dependency's module, broken or not, is not read.
func TestVetToolSettings(t *testing.T) {
	dir := writeModule(t,
		"go.mod", healthyGoMod+"\nrequire example.com/dep v0.0.0\n\nreplace example.com/dep => ./dep\n",
		".microsec.yml", "version: 1\n",
		"main.go", "package main\n\nimport (\n\t\"crypto/tls\"\n\n\t\"example.com/dep\"\n)\n\n"+
			"var _ = &tls.Config{InsecureSkipVerify: true}\n\nfunc main() { dep.F() }\n",
		"dep/go.mod", "module example.com/dep\n\ngo 1.26\n",
		"dep/.microsec.yml", "bogus: 1\n",
		"dep/dep.go", "package dep\n\nfunc F() {}\n",
	)
	vet := func() (string, int) {
		t.Helper()
		//microsec:ignore cmdinjection -- the vet tool is the binary TestMain built
		cmd := exec.Command("go", "vet", "-vettool="+binary, "./...")
		cmd.Dir = dir
		cmd.Env = offlineEnv()
		out, err := cmd.CombinedOutput()
		var exit *exec.ExitError
		if err != nil && !errors.As(err, &exit) {
			t.Fatal(err)
		}
		return string(out), cmd.ProcessState.ExitCode()
	}
	if out, code := vet(); code != 1 || !strings.Contains(out, "main.go:9:") || strings.Contains(out, "bogus") {
		t.Fatalf("go vet: exit %d, want 1 and the one finding in main.go, nothing of dep's settings:\n%s", code, out)
	}
	if err := os.WriteFile(filepath.Join(dir, ".microsec.yml"), []byte("version: 1\ndisable: [insecuretransport]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, code := vet(); code != 0 {
		t.Errorf("go vet after disabling the rule: exit %d, want 0 (old results replayed?):\n%s", code, out)
	}
	// Two settings files in one directory are an error, cached or not.
	if err := os.WriteFile(filepath.Join(dir, ".microsec.yaml"), []byte("version: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, code := vet(); code == 0 || !strings.Contains(out, "keep one") {
		t.Errorf("go vet beside two settings files: exit %d, want the error that says to keep one:\n%s", code, out)
	}
	if err := os.Remove(filepath.Join(dir, ".microsec.yaml")); err != nil {
		t.Fatal(err)
	}
	// go vet run from one directory of the module on a package in
	// another sees a settings file added beside that package.
	if err := os.WriteFile(filepath.Join(dir, ".microsec.yml"), []byte("version: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{
		"tools/tools.go": "package tools\n\nimport \"crypto/tls\"\n\nvar Cfg = &tls.Config{InsecureSkipVerify: true}\n",
		"cmdx/x.go":      "package cmdx\n",
	} {
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	vetTools := func() int {
		t.Helper()
		//microsec:ignore cmdinjection -- the vet tool is the binary TestMain built
		cmd := exec.Command("go", "vet", "-vettool="+binary, "../tools")
		cmd.Dir = filepath.Join(dir, "cmdx")
		cmd.Env = offlineEnv()
		cmd.Run()
		return cmd.ProcessState.ExitCode()
	}
	if code := vetTools(); code != 1 {
		t.Fatalf("go vet ../tools: exit %d, want 1 for its finding", code)
	}
	if err := os.WriteFile(filepath.Join(dir, "tools", ".microsec.yml"), []byte("version: 1\ndisable: [insecuretransport]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code := vetTools(); code != 0 {
		t.Errorf("go vet ../tools after tools/.microsec.yml disabled the rule: exit %d, want 0", code)
	}
}

// TestVetToolRuleFlag: a rule named on go vet's command line runs even
// where .microsec.yml disables it, as with the command's -enable; one
// named false does not run.
func TestVetToolRuleFlag(t *testing.T) {
	dir := writeModule(t,
		"go.mod", healthyGoMod,
		".microsec.yml", "version: 1\ndisable: [insecuretransport]\n",
		"main.go", "package main\n\nimport \"crypto/tls\"\n\nvar _ = &tls.Config{InsecureSkipVerify: true}\n\nfunc main() {}\n",
	)
	vet := func(flags ...string) (string, int) {
		t.Helper()
		//microsec:ignore cmdinjection -- the vet tool is the binary TestMain built
		cmd := exec.Command("go", append(append([]string{"vet", "-vettool=" + binary}, flags...), "./...")...)
		cmd.Dir = dir
		cmd.Env = offlineEnv()
		out, _ := cmd.CombinedOutput()
		return string(out), cmd.ProcessState.ExitCode()
	}
	if out, code := vet("-insecuretransport"); code != 1 || !strings.Contains(out, "main.go:5:") {
		t.Errorf("go vet -insecuretransport: exit %d, want 1 and the finding the settings' disable would hide:\n%s", code, out)
	}
	if err := os.WriteFile(filepath.Join(dir, ".microsec.yml"), []byte("version: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, code := vet("-insecuretransport=false"); code != 0 {
		t.Errorf("go vet -insecuretransport=false: exit %d, want 0:\n%s", code, out)
	}
}

// TestVetToolBadFlag: go vet runs the tool on every package, the standard
// library included, and cannot check a rule flag's value before: a bad one
// is told in one line for each package named, once here, not for each
// dependency, and without the whole usage. A good value is no mistake.
func TestVetToolBadFlag(t *testing.T) {
	dir := writeModule(t, "go.mod", healthyGoMod, "main.go", "package main\n\nimport \"database/sql\"\n\nvar _ = sql.Open\n\nfunc main() {}\n")
	vet := func(flags ...string) (string, int) {
		t.Helper()
		//microsec:ignore cmdinjection -- the vet tool is the binary TestMain built
		cmd := exec.Command("go", append(append([]string{"vet", "-vettool=" + binary}, flags...), "./...")...)
		cmd.Dir = dir
		cmd.Env = offlineEnv()
		out, _ := cmd.CombinedOutput()
		return string(out), cmd.ProcessState.ExitCode()
	}
	const want = `invalid value "notafunc" for flag -sqlconcat.sinks`
	for _, flags := range [][]string{{"-sqlconcat.sinks=notafunc"}, {"-sqlconcat.sinks", "notafunc"}, {"--sqlconcat.sinks=notafunc"}} {
		out, code := vet(flags...)
		if n := strings.Count(out, want); n != 1 || code == 0 || strings.Contains(out, "static analysis") {
			t.Errorf("go vet %q: exit %d, printed:\n%s\nwant a failure and the cause once, for the one package named, without the usage", flags, code, out)
		}
	}
	if out, code := vet("-sqlconcat.sinks=example.com/db.Query"); code != 0 {
		t.Errorf("go vet with a good -sqlconcat.sinks: exit %d:\n%s", code, out)
	}
}

// TestVetToolBadFlagCached: go vet caches a unit that succeeds, and keys
// the cache without telling a dependency's facts-only run from a run on a
// package named: a bad rule flag that a dependency's run let pass would
// let the same package, named in the next go vet, pass too. With a build
// cache of its own, go vet on ./cmd, then on the ./lib it imports, both
// fail and tell why.
func TestVetToolBadFlagCached(t *testing.T) {
	dir := writeModule(t,
		"go.mod", healthyGoMod,
		"cmd/cmd.go", "package cmd\n\nimport \"example.com/bad/lib\"\n\nvar _ = lib.Run\n",
		"lib/lib.go", "package lib\n\nfunc Run(q string) string { return q }\n",
	)
	cache := t.TempDir()
	const want = `invalid value "notafunc" for flag -sqlconcat.sinks`
	for _, pkg := range []string{"./cmd", "./lib", "./lib"} {
		//microsec:ignore cmdinjection -- the vet tool is the binary TestMain built
		cmd := exec.Command("go", "vet", "-vettool="+binary, "-sqlconcat.sinks=notafunc", pkg)
		cmd.Dir = dir
		cmd.Env = append(offlineEnv(), "GOCACHE="+cache)
		out, _ := cmd.CombinedOutput()
		if code := cmd.ProcessState.ExitCode(); code == 0 || strings.Count(string(out), want) != 1 {
			t.Errorf("go vet %s with a bad flag value: exit %d, printed:\n%s\nwant a failure and the cause once", pkg, code, out)
		}
	}
}

// TestLSPSubcommand starts "microsec-lint lsp" and ends it with the exit
// notification alone, which the protocol answers with exit status 1; the
// session itself is tested in internal/lsp.
func TestLSPSubcommand(t *testing.T) {
	//microsec:ignore cmdinjection -- runs the binary TestMain built
	cmd := exec.Command(binary, "lsp")
	body := `{"jsonrpc":"2.0","method":"exit"}`
	cmd.Stdin = strings.NewReader("Content-Length: " + strconv.Itoa(len(body)) + "\r\n\r\n" + body)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != exitFailed {
		t.Errorf("lsp exited with %v, want status %d; stderr:\n%s", err, exitFailed, stderr.String())
	}
	if !strings.Contains(stderr.String(), "without a shutdown request") {
		t.Errorf("stderr does not explain the exit: %q", stderr.String())
	}
}

// TestLSPSubcommandLifecycle: a client that writes initialize, shutdown
// and exit at once, and closes its end, gets both replies, in order, and
// exit status 0.
func TestLSPSubcommandLifecycle(t *testing.T) {
	var in strings.Builder
	for _, body := range []string{
		`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}`,
		`{"jsonrpc":"2.0","id":2,"method":"shutdown"}`,
		`{"jsonrpc":"2.0","method":"exit"}`,
	} {
		in.WriteString("Content-Length: " + strconv.Itoa(len(body)) + "\r\n\r\n" + body)
	}
	// A -config file that cannot be applied is the server's to show, once
	// the editor has asked for diagnostics: it starts all the same.
	bad := filepath.Join(t.TempDir(), "bad.yml")
	if err := os.WriteFile(bad, []byte("version: 1\nsevrity: note\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for i, args := range [][]string{{"lsp"}, {"lsp"}, {"lsp"}, {"lsp", "-config", bad}, {"lsp", "-config", bad + ".missing"}} {
		//microsec:ignore cmdinjection -- runs the binary TestMain built
		cmd := exec.Command(binary, args...)
		cmd.Dir = t.TempDir()
		cmd.Stdin = strings.NewReader(in.String())
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("run %d, %q exited with %v, want status 0; stderr:\n%s", i, args, err, stderr.String())
		}
		var replies []string
		for _, m := range strings.Split(stdout.String(), "Content-Length: ")[1:] {
			if !strings.Contains(m, `"method"`) { // not a notification
				replies = append(replies, m)
			}
		}
		if len(replies) != 2 || !strings.Contains(replies[0], `"id":1`) || !strings.Contains(replies[0], `"capabilities"`) ||
			!strings.Contains(replies[1], `"id":2`) || !strings.Contains(replies[1], `"result":null`) {
			t.Fatalf("stdout does not hold the reply to initialize and then that to shutdown:\n%s", stdout.String())
		}
	}
}

// vulnFixture is the module of internal/vulncheck's tests that calls
// golang.org/x/text/language.Parse at v0.3.6 (GO-2021-0113), and vulnDB its
// database of real OSV entries.
var (
	vulnFixture = filepath.Join("..", "..", "internal", "vulncheck", "testdata", "calls")
	vulnDB      = filepath.Join("..", "..", "internal", "vulncheck", "testdata", "osv")
)

func runVuln(t *testing.T, args ...string) result {
	t.Helper()
	return runVulnIn(t, vulnFixture, args...)
}

// runVulnIn runs the binary in dir with vulnDB as the database.
func runVulnIn(t *testing.T, dir string, args ...string) result {
	t.Helper()
	db, err := filepath.Abs(vulnDB)
	if err != nil {
		t.Fatal(err)
	}
	// GOVERSION pins the standard library version the scan assumes, so
	// that the toolchain running the tests does not change the findings.
	t.Setenv("GOVERSION", "go1.26.8")
	return runBinary(t, dir, append([]string{"-vulndb", db}, args...)...)
}

// TestVulncheckEndToEnd: a reachable vulnerability is a finding at the
// calling line, under its OSV id, with exit code 3, in every format.
func TestVulncheckEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("four govulncheck scans; run without -short")
	}
	text := runVuln(t)
	if text.code != exitFindings {
		t.Fatalf("exit %d, want %d; stderr:\n%s", text.code, exitFindings, text.stderr)
	}
	golden(t, "vulncheck.txt", text.stdout)

	js := runVuln(t, "-format", "json")
	var doc struct {
		Findings []struct {
			Rule       string            `json:"rule"`
			File       string            `json:"file"`
			Line       int               `json:"line"`
			Properties map[string]string `json:"properties"`
			Trace      []struct {
				Function string `json:"function"`
			} `json:"trace"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(js.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Findings) != 1 {
		t.Fatalf("JSON findings = %+v, want one", doc.Findings)
	}
	f := doc.Findings[0]
	var trace []string
	for _, fr := range f.Trace {
		trace = append(trace, fr.Function)
	}
	if f.Rule != "GO-2021-0113" || f.File != "main.go" || f.Line != 23 ||
		!strings.Contains(f.Properties["aliases"], "CVE-2021-38561") ||
		len(trace) == 0 || trace[len(trace)-1] != "golang.org/x/text/language.Parse" {
		t.Errorf("JSON finding = %+v, trace %v", f, trace)
	}

	sarif := runVuln(t, "-format", "sarif")
	if sarif.code != exitFindings {
		t.Fatalf("SARIF exit %d; stderr:\n%s", sarif.code, sarif.stderr)
	}
	if !strings.Contains(sarif.stdout, `"codeFlows"`) || !strings.Contains(sarif.stdout, `"ruleId": "GO-2021-0113"`) {
		t.Errorf("SARIF lacks the vulnerability's rule or code flow")
	}
	for _, p := range sariftest.Validate(t, []byte(sarif.stdout)) {
		t.Error(p)
	}

	off := runVuln(t, "-disable", "vulncheck")
	if off.code != exitClean || off.stdout != "" {
		t.Errorf("-disable vulncheck: exit %d, stdout %q", off.code, off.stdout)
	}
}

// TestVulncheckUnreachableDB: when no database can be read, the run says so
// in one line, exits 1, and still prints the analyzers' findings.
func TestVulncheckUnreachableDB(t *testing.T) {
	r := runBinary(t, fixture("v4service"), "-vulndb", "https://127.0.0.1:1")
	if r.code != exitFailed {
		t.Errorf("exit %d, want %d", r.code, exitFailed)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "testdata", "e2e", "v4service.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if r.stdout != string(want) {
		t.Errorf("analyzer findings missing or changed:\n%s", r.stdout)
	}
	if lines := strings.Split(strings.TrimSpace(r.stderr), "\n"); len(lines) != 1 || !strings.Contains(lines[0], "vulncheck") || !strings.Contains(lines[0], "127.0.0.1:1") {
		t.Errorf("stderr = %q, want one line naming vulncheck and the database", r.stderr)
	}
}

// TestSecretsRedactedInEveryFormat: the fixture's hard-coded secrets are
// reported, and no output format repeats them whole.
func TestSecretsRedactedInEveryFormat(t *testing.T) {
	secrets := []string{"n8Vq2LrT5wXe9KzP4mYd7HcJ", "Zt7qW2xLp9vNc4Rb"}
	for _, format := range []string{"text", "json", "sarif"} {
		r := runBinary(t, fixture("v4service"), "-format", format)
		if !strings.Contains(r.stdout, "hardcodedsecret") {
			t.Errorf("%s: no hardcodedsecret finding", format)
		}
		for _, s := range secrets {
			// Any run of 8 characters of the secret counts as a leak.
			for i := 0; i+8 <= len(s); i++ {
				if strings.Contains(r.stdout, s[i:i+8]) {
					t.Errorf("%s output contains %q, part of a hard-coded secret", format, s[i:i+8])
					break
				}
			}
		}
	}
}

// TestVulncheckBesideBrokenPackage: govulncheck refuses a module with an
// ill-typed package; the run names that package and still reports the
// reachable vulnerability of the others.
func TestVulncheckBesideBrokenPackage(t *testing.T) {
	if testing.Short() {
		t.Skip("two govulncheck scans; run without -short")
	}
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(vulnFixture)); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "broken"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "broken", "b.go"), []byte("package broken\n\nvar X int = \"x\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runVulnIn(t, dir)
	if r.code != exitFailed {
		t.Errorf("exit %d, want %d", r.code, exitFailed)
	}
	if !strings.Contains(r.stdout, "(GO-2021-0113)") {
		t.Errorf("the vulnerability of the healthy package is missing:\n%s", r.stdout)
	}
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	if len(lines) != 1 || !strings.Contains(lines[0], "broken") || strings.Contains(lines[0], "vulncheck") {
		t.Errorf("stderr = %q, want one line naming the broken package", r.stderr)
	}
}

// TestWorkspaceRoot: at the root of a go.work workspace that is no module
// itself, ./... (the default) covers the workspace's modules below the
// root: the rules' findings in them, and the reachable vulnerability that
// govulncheck, which needs a go.mod where it runs, finds in one of them;
// paths are relative to the root. The first module go.work lists is
// outside the root, and another sits below a go.work of its own: neither
// may send govulncheck to another workspace, and the module outside is
// not analysed.
func TestWorkspaceRoot(t *testing.T) {
	if testing.Short() {
		t.Skip("a govulncheck scan; run without -short")
	}
	shell := "package main\n\nimport (\n\t\"os\"\n\t\"os/exec\"\n)\n\nfunc main() { exec.Command(\"sh\", \"-c\", os.Args[1]).Run() }\n"
	top := writeModule(t,
		"root/go.work", "go 1.22\n\nuse (\n\t../outside\n\t./calls\n\t./inner/tool\n)\n",
		"root/inner/go.work", "go 1.22\n\nuse ./tool\n",
		"root/inner/tool/go.mod", "module example.com/tool\n\ngo 1.22\n",
		"root/inner/tool/tool.go", shell,
		"outside/go.mod", "module example.com/outside\n\ngo 1.22\n",
		"outside/outside.go", shell,
	)
	dir := filepath.Join(top, "root")
	if err := os.CopyFS(filepath.Join(dir, "calls"), os.DirFS(vulnFixture)); err != nil {
		t.Fatal(err)
	}
	r := runVulnIn(t, dir)
	if r.code != exitFindings || r.stderr != "" {
		t.Fatalf("exit %d, want %d; stderr:\n%s", r.code, exitFindings, r.stderr)
	}
	for _, want := range []string{"calls/main.go:23:", "(GO-2021-0113)", "inner/tool/tool.go:8:", "(cmdinjection)"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, r.stdout)
		}
	}
	if strings.Contains(r.stdout, "outside.go") {
		t.Errorf("the module outside the root was analysed:\n%s", r.stdout)
	}
}

// TestVulncheckFilePattern: govulncheck takes packages, not files; a Go
// file named on the command line (as a pre-commit hook names the files it
// checks) has the package in its directory scanned, instead of failing the
// run.
func TestVulncheckFilePattern(t *testing.T) {
	if testing.Short() {
		t.Skip("a govulncheck scan; run without -short")
	}
	r := runVuln(t, "main.go")
	if r.code != exitFindings || r.stderr != "" || !strings.Contains(r.stdout, "main.go:23:28:") || !strings.Contains(r.stdout, "(GO-2021-0113)") {
		t.Errorf("exit %d, want %d, with GO-2021-0113 at main.go:23:28; stdout:\n%s\nstderr:\n%s", r.code, exitFindings, r.stdout, r.stderr)
	}
}

// TestVulncheckDirective: a //microsec:ignore directive silences a
// vulnerability by the rule's name or by its OSV id, and is not reported
// as naming an unknown rule.
func TestVulncheckDirective(t *testing.T) {
	if testing.Short() {
		t.Skip("govulncheck scans; run without -short")
	}
	for _, name := range []string{"vulncheck", "GO-2021-0113"} {
		dir := t.TempDir()
		if err := os.CopyFS(dir, os.DirFS(vulnFixture)); err != nil {
			t.Fatal(err)
		}
		main := filepath.Join(dir, "main.go")
		src, err := os.ReadFile(main)
		if err != nil {
			t.Fatal(err)
		}
		call := "\ttag, err := language.Parse(s)\n"
		if !bytes.Contains(src, []byte(call)) {
			t.Fatalf("the fixture no longer calls language.Parse as %q", call)
		}
		src = bytes.Replace(src, []byte(call), []byte("\t//microsec:ignore "+name+" -- input is checked upstream\n"+call), 1)
		if err := os.WriteFile(main, src, 0o644); err != nil {
			t.Fatal(err)
		}
		r := runVulnIn(t, dir, "-format", "json")
		var doc struct {
			Findings []struct {
				Rule        string          `json:"rule"`
				Suppression json.RawMessage `json:"suppression"`
			} `json:"findings"`
		}
		if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
			t.Fatalf("%s: %v:\n%s%s", name, err, r.stdout, r.stderr)
		}
		if r.code != exitClean || len(doc.Findings) != 1 || doc.Findings[0].Rule != "GO-2021-0113" || string(doc.Findings[0].Suppression) == "null" {
			t.Errorf("directive %q: exit %d, findings %+v; want exit %d and GO-2021-0113 suppressed:\n%s", name, r.code, doc.Findings, exitClean, r.stderr)
		}
	}
}

// TestBaselineAndNewFromRev: a run with the baseline it wrote reports
// nothing; a fault added after it is reported alone, by -baseline and by
// -new-from-rev against the commit that holds the rest.
func TestBaselineAndNewFromRev(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(fixture("v4service"))); err != nil {
		t.Fatal(err)
	}
	base := filepath.Join(dir, "base.json")
	if r := runBinary(t, dir, "-write-baseline", base); r.code != exitFindings {
		t.Fatalf("-write-baseline: exit %d, want %d; stderr:\n%s", r.code, exitFindings, r.stderr)
	}
	if r := runBinary(t, dir, "-baseline", base); r.code != exitClean || r.stdout != "" {
		t.Fatalf("-baseline right after -write-baseline: exit %d, stdout:\n%s", r.code, r.stdout)
	}

	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
			"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com", "GIT_CONFIG_GLOBAL=/dev/null")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	git("init", "-q")
	git("add", ".")
	git("commit", "-qm", "base")

	added := "package main\n\nimport \"crypto/tls\"\n\nfunc laterClient() *tls.Config {\n\treturn &tls.Config{InsecureSkipVerify: true}\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "fault_later.go"), []byte(added), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"-baseline", base}, {"-new-from-rev", "HEAD"}} {
		r := runBinary(t, dir, args...)
		lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
		if r.code != exitFindings || len(lines) != 1 || !strings.HasPrefix(lines[0], "fault_later.go:6:") {
			t.Errorf("%s: exit %d, stdout:\n%s\nwant exit %d and the one finding of fault_later.go", strings.Join(args, " "), r.code, r.stdout, exitFindings)
		}
	}

	// A baseline written in a run that reads one records every finding
	// of the run, the old baseline brought up to date, and the run still
	// reports only what the old one did not accept.
	all := runBinary(t, dir)
	next := filepath.Join(dir, "next.json")
	r := runBinary(t, dir, "-baseline", base, "-write-baseline", next)
	if lines := strings.Split(strings.TrimSpace(r.stdout), "\n"); r.code != exitFindings || len(lines) != 1 {
		t.Errorf("-baseline with -write-baseline: exit %d, stdout:\n%s\nwant the one new finding", r.code, r.stdout)
	}
	if r := runBinary(t, dir, "-baseline", next); r.code != exitClean || r.stdout != "" {
		t.Errorf("-baseline with the brought-up-to-date baseline: exit %d, stdout:\n%s\nwant none of the run's %d findings",
			r.code, r.stdout, len(strings.Split(strings.TrimSpace(all.stdout), "\n")))
	}
}

// TestLineDirectives: a //line directive moves no finding. One that names
// a .pb.go file does not make a hand-written fault generated code (whose
// findings are dropped by default), and one that names no file does not
// leave a finding without a location, which SARIF must have.
func TestLineDirectives(t *testing.T) {
	dir := writeModule(t,
		"go.mod", healthyGoMod,
		"main.go", "package main\n\nimport (\n\t\"database/sql\"\n\t\"os\"\n)\n\nfunc main() {\n"+
			"\tdb, _ := sql.Open(\"postgres\", os.Getenv(\"DSN\"))\n"+
			"//line orders.pb.go:10\n"+
			"\tdb.Exec(\"DELETE FROM orders WHERE id = \" + os.Args[1])\n"+
			"//line :5\n"+
			"\tdb.Exec(\"DELETE FROM users WHERE id = \" + os.Args[2])\n}\n",
	)
	r := runBinary(t, dir)
	var places []string
	for _, l := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		place, _, _ := strings.Cut(l, ": ")
		places = append(places, place)
	}
	if r.code != exitFindings || strings.Join(places, " ") != "main.go:11:2 main.go:13:2" {
		t.Errorf("exit %d, findings at %q; want %d and the two faults where they are in main.go:\n%s%s", r.code, places, exitFindings, r.stdout, r.stderr)
	}
	sarif := runBinary(t, dir, "-format", "sarif")
	for _, p := range sariftest.Validate(t, []byte(sarif.stdout)) {
		t.Error(p)
	}
}

// TestCgoPositions: in a package that imports "C", the type checker reads
// the files cmd/cgo wrote into the build cache; findings, their fixes,
// suppression comments and the place of a helper's sink are all in the
// package's own file, where cgo's //line directives lead.
func TestCgoPositions(t *testing.T) {
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("no C compiler")
	}
	dir := writeModule(t,
		"go.mod", healthyGoMod,
		"c/c.go", "package c\n\n/*\nint two(void) { return 2; }\n*/\nimport \"C\"\n\nimport (\n\t\"crypto/tls\"\n\t\"database/sql\"\n)\n\n"+
			"var Cfg = &tls.Config{InsecureSkipVerify: true}\n\n"+
			"//microsec:ignore insecuretransport -- a test of the directive\n"+
			"var Quiet = &tls.Config{InsecureSkipVerify: true}\n\n"+
			"func Two() int { return int(C.two()) }\n\n"+
			"func Run(db *sql.DB, q string) { db.Exec(q) }\n",
		"main.go", "package main\n\nimport (\n\t\"database/sql\"\n\t\"os\"\n\n\t\"example.com/bad/c\"\n)\n\n"+
			"func main() {\n\tdb, _ := sql.Open(\"postgres\", \"\")\n\tc.Run(db, \"DELETE FROM t WHERE id = \"+os.Args[1])\n}\n",
	)
	r := runBinary(t, dir)
	want := []string{
		"c/c.go:13:43: tls.Config sets InsecureSkipVerify",
		"main.go:12:2: query text that c.Run passes to (*sql.DB).Exec (c/c.go:20) is built from external input",
	}
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if r.code != exitFindings || len(lines) != len(want) {
		t.Fatalf("exit %d, %d findings; want %d and %d:\n%s%s", r.code, len(lines), exitFindings, len(want), r.stdout, r.stderr)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("finding %d is %q, want it to start with %q", i, lines[i], w)
		}
	}
	var out struct {
		Findings []struct {
			File  string `json:"file"`
			Fixes []struct {
				Edits []struct {
					Offset    int `json:"offset"`
					EndOffset int `json:"end_offset"`
				} `json:"edits"`
			} `json:"suggested_fixes"`
		} `json:"findings"`
	}
	j := runBinary(t, dir, "-format", "json")
	if err := json.Unmarshal([]byte(j.stdout), &out); err != nil {
		t.Fatalf("%v:\n%s", err, j.stdout)
	}
	src, err := os.ReadFile(filepath.Join(dir, "c", "c.go"))
	if err != nil {
		t.Fatal(err)
	}
	fixed := false
	for _, f := range out.Findings {
		for _, fix := range f.Fixes {
			for _, e := range fix.Edits {
				if f.File != "c/c.go" || e.Offset < 0 || e.EndOffset > len(src) || string(src[e.Offset:e.EndOffset]) != "true" {
					t.Errorf("fix edit at %s bytes %d-%d, want it over the word true in c/c.go", f.File, e.Offset, e.EndOffset)
				}
				fixed = true
			}
		}
	}
	if !fixed {
		t.Errorf("no suggested fix in:\n%s", j.stdout)
	}
	sarif := runBinary(t, dir, "-format", "sarif")
	for _, p := range sariftest.Validate(t, []byte(sarif.stdout)) {
		t.Error(p)
	}
}

// TestCgoFixesApply: cgo rewrites some lines of a file (import "C" among
// them); a suggested fix placed by the rewritten text would break the
// user's file, so every fix offered in a cgo file applies cleanly.
func TestCgoFixesApply(t *testing.T) {
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("no C compiler")
	}
	//microsec:ignore hardcodedsecret -- a made-up key the test plants
	src := "package c\n\n/*\nint two(void) { return 2; }\n*/\nimport \"C\"\n\nimport (\n\t\"crypto/tls\"\n\t\"net/http\"\n)\n\n" +
		"func Two() int { return int(C.two()) }\n\n" +
		"func Key(r *http.Request) {\n\tapiKey := \"AKIAQWERTYUIOPASDFGH\"\n\tr.SetBasicAuth(\"u\", apiKey)\n}\n\n" +
		"var Cfg = &tls.Config{InsecureSkipVerify: true}\n"
	dir := writeModule(t, "go.mod", healthyGoMod, "c/c.go", src)
	j := runBinary(t, dir, "-format", "json")
	var out struct {
		Findings []struct {
			Rule  string `json:"rule"`
			Fixes []struct {
				Edits []struct {
					Offset    int    `json:"offset"`
					EndOffset int    `json:"end_offset"`
					NewText   string `json:"new_text"`
				} `json:"edits"`
			} `json:"suggested_fixes"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(j.stdout), &out); err != nil {
		t.Fatalf("%v:\n%s", err, j.stdout)
	}
	rules := map[string]bool{}
	for _, f := range out.Findings {
		rules[f.Rule] = true
		for _, fix := range f.Fixes {
			text := src
			edits := fix.Edits
			sort.Slice(edits, func(a, b int) bool { return edits[a].Offset > edits[b].Offset })
			for _, e := range edits {
				text = text[:e.Offset] + e.NewText + text[e.EndOffset:]
			}
			if _, err := parser.ParseFile(token.NewFileSet(), "c.go", text, 0); err != nil {
				t.Errorf("the %s fix breaks the file: %v\n%s", f.Rule, err, text)
			}
		}
	}
	if !rules["hardcodedsecret"] || !rules["insecuretransport"] {
		t.Errorf("findings of rules %v, want hardcodedsecret and insecuretransport:\n%s", rules, j.stdout)
	}
}
