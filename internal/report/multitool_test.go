package report

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// defaultMultitool is where scripts/test.sh installs the SARIF Multitool,
// relative to this package.
const defaultMultitool = "../../.tools/npm/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"

// multitool returns the path of Microsoft's SARIF Multitool: the one named
// by MICROSEC_SARIF_MULTITOOL, or the one scripts/test.sh installs. When
// there is none the test fails if MICROSEC_REQUIRE_TOOLS=1, as in
// scripts/test.sh, and is skipped otherwise.
func multitool(t *testing.T) string {
	t.Helper()
	path := os.Getenv("MICROSEC_SARIF_MULTITOOL")
	if path == "" {
		path = defaultMultitool
	}
	if info, err := os.Stat(path); err == nil && !info.IsDir() && info.Mode()&0o111 != 0 {
		return abs(t, path)
	}
	msg := "SARIF Multitool not found at " + path + "; run scripts/test.sh, or set MICROSEC_SARIF_MULTITOOL"
	if os.Getenv("MICROSEC_REQUIRE_TOOLS") == "1" {
		t.Fatal(msg + " (MICROSEC_REQUIRE_TOOLS=1)")
	}
	t.Skip(msg)
	return ""
}

// multitoolLog is the part of the Multitool's own SARIF output we read.
type multitoolLog struct {
	Runs []struct {
		Results []struct {
			RuleID  string `json:"ruleId"`
			Level   string `json:"level"`
			Message struct {
				Text      string   `json:"text"`
				Arguments []string `json:"arguments"`
			} `json:"message"`
		} `json:"results"`
		Invocations []struct {
			ExecutionSuccessful        bool              `json:"executionSuccessful"`
			ToolExecutionNotifications []json.RawMessage `json:"toolExecutionNotifications"`
			ToolConfigNotifications    []json.RawMessage `json:"toolConfigurationNotifications"`
		} `json:"invocations"`
	} `json:"runs"`
}

// validate runs the Multitool's GitHub and SARIF rules over sarif and
// returns one line per error or warning it finds; notes are logged.
func validate(t *testing.T, tool string, sarif []byte) []string {
	t.Helper()
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in.sarif"), filepath.Join(dir, "out.sarif")
	if err := os.WriteFile(in, sarif, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(tool, "validate", in, "-o", out, "--rule-kind", "Gh;Sarif")
	cmd.Dir = dir
	stdout, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("Multitool failed: %v\n%s", err, stdout)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("Multitool wrote no log: %v\n%s", err, stdout)
	}
	var log multitoolLog
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatalf("cannot read the Multitool's log: %v", err)
	}
	return problems(t, log, stdout)
}

func problems(t *testing.T, log multitoolLog, stdout []byte) []string {
	t.Helper()
	if len(log.Runs) == 0 {
		t.Fatalf("Multitool log has no run\n%s", stdout)
	}
	var bad []string
	for _, run := range log.Runs {
		for _, res := range run.Results {
			line := res.RuleID + " " + res.Level + ": " + strings.Join(res.Message.Arguments, "; ")
			if res.Level == "note" || res.Level == "none" {
				t.Logf("Multitool note: %s", line)
				continue
			}
			bad = append(bad, line) // no level means "warning"
		}
		for _, inv := range run.Invocations {
			if !inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications)+len(inv.ToolConfigNotifications) > 0 {
				bad = append(bad, "the Multitool did not run cleanly")
			}
		}
	}
	if len(bad) > 0 {
		t.Logf("Multitool output:\n%s", bytes.TrimSpace(stdout))
	}
	return bad
}

func TestSARIFValidates(t *testing.T) {
	tool := multitool(t)
	cases := map[string]func(r *Result){
		"findings, fixes, trace and errors": func(r *Result) {},
		"findings without fixes, devel build": func(r *Result) {
			r.Tool.Version = "(devel)"
			r.Errors = nil
			for i := range r.Findings {
				r.Findings[i].Fixes = nil
			}
		},
		"errors only":     func(r *Result) { r.Findings = nil },
		"zero findings":   func(r *Result) { r.Findings, r.Errors = nil, nil },
		"no rules at all": func(r *Result) { r.Findings, r.Errors, r.Rules = nil, nil, nil },
	}
	for name, edit := range cases {
		t.Run(name, func(t *testing.T) {
			r := sampleResult(t)
			edit(r)
			for _, p := range validate(t, tool, render(t, SARIF, r)) {
				t.Error(p)
			}
		})
	}
}

// TestMultitoolCheckIsLive makes sure the validation above can fail: a log
// that breaks a GitHub rule (a result without a location) must be caught.
func TestMultitoolCheckIsLive(t *testing.T) {
	tool := multitool(t)
	r := sampleResult(t)
	r.Findings = r.Findings[:1]
	r.Findings[0].Pos.File = ""
	if p := validate(t, tool, render(t, SARIF, r)); len(p) == 0 {
		t.Error("the Multitool found nothing wrong with a result that has no location")
	}
}
