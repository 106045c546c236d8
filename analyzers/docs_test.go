package analyzers

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/microsec-lint/microsec-lint/internal/vulncheck"
)

var update = flag.Bool("update", false, "rewrite docs/rules.md from the analyzers' doc.go files")

// TestRulesDoc fails when docs/rules.md no longer matches the rules' own
// documents.
func TestRulesDoc(t *testing.T) {
	path := filepath.Join("..", "docs", "rules.md")
	want := RulesMarkdown(All(), vulncheck.Doc)
	if *update {
		if err := os.WriteFile(path, want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("docs/rules.md is stale; run: go test ./analyzers -run TestRulesDoc -update")
	}
}

// TestRules checks what every rule must have for the reports to be right.
func TestRules(t *testing.T) {
	seen := make(map[string]bool)
	for _, r := range All() {
		name := r.Analyzer.Name
		if seen[name] {
			t.Errorf("rule %s listed twice", name)
		}
		seen[name] = true
		if r.Doc.Name != name {
			t.Errorf("rule %s carries the document of %q", name, r.Doc.Name)
		}
		if r.Analyzer.Doc != r.Doc.Analyzer() {
			t.Errorf("rule %s: Analyzer.Doc is not taken from doc.go", name)
		}
		if !strings.HasSuffix(r.Analyzer.URL, "docs/rules.md#"+name) {
			t.Errorf("rule %s: URL %q does not point at its section of docs/rules.md", name, r.Analyzer.URL)
		}
		if !strings.Contains(r.Doc.Body, "# Limitations") {
			t.Errorf("rule %s: doc.go has no Limitations section", name)
		}
		switch r.Level {
		case "error", "warning", "note":
		default:
			t.Errorf("rule %s: level %q is not a SARIF level", name, r.Level)
		}
		if len(r.CWE) == 0 || r.SecuritySeverity == "" {
			t.Errorf("rule %s: CWE and security severity are required", name)
		}
		if title := r.Doc.Title; title == "" || title[0] < 'a' || title[0] > 'z' || strings.HasSuffix(title, ".") {
			t.Errorf("rule %s: title %q must start lowercase and not end with a period", name, title)
		}
	}
}
