// Package sariftest runs Microsoft's SARIF Multitool on SARIF logs in
// tests: the report package's own tests and the command's end-to-end tests
// validate what they write with the same rules GitHub code scanning uses.
package sariftest

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// installed is where scripts/test.sh installs the SARIF Multitool,
// relative to the repository root.
const installed = ".tools/npm/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"

// Multitool returns the path of Microsoft's SARIF Multitool: the one named
// by MICROSEC_SARIF_MULTITOOL, or the one scripts/test.sh installs under
// the repository root, which is found from the test's working directory.
// When there is none the test fails if MICROSEC_REQUIRE_TOOLS=1, as in
// scripts/test.sh, and is skipped otherwise.
func Multitool(t *testing.T) string {
	t.Helper()
	path := os.Getenv("MICROSEC_SARIF_MULTITOOL")
	if path == "" {
		path = findUp(installed)
	}
	if info, err := os.Stat(path); err == nil && !info.IsDir() && info.Mode()&0o111 != 0 {
		abs, err := filepath.Abs(path)
		if err != nil {
			t.Fatal(err)
		}
		return abs
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

// Validate runs the Multitool's GitHub and SARIF rules over sarif and
// returns one line per error or warning it finds; notes are logged. The
// Multitool is found as Multitool finds it, and the test skips or fails
// as Multitool says when there is none.
func Validate(t *testing.T, sarif []byte) []string {
	t.Helper()
	tool := Multitool(t)
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in.sarif"), filepath.Join(dir, "out.sarif")
	if err := os.WriteFile(in, sarif, 0o644); err != nil {
		t.Fatal(err)
	}
	//microsec:ignore cmdinjection -- the Multitool's path comes from the test set-up (MICROSEC_SARIF_MULTITOOL or .tools), not from users
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

// findUp returns rel joined to the nearest directory, from the working
// directory upward, that holds go.mod of this module, or rel itself.
func findUp(rel string) string {
	dir, err := os.Getwd()
	if err != nil {
		return rel
	}
	for {
		if data, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil &&
			strings.HasPrefix(string(data), "module github.com/microsec-lint/microsec-lint\n") {
			return filepath.Join(dir, rel)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return rel
		}
		dir = parent
	}
}
