package baseline

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/microsec-lint/microsec-lint/internal/report"
)

func finding(file, fp string) report.Finding {
	return report.Finding{Rule: "sqlconcat", Message: "m", Pos: report.Position{File: file}, Fingerprint: fp}
}

func TestRoundTrip(t *testing.T) {
	dir := t.TempDir()
	old := []report.Finding{
		finding(filepath.Join(dir, "a.go"), "f1"),
		finding(filepath.Join(dir, "a.go"), "f1"), // the same code twice
		finding(filepath.Join(dir, "b.go"), "f2"),
		{Rule: "sqlconcat", Fingerprint: "f3", Suppression: &report.Suppression{Kind: "inSource"}},
	}
	var buf bytes.Buffer
	if err := Write(&buf, old, dir); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), dir) || !strings.Contains(buf.String(), `"file": "a.go"`) {
		t.Errorf("baseline paths are not relative:\n%s", buf.String())
	}
	outside := []report.Finding{finding("/home/someone/go/pkg/mod/example.com/dep@v1.0.0/dep.go", "f5")}
	var out bytes.Buffer
	if err := Write(&out, outside, dir); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "/home/someone") || !strings.Contains(out.String(), `"file": "example.com/dep@v1.0.0/dep.go"`) {
		t.Errorf("a file outside the module is written with a machine path:\n%s", out.String())
	}
	if strings.Contains(buf.String(), "f3") {
		t.Errorf("suppressed finding written to the baseline:\n%s", buf.String())
	}
	path := filepath.Join(dir, "baseline.json")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}

	now := []report.Finding{
		finding(filepath.Join(dir, "a.go"), "f1"),
		finding(filepath.Join(dir, "a.go"), "f1"),
		finding(filepath.Join(dir, "a.go"), "f1"), // a third copy is new
		finding(filepath.Join(dir, "b.go"), "f2"),
		finding(filepath.Join(dir, "c.go"), "f4"), // new
	}
	kept, accepted := b.Filter(now)
	if accepted != 3 || len(kept) != 2 || kept[0].Fingerprint != "f1" || kept[1].Fingerprint != "f4" {
		t.Errorf("Filter kept %+v, accepted %d; want the third f1 and f4, 3 accepted", kept, accepted)
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"notjson.json": "{",
		"version.json": `{"version": 9, "findings": []}`,
		"nofp.json":    `{"version": 2, "findings": [{"rule": "x", "file": "a.go"}]}`,
		"old.json":     `{"version": 1, "findings": []}`,
		"missing.json": "",
	} {
		path := filepath.Join(dir, name)
		if name != "missing.json" {
			os.WriteFile(path, []byte(content), 0o644)
		}
		if _, err := Load(path); err == nil {
			t.Errorf("Load(%s) succeeded", name)
		} else if strings.Contains(err.Error(), "\n") {
			t.Errorf("Load(%s) error spans lines: %v", name, err)
		}
	}
}

// TestLoadSpecialFiles: a baseline that is not a regular file (a link to
// /dev/zero, a named pipe) is one error, not an endless read.
func TestLoadSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	zero := filepath.Join(dir, "zero.json")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Skip(err)
	}
	fifo := filepath.Join(dir, "fifo.json")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	for _, p := range []string{zero, fifo} {
		if _, err := Load(p); err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("Load(%s): %v, want an error saying it is not a regular file", filepath.Base(p), err)
		}
	}
}

// TestLoadOtherFiles: a file that is not a baseline is named for what it
// is, with how to write a baseline, rather than by the first field that
// does not fit; a baseline saved with a byte-order mark is read.
func TestLoadOtherFiles(t *testing.T) {
	dir := t.TempDir()
	for name, tc := range map[string]struct{ content, want string }{
		"report.json": {`{"version": 1, "tool": {"name": "microsec-lint"}, "findings": []}`, "is a JSON report (-format json), not a baseline: write a baseline with -write-baseline FILE"},
		"sarif.json":  {`{"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": []}`, "is a SARIF log, not a baseline: write a baseline with -write-baseline FILE"},
		"gcl.json":    {`{"Issues": [{"FromLinter": "gosec"}]}`, "is a golangci-lint report, not a baseline"},
		"gclrep.json": {`{"Issues": [], "Report": {}}`, "is a golangci-lint report, not a baseline"},
		// gosec's own report has Issues too, beside its Stats.
		"gosec.json":    {`{"Golang errors": {}, "Issues": [], "Stats": {}}`, "is a gosec report, not a baseline: write a baseline with -write-baseline FILE"},
		"gosec2.json":   {`{"Issues": [{"rule_id": "G101"}], "Stats": {"found": 1}, "GosecVersion": "dev"}`, "is a gosec report, not a baseline"},
		"other.json":    {`{"Issues": []}`, "is another tool's report, not a baseline"},
		"array.json":    {`[]`, "is not a baseline: want a JSON object, as -write-baseline writes"},
		"null.json":     {`null`, "has no version: it is not a microsec-lint baseline"},
		"object.json":   {`{}`, "has no version: it is not a microsec-lint baseline"},
		"notjson.json":  {`{"version": 2,`, "is not valid JSON"},
		"strver.json":   {`{"version": "2", "findings": []}`, "is not a valid baseline"},
		"oldbase.json":  {`{"version": 1, "findings": []}`, "written by an older microsec-lint"},
		"bomgood.json":  {"\ufeff" + `{"version": 2, "findings": []}`, ""},
		"goodbase.json": {`{"version": 2, "findings": [{"rule": "x", "file": "a.go", "fingerprint": "f"}]}`, ""},
		// json matches keys whatever their case, as Load did before it
		// read the keys itself.
		"upper.json":   {`{"VERSION": 2, "Findings": [{"rule": "x", "file": "a.go", "fingerprint": "f"}]}`, ""},
		"nullver.json": {`{"version": null, "findings": []}`, "has no version: it is not a microsec-lint baseline"},
		"upnull.json":  {`{"Version": null}`, "has no version"},
		"bom2.json":    {"\ufeff\ufeff" + `{"version": 2, "findings": []}`, "is not valid JSON: it starts with a second byte-order mark (U+FEFF)"},
	} {
		path := filepath.Join(dir, name)
		os.WriteFile(path, []byte(tc.content), 0o644)
		_, err := Load(path)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("Load(%s): %v", name, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("Load(%s) = %v, want an error saying %q", name, err, tc.want)
		}
	}
}
