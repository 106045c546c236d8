package corpus

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/microsec-lint/microsec-lint/analyzers"
	"github.com/microsec-lint/microsec-lint/internal/driver"
	"github.com/microsec-lint/microsec-lint/internal/report"
)

// childEnv, when set in the environment, makes the test binary analyse the
// module in its working directory and write the reports into the folder it
// names, instead of running tests. The parent runs it under different
// GOMAXPROCS values: the runtime reads GOMAXPROCS only at start-up.
const childEnv = "MICROSEC_CORPUS_OUT"

// fixtures are the modules under testdata, one per go-micro release.
var fixtures = []string{
	"v1",         // github.com/micro/go-micro v1.18.0
	"v2",         // github.com/micro/go-micro/v2 v2.9.1
	"v3",         // github.com/asim/go-micro/v3 v3.7.1
	"v4",         // go-micro.dev/v4 v4.10.2
	"v5.9.0",     // go-micro.dev/v5 v5.9.0
	"v5.12.0",    // go-micro.dev/v5 v5.12.0
	"plugins-v4", // github.com/go-micro/plugins/v4/... v1.2.0
}

// knownLoadProblems are the packages of go-micro and its plugins that the
// go command or the type checker rejects on their own, whatever microsec-lint
// does, with the reason. Each was looked at; a new one fails the test so
// that it is looked at too, and so does one that went away.
var knownLoadProblems = map[string]map[string]string{
	"v4": {
		// v4.10.2 moved the Protocol field of ServicePort before Port but
		// kept the positional literal {"service-port", 8080, ""}: the
		// released package does not compile.
		"go-micro.dev/v4/util/kubernetes/client": "ServicePort literal in the old field order",
	},
}

var formats = []report.Format{report.Text, report.JSON, report.SARIF}

func TestMain(m *testing.M) {
	if out := os.Getenv(childEnv); out != "" {
		if err := analyse(out); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// problem is a report.Problem as the child passes it to the parent.
type problem struct {
	Package  string
	Message  string
	Analyzer bool // an analyzer failed or panicked, rather than the package
}

// analyse is the child: one driver run with every rule over the patterns
// of the module in the working directory, written in every format.
func analyse(out string) error {
	patterns, err := readPatterns(".")
	if err != nil {
		return err
	}
	rules := analyzers.All()
	res, err := driver.Run(context.Background(), driver.Config{
		Patterns: patterns,
		Tests:    true,
		Rules:    rules,
	})
	if err != nil {
		return err
	}
	res.Tool = report.Tool{Name: "microsec-lint", Version: "(corpus)"}
	for _, r := range rules {
		res.Rules = append(res.Rules, report.Rule{
			ID:               r.Analyzer.Name,
			Title:            r.Doc.Title,
			Help:             r.Doc.Body,
			HelpURI:          r.Analyzer.URL,
			CWE:              r.CWE,
			Level:            report.Level(r.Level),
			SecuritySeverity: r.SecuritySeverity,
		})
	}
	res.Rules = append(res.Rules, driver.DirectiveRule)
	for _, f := range formats {
		var buf bytes.Buffer
		if err := report.Write(&buf, f, res); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, "report."+f.String()), buf.Bytes(), 0o644); err != nil {
			return err
		}
	}
	problems := make([]problem, 0, len(res.Errors))
	for _, p := range res.Errors {
		problems = append(problems, problem{Package: p.Package, Message: p.Message, Analyzer: p.Err != nil})
	}
	data, err := json.MarshalIndent(problems, "", "\t")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "problems.json"), data, 0o644)
}

func readPatterns(dir string) ([]string, error) {
	data, err := os.ReadFile(filepath.Join(dir, "go-list-patterns"))
	if err != nil {
		return nil, err
	}
	return strings.Fields(string(data)), nil
}

// run is one child process over fixture with the given GOMAXPROCS.
type run struct {
	reports  map[report.Format][]byte
	problems []problem
	elapsed  time.Duration
}

func runChild(t *testing.T, fixture string, procs int) run {
	t.Helper()
	out := t.TempDir()
	//microsec:ignore cmdinjection -- re-runs this test binary in a child process
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Dir = filepath.Join("testdata", fixture)
	cmd.Env = append(os.Environ(),
		childEnv+"="+out,
		fmt.Sprintf("GOMAXPROCS=%d", procs),
		"GOPROXY=off", // scripts/test.sh has downloaded the fixtures' modules
		"GOFLAGS=-mod=readonly",
		// A cache of its own: a child must not take the results of
		// the one before it from the cache, or the two runs would
		// agree by construction.
		"MICROSEC_LINT_CACHE="+t.TempDir(),
	)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	elapsed := time.Since(start)
	if err != nil {
		t.Fatalf("GOMAXPROCS=%d: %v\n%s", procs, err, stderr.Bytes())
	}
	r := run{reports: make(map[report.Format][]byte), elapsed: elapsed}
	for _, f := range formats {
		data, err := os.ReadFile(filepath.Join(out, "report."+f.String()))
		if err != nil {
			t.Fatal(err)
		}
		r.reports[f] = data
	}
	data, err := os.ReadFile(filepath.Join(out, "problems.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &r.problems); err != nil {
		t.Fatal(err)
	}
	return r
}

// TestCorpus analyses every go-micro release with every rule. It takes
// several minutes: the modules have hundreds of packages each.
func TestCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses every go-micro release; skipped with -short")
	}
	for _, fixture := range fixtures {
		t.Run(fixture, func(t *testing.T) {
			one := runChild(t, fixture, 1)
			two := runChild(t, fixture, 2)
			t.Logf("GOMAXPROCS=1 %v, GOMAXPROCS=2 %v, %d bytes of text report",
				one.elapsed.Round(time.Millisecond), two.elapsed.Round(time.Millisecond), len(one.reports[report.Text]))

			checkProblems(t, fixture, one.problems)
			for _, f := range formats {
				if !bytes.Equal(one.reports[f], two.reports[f]) {
					t.Errorf("%s report differs between GOMAXPROCS=1 and GOMAXPROCS=2:\n%s", f, firstDifference(one.reports[f], two.reports[f]))
				}
			}
			if a, b := fmt.Sprint(one.problems), fmt.Sprint(two.problems); a != b {
				t.Errorf("problems differ between GOMAXPROCS=1 and GOMAXPROCS=2:\n%s\n%s", a, b)
			}
		})
	}
}

// checkProblems fails on any analyzer failure or panic, and on load or
// type errors that are not among the known ones.
func checkProblems(t *testing.T, fixture string, problems []problem) {
	t.Helper()
	known := knownLoadProblems[fixture]
	seen := make(map[string]bool)
	for _, p := range problems {
		switch {
		case p.Analyzer:
			t.Errorf("analyzer failed: %s", p.Message)
		case p.Package == "":
			t.Errorf("pattern problem: %s", p.Message)
		case known[p.Package] == "":
			t.Errorf("package %s does not load or type-check (examine it, then list it in knownLoadProblems): %s", p.Package, p.Message)
		default:
			seen[p.Package] = true
		}
	}
	var gone []string
	for pkg := range known {
		if !seen[pkg] {
			gone = append(gone, pkg)
		}
	}
	sort.Strings(gone)
	for _, pkg := range gone {
		t.Errorf("package %s is listed in knownLoadProblems but loads now: remove it", pkg)
	}
}

// firstDifference shows the first line where a and b differ.
func firstDifference(a, b []byte) string {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, al[i], bl[i])
		}
	}
	if len(al) != len(bl) {
		return fmt.Sprintf("%d lines against %d", len(al), len(bl))
	}
	return "(no line differs)"
}
