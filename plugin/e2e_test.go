package plugin

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/microsec-lint/microsec-lint/analyzers"
	"gopkg.in/yaml.v3"
)

// TestGolangciLintEndToEnd builds golangci-lint with the plugin the way
// "golangci-lint custom" does, but from the Go module proxy instead of a
// GitHub clone, and checks that it reports on the fixture module exactly
// what microsec-lint reports.
//
// It reads the golangci-lint version and the plugin's module and import
// path from .golangci-plugin.yml, so that file is tested too. The go
// command runs with GOPROXY=off: scripts/test.sh downloads golangci-lint's
// modules first. Without them the test skips, or fails when
// MICROSEC_REQUIRE_TOOLS=1. The binary is kept in .tools/golangci-lint-e2e
// under a hash of everything that goes into it; MICROSEC_E2E_REBUILD=1
// ignores it.
func TestGolangciLintEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("builds golangci-lint (minutes without a warm build cache)")
	}
	if len(analyzers.All()) == 0 {
		t.Skip("analyzers.All() has no rules yet")
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	spec := readPluginConfig(t, filepath.Join(root, ".golangci-plugin.yml"))

	start := time.Now()
	gcl := golangciLint(t, root, spec)
	t.Logf("golangci-lint with the plugin ready in %v", time.Since(start).Round(time.Second))

	fixture := filepath.Join(root, "testdata", "e2e", "v4service")
	start = time.Now()
	want := cliFindings(t, root, fixture)
	got := golangciFindings(t, gcl, fixture, "exclude-generated: true")
	t.Logf("both linters ran in %v", time.Since(start).Round(time.Second))
	if len(want) == 0 {
		t.Fatal("microsec-lint found nothing in the fixture: the comparison would prove nothing")
	}
	if !slices.Equal(got, want) {
		t.Errorf("golangci-lint findings differ from microsec-lint's\n--- golangci-lint\n%s\n--- microsec-lint\n%s",
			strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// Settings are decoded strictly in the real binary too.
	start = time.Now()
	defer func() { t.Logf("two more golangci-lint runs in %v", time.Since(start).Round(time.Second)) }()
	out, code := runGolangciLint(t, gcl, fixture, "rules:\n  insecuretransport:\n    sevrity: note")
	const msg = `plugin(microsec): newPlugin linters.settings.custom.microsec.settings: unknown key "sevrity" in rules.insecuretransport`
	if code == 0 || code == 1 || !strings.Contains(out, msg) {
		t.Errorf("golangci-lint with a misspelt setting: exit %d, want an error containing %s; output:\n%s", code, msg, out)
	}

	// The .golangci.yml of docs/golangci-lint.md works as documented.
	example := docExample(t, filepath.Join(root, "docs", "golangci-lint.md"))
	confPath := filepath.Join(t.TempDir(), ".golangci.yml")
	if err := os.WriteFile(confPath, []byte(example), 0o644); err != nil {
		t.Fatal(err)
	}
	// Only microsec: golangci-lint's default linters would add a minute
	// and test nothing of ours.
	cmd := exec.Command(gcl, "run", "--config", confPath, "--enable-only", Name, "./...")
	cmd.Dir = fixture
	cmd.Env = append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=readonly",
		"GOLANGCI_LINT_CACHE="+filepath.Join(t.TempDir(), "cache"))
	text, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 || !strings.Contains(string(text), "insecuretransport: ") {
		t.Errorf("golangci-lint with the documented configuration: %v, want exit 1 and insecuretransport findings; output:\n%s", err, text)
	}
}

// docExample returns the YAML block of the documentation that is a
// .golangci.yml (the one that starts with version: "2").
func docExample(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const open = "```yaml\nversion: \"2\"\n"
	_, rest, ok := strings.Cut(string(data), open)
	if !ok {
		t.Fatalf("%s has no .golangci.yml example", path)
	}
	block, _, ok := strings.Cut(rest, "```")
	if !ok {
		t.Fatalf("%s: unterminated example", path)
	}
	return "version: \"2\"\n" + block
}

// pluginConfig is the part of .golangci-plugin.yml (the format of
// golangci-lint's .custom-gcl.yml) the build uses.
type pluginConfig struct {
	Version     string `yaml:"version"`
	Name        string `yaml:"name"`
	Destination string `yaml:"destination"`
	Plugins     []struct {
		Module  string `yaml:"module"`
		Import  string `yaml:"import"`
		Version string `yaml:"version"`
		Path    string `yaml:"path"`
	} `yaml:"plugins"`
}

func readPluginConfig(t *testing.T, path string) pluginConfig {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var pc pluginConfig
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&pc); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if pc.Version != "v2.15.0" || len(pc.Plugins) != 1 {
		t.Fatalf("%s: want golangci-lint v2.15.0 and one plugin, got %+v", path, pc)
	}
	p := pc.Plugins[0]
	if p.Module != "github.com/microsec-lint/microsec-lint" || p.Import != p.Module+"/plugin" || p.Path != "." || p.Version != "" {
		t.Fatalf("%s: the plugin must be this checkout (path: .) imported as %s/plugin, got %+v", path, p.Module, p)
	}
	return pc
}

// missing reports a prerequisite that is not there.
func missing(t *testing.T, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...) + " (scripts/test.sh downloads it)"
	if os.Getenv("MICROSEC_REQUIRE_TOOLS") == "1" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// goEnv is the environment of the go commands that build golangci-lint:
// off the network, outside any workspace, free to edit go.mod.
func goEnv() []string {
	return append(os.Environ(), "GOPROXY=off", "GOWORK=off", "GOFLAGS=-mod=mod -buildvcs=false")
}

func goCmd(t *testing.T, dir string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = goEnv()
	out, err := cmd.CombinedOutput()
	if err != nil {
		return string(out), fmt.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out), nil
}

// golangciLint returns a golangci-lint binary built with the plugin from
// the checkout at root, from the cache when nothing changed.
func golangciLint(t *testing.T, root string, spec pluginConfig) string {
	t.Helper()
	key := buildKey(t, root, spec.Version)
	cacheDir := filepath.Join(root, ".tools", "golangci-lint-e2e")
	exe := "custom-gcl"
	if runtime.GOOS == "windows" {
		exe += ".exe"
	}
	cached := filepath.Join(cacheDir, key, exe)
	if _, err := os.Stat(cached); err == nil && os.Getenv("MICROSEC_E2E_REBUILD") != "1" {
		t.Logf("using %s", cached)
		return cached
	}

	// The module source, as the proxy serves it. The go command runs
	// outside any module, so that it cannot touch this one's go.mod.
	p := spec.Plugins[0]
	work := t.TempDir()
	out, err := goCmd(t, work, "mod", "download", "-json", "github.com/golangci/golangci-lint/v2@"+spec.Version)
	if err != nil {
		missing(t, "golangci-lint %s is not in the module cache: %v", spec.Version, err)
	}
	var mod struct{ Dir, Error string }
	if err := json.Unmarshal([]byte(out), &mod); err != nil || mod.Dir == "" {
		missing(t, "golangci-lint %s is not in the module cache: %s", spec.Version, out)
	}
	src := filepath.Join(work, "golangci-lint")
	if err := os.CopyFS(src, os.DirFS(mod.Dir)); err != nil {
		t.Fatal(err)
	}

	// What "golangci-lint custom" does to its clone: the plugin imports in
	// cmd/golangci-lint/plugins.go, a replace directive for a plugin given
	// by path, go mod tidy, go build.
	imports := fmt.Sprintf("package main\n\nimport (\n\t_ %q\n)\n", p.Import)
	if err := os.WriteFile(filepath.Join(src, "cmd", "golangci-lint", "plugins.go"), []byte(imports), 0o644); err != nil {
		t.Fatal(err)
	}
	pluginDir := filepath.Join(root, p.Path)
	if _, err := goCmd(t, src, "mod", "edit",
		"-require="+p.Module+"@v0.0.0-00010101000000-000000000000",
		"-replace="+p.Module+"="+pluginDir); err != nil {
		t.Fatal(err)
	}
	// With the network off, tidy needs every checksum at hand: those of
	// golangci-lint and of the plugin cover the merged module graph.
	if err := appendFile(filepath.Join(src, "go.sum"), filepath.Join(pluginDir, "go.sum")); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if out, err := goCmd(t, src, "mod", "tidy"); err != nil {
		if strings.Contains(out, "GOPROXY=off") {
			missing(t, "modules golangci-lint needs with the plugin are not in the module cache: %v", err)
		}
		t.Fatal(err)
	}
	t.Logf("go mod tidy: %v", time.Since(start).Round(time.Second))
	start = time.Now()
	built := filepath.Join(t.TempDir(), exe)
	// -trimpath keeps the build cache warm across temporary directories.
	if _, err := goCmd(t, src, "build", "-trimpath", "-o", built, "./cmd/golangci-lint"); err != nil {
		t.Fatal(err)
	}
	t.Logf("go build: %v", time.Since(start).Round(time.Second))

	// Keep only this build in the cache.
	if entries, err := os.ReadDir(cacheDir); err == nil {
		for _, e := range entries {
			if e.Name() != key {
				os.RemoveAll(filepath.Join(cacheDir, e.Name()))
			}
		}
	}
	if err := os.MkdirAll(filepath.Dir(cached), 0o755); err != nil {
		t.Fatal(err)
	}
	tmp := cached + ".tmp"
	if err := copyFile(tmp, built); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, cached); err != nil {
		t.Fatal(err)
	}
	return cached
}

// buildKey hashes what the binary is built from: the golangci-lint
// version, the Go toolchain and target, and every non-test Go file,
// go.mod and go.sum of the checkout.
func buildKey(t *testing.T, root, version string) string {
	t.Helper()
	h := sha256.New()
	out, err := exec.Command("go", "env", "GOVERSION", "GOOS", "GOARCH", "CGO_ENABLED").Output()
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(h, "golangci-lint %s\n%s", version, out)
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		if (strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go")) || rel == "go.mod" || rel == "go.sum" {
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			fmt.Fprintf(h, "%s %d\n", filepath.ToSlash(rel), len(data))
			h.Write(data)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// cliFindings runs microsec-lint on the fixture and returns its findings
// as "file:line:col: rule: message", file absolute, sorted. Suppressed
// findings are left out.
func cliFindings(t *testing.T, root, fixture string) []string {
	t.Helper()
	exe := filepath.Join(t.TempDir(), "microsec-lint")
	build := exec.Command("go", "build", "-o", exe, "./cmd/microsec-lint")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/microsec-lint: %v\n%s", err, out)
	}
	// vulncheck is not an analyzer, and the plugin does not run it.
	//microsec:ignore cmdinjection -- runs the microsec-lint binary this test built
	cmd := exec.Command(exe, "-format", "json", "-disable", "vulncheck", "./...")
	cmd.Dir = fixture
	cmd.Env = append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=readonly")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	var exit *exec.ExitError
	if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 3) {
		t.Fatalf("microsec-lint: %v\n%s", err, stderr.Bytes())
	}
	var doc struct {
		Findings []struct {
			Rule, File, Message string
			Line, Column        int
			Suppression         any
		}
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("microsec-lint -format json: %v\n%s", err, out)
	}
	rules := make(map[string]bool)
	for _, r := range analyzers.All() {
		rules[r.Analyzer.Name] = true
	}
	var lines []string
	for _, f := range doc.Findings {
		if f.Suppression != nil || !rules[f.Rule] {
			continue // golangci-lint runs the analyzers only, without our directives
		}
		file := filepath.FromSlash(f.File)
		if !filepath.IsAbs(file) {
			file = filepath.Join(fixture, file)
		}
		lines = append(lines, fmt.Sprintf("%s:%d:%d: %s: %s", file, f.Line, f.Column, f.Rule, f.Message))
	}
	slices.Sort(lines)
	return lines
}

// golangciFindings runs golangci-lint with only microsec enabled and
// returns its findings in the form cliFindings uses.
func golangciFindings(t *testing.T, gcl, fixture, settings string) []string {
	t.Helper()
	out, code := runGolangciLint(t, gcl, fixture, settings)
	if code != 0 && code != 1 { // 1: issues found
		t.Fatalf("golangci-lint run: exit %d\n%s", code, out)
	}
	var doc struct {
		Issues []struct {
			FromLinter, Text string
			Pos              struct {
				Filename     string
				Line, Column int
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("golangci-lint JSON: %v\n%s", err, out)
	}
	var lines []string
	for _, is := range doc.Issues {
		if is.FromLinter != Name {
			t.Errorf("issue from linter %q: %s", is.FromLinter, is.Text)
			continue
		}
		lines = append(lines, fmt.Sprintf("%s:%d:%d: %s", is.Pos.Filename, is.Pos.Line, is.Pos.Column, is.Text))
	}
	slices.Sort(lines)
	return lines
}

// runGolangciLint runs "golangci-lint run" in dir with a configuration
// that enables only microsec, with settings (YAML, indented by the
// caller's line breaks only) under linters.settings.custom.microsec. It
// returns the JSON report, or the command's output when there is none.
func runGolangciLint(t *testing.T, gcl, dir, settings string) (string, int) {
	t.Helper()
	tmp := t.TempDir()
	report := filepath.Join(tmp, "report.json")
	indented := "          " + strings.ReplaceAll(settings, "\n", "\n          ")
	conf := fmt.Sprintf(`version: "2"
linters:
  default: none
  enable: [microsec]
  settings:
    custom:
      microsec:
        type: module
        description: security faults in go-micro services
        settings:
%s
  exclusions:
    generated: disable
issues:
  max-issues-per-linter: 0
  max-same-issues: 0
  uniq-by-line: false
output:
  formats:
    json:
      path: %s
  path-mode: abs
`, indented, report)
	confPath := filepath.Join(tmp, ".golangci.yml")
	if err := os.WriteFile(confPath, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(gcl, "run", "--config", confPath, "--show-stats=false", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=readonly",
		"GOLANGCI_LINT_CACHE="+filepath.Join(tmp, "cache"))
	out, err := cmd.CombinedOutput()
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	if data, err := os.ReadFile(report); err == nil && len(data) > 0 {
		return string(data), code
	}
	return string(out), code
}

func appendFile(dst, src string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	f, err := os.OpenFile(dst, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	if _, err := f.Write(append([]byte("\n"), data...)); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func copyFile(dst, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o755)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
