// Package baseline records the findings a project has accepted for now, so
// that a run reports only new ones. A baseline stores fingerprints, which do
// not depend on line numbers (see report.Finding.Fingerprint), so it
// survives edits elsewhere in a file.
package baseline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/microsec-lint/microsec-lint/internal/report"
)

// version is the format version written to and accepted from baseline files.
// Version 2 came with hardcodedsecret fingerprints that leave out the text
// of string literals; those of version 1 cannot be matched.
const version = 2

// Entry is one accepted finding. Rule, File and Message are there for the
// people reading the file; only Fingerprint is matched.
type Entry struct {
	Rule        string `json:"rule"`
	File        string `json:"file"`
	Message     string `json:"message"`
	Fingerprint string `json:"fingerprint"`
}

type file struct {
	Version  int     `json:"version"`
	Findings []Entry `json:"findings"`
}

// Baseline is a multiset of fingerprints: a fingerprint recorded twice
// accepts two findings.
type Baseline struct {
	counts map[string]int
}

// Write writes the findings that are not suppressed in source as a
// baseline. File paths are written as report.StablePath names them, so a
// committed baseline carries no path of the machine that wrote it.
func Write(w io.Writer, findings []report.Finding, workDir string) error {
	out := file{Version: version, Findings: []Entry{}}
	for _, f := range findings {
		if f.Suppression != nil {
			continue
		}
		out.Findings = append(out.Findings, Entry{
			Rule:        f.Rule,
			File:        report.StablePath(workDir, f.Pos.File),
			Message:     f.Message,
			Fingerprint: f.Fingerprint,
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// Load reads a baseline file.
func Load(path string) (*Baseline, error) {
	// A link to /dev/zero would be read until memory runs out, and a
	// named pipe until someone writes to it.
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("cannot read baseline: %s is not a regular file", path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read baseline: %v", err)
	}
	// An editor may have saved the file with a byte-order mark.
	data = bytes.TrimPrefix(data, []byte(bom))
	if err := checkKind(data); err != nil {
		return nil, fmt.Errorf("baseline %s %v", path, err)
	}
	var in file
	if err := json.Unmarshal(data, &in); err != nil {
		return nil, fmt.Errorf("baseline %s is not a valid baseline: %v", path, err)
	}
	if in.Version == 1 {
		return nil, fmt.Errorf("baseline %s was written by an older microsec-lint, whose hardcodedsecret fingerprints held the secrets' text: write a new one with -write-baseline FILE, without -baseline", path)
	}
	if in.Version != version {
		return nil, fmt.Errorf("baseline %s has version %d; this microsec-lint reads version %d", path, in.Version, version)
	}
	b := &Baseline{counts: make(map[string]int)}
	for _, e := range in.Findings {
		if e.Fingerprint == "" {
			return nil, fmt.Errorf("baseline %s: a finding of %s in %s has no fingerprint", path, e.Rule, e.File)
		}
		b.counts[e.Fingerprint]++
	}
	return b, nil
}

// bom is the byte-order mark, in UTF-8.
const bom = "\ufeff"

// checkKind tells, from its top-level keys, what a file that is not a
// baseline is instead: another JSON file the user may have given for one,
// not a JSON object at all, or one without a version. Its error completes
// "baseline FILE".
func checkKind(data []byte) error {
	if bytes.HasPrefix(data, []byte(bom)) {
		return errors.New("is not valid JSON: it starts with a second byte-order mark (U+FEFF)")
	}
	var keys map[string]json.RawMessage
	if err := json.Unmarshal(data, &keys); err != nil {
		if json.Valid(data) {
			return errors.New("is not a baseline: want a JSON object, as -write-baseline writes")
		}
		return fmt.Errorf("is not valid JSON: %v", err)
	}
	const write = "write a baseline with -write-baseline FILE"
	switch {
	case keys["runs"] != nil:
		return errors.New("is a SARIF log, not a baseline: " + write)
	case keys["tool"] != nil:
		return errors.New("is a JSON report (-format json), not a baseline: " + write)
	case keys["Issues"] != nil:
		return errors.New("is " + issuesReport(keys) + ", not a baseline: " + write)
	case !hasValue(keys, "version"):
		return errors.New("has no version: it is not a microsec-lint baseline; " + write)
	}
	return nil
}

// issuesReport names the tool whose JSON report lists "Issues", from the
// keys beside it: golangci-lint writes a "Report" and names each issue's
// linter in "FromLinter", gosec writes "Stats" and "Golang errors". A
// report it cannot tell is another tool's.
func issuesReport(keys map[string]json.RawMessage) string {
	var issues []struct{ FromLinter *string }
	_ = json.Unmarshal(keys["Issues"], &issues) // not a list: no issue tells
	switch {
	case keys["Report"] != nil || len(issues) > 0 && issues[0].FromLinter != nil:
		return "a golangci-lint report"
	case keys["Stats"] != nil || keys["Golang errors"] != nil || keys["GosecVersion"] != nil:
		return "a gosec report"
	}
	return "another tool's report"
}

// hasValue reports whether keys holds name, in any case as json matches a
// struct field's name, with a value other than null.
func hasValue(keys map[string]json.RawMessage, name string) bool {
	for k, v := range keys {
		if strings.EqualFold(k, name) && string(v) != "null" {
			return true
		}
	}
	return false
}

// Filter returns the findings the baseline does not accept, and how many
// it accepted. Suppressed findings pass through untouched.
func (b *Baseline) Filter(findings []report.Finding) (kept []report.Finding, accepted int) {
	left := make(map[string]int, len(b.counts))
	for fp, n := range b.counts {
		left[fp] = n
	}
	for _, f := range findings {
		if f.Suppression == nil && left[f.Fingerprint] > 0 {
			left[f.Fingerprint]--
			accepted++
			continue
		}
		kept = append(kept, f)
	}
	return kept, accepted
}
