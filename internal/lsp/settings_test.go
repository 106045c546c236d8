package lsp

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/microsec-lint/microsec-lint/analyzers"
	"github.com/microsec-lint/microsec-lint/internal/flagval"
	"go.lsp.dev/protocol"
	"golang.org/x/tools/go/analysis"
)

// The .microsec.yml of the analysed module applies, not the one (if any)
// of the server's working directory.
func TestSettingsOfTheModule(t *testing.T) {
	s := start(t, Options{Rules: []analyzers.Rule{tlsSkip("error", nil)}, Debounce: 50 * time.Millisecond, Settings: &Settings{}})
	yml := "exclude: [client/other.go]\nrules:\n  tlsskip:\n    severity: note\n"
	if err := os.WriteFile(filepath.Join(s.dir, ".microsec.yml"), []byte(yml), 0o644); err != nil {
		t.Fatal(err)
	}
	s.initialize()
	u, _ := s.open(filepath.Join(s.dir, "client", "client.go"))
	diags := s.next(u)
	if len(diags) != 1 || diags[0].Severity != protocol.DiagnosticSeverityInformation {
		t.Fatalf("diagnostics = %+v, want one with the severity note of the module's settings", diags)
	}
	other, _ := s.open(filepath.Join(s.dir, "client", "other.go"))
	if diags := s.next(other); len(diags) != 0 {
		t.Errorf("diagnostics for other.go = %+v, want none: the module's settings exclude it", diags)
	}
	s.end()
}

// A settings file that cannot be read is shown to the user, the server
// keeps running, and fixing the file brings the diagnostics.
func TestBadSettingsReported(t *testing.T) {
	s := start(t, Options{Rules: []analyzers.Rule{tlsSkip("error", nil)}, Debounce: 50 * time.Millisecond, Settings: &Settings{}})
	yml := filepath.Join(s.dir, ".microsec.yml")
	if err := os.WriteFile(yml, []byte("version: 7\nbogus: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s.initialize()
	u, _ := s.open(filepath.Join(s.dir, "client", "client.go"))
	if m := s.message("show: "); !strings.Contains(m, ".microsec.yml") || !strings.Contains(m, filepath.Join(s.dir, "client")) {
		t.Errorf("window message = %q, want the settings file and the package not analysed", m)
	}
	if err := os.WriteFile(yml, []byte("version: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s.save(u)
	if diags := s.next(u); len(diags) != 1 {
		t.Errorf("after fixing the settings, diagnostics = %+v, want 1", diags)
	}
	s.end()
}

// A settings file named for every package (the command's -config) that
// cannot be applied is shown too, and the server keeps running; edits to
// it apply from the next save.
func TestBadNamedSettingsReported(t *testing.T) {
	yml := filepath.Join(t.TempDir(), "named.yml")
	if err := os.WriteFile(yml, []byte("version: 1\nsevrity: note\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := start(t, Options{Rules: []analyzers.Rule{tlsSkip("error", nil)}, Debounce: 50 * time.Millisecond, Settings: &Settings{File: yml}})
	// The module's own file is not read when one is named.
	if err := os.WriteFile(filepath.Join(s.dir, ".microsec.yml"), []byte("bogus: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s.initialize()
	u, _ := s.open(filepath.Join(s.dir, "client", "client.go"))
	if m := s.message("show: "); !strings.Contains(m, "named.yml") || !strings.Contains(m, "sevrity") {
		t.Errorf("window message = %q, want the named settings file and its bad key", m)
	}
	if err := os.WriteFile(yml, []byte("version: 1\nrules:\n  tlsskip:\n    severity: note\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s.save(u)
	if diags := s.next(u); len(diags) != 1 || diags[0].Severity != protocol.DiagnosticSeverityInformation {
		t.Errorf("after fixing the settings, diagnostics = %+v, want 1 with the note severity of the named file", diags)
	}
	s.end()
}

// Between two sets of settings the analyzers' flags return to what they
// were at the start, lists that append on Set included.
func TestFlagsRestored(t *testing.T) {
	a := &analysis.Analyzer{Name: "flagged", Doc: "flagged: a test"}
	var names flagval.Names
	_ = names.Set("a.F")
	a.Flags.Var(&names, "names", "")
	on := a.Flags.Bool("on", false, "")
	st := saveFlags([]analyzers.Rule{{Analyzer: a}})
	for _, set := range [][2]string{{"names", "b.G"}, {"on", "true"}} {
		if err := a.Flags.Set(set[0], set[1]); err != nil {
			t.Fatal(err)
		}
	}
	st.restore()
	if !slices.Equal(names, flagval.Names{"a.F"}) || *on {
		t.Errorf("after restore: names %v, on %v; want [a.F], false", names, *on)
	}
}
