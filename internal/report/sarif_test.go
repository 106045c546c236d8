package report

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// decodedSARIF is the part of a SARIF log the tests below look at.
type decodedSARIF struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Version         string `json:"version"`
				SemanticVersion string `json:"semanticVersion"`
				Rules           []struct {
					ID              string `json:"id"`
					Name            string `json:"name"`
					FullDescription struct {
						Text string `json:"text"`
					} `json:"fullDescription"`
					Help struct {
						Text     string `json:"text"`
						Markdown string `json:"markdown"`
					} `json:"help"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Invocations []struct {
			ExecutionSuccessful bool `json:"executionSuccessful"`
			Notifications       []struct {
				Message struct {
					Text string `json:"text"`
				} `json:"message"`
			} `json:"toolExecutionNotifications"`
		} `json:"invocations"`
		Results    []sarifResult `json:"results"`
		ColumnKind string        `json:"columnKind"`
	} `json:"runs"`
}

func decodeSARIF(t *testing.T, r *Result) decodedSARIF {
	t.Helper()
	var d decodedSARIF
	if err := json.Unmarshal(render(t, SARIF, r), &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(d.Runs))
	}
	return d
}

func TestSARIFResults(t *testing.T) {
	r := sampleResult(t)
	run := decodeSARIF(t, r).Runs[0]
	if len(run.Results) != len(r.Findings) {
		t.Fatalf("%d results for %d findings", len(run.Results), len(r.Findings))
	}
	for i, res := range run.Results {
		if rule := run.Tool.Driver.Rules[res.RuleIndex].ID; rule != res.RuleID || rule != r.Findings[i].Rule {
			t.Errorf("result %d: ruleId %q, ruleIndex names %q, finding has %q", i, res.RuleID, rule, r.Findings[i].Rule)
		}
		loc := res.Locations[0].PhysicalLocation.ArtifactLocation
		under := strings.Contains(r.Findings[i].Pos.File, filepath.FromSlash("testdata/src/"))
		switch {
		case under && (loc.URI != "svc/main.go" || loc.URIBaseID != srcRoot):
			t.Errorf("result %d: artifact %+v, want svc/main.go under %s", i, loc, srcRoot)
		case !under && (!strings.HasPrefix(loc.URI, "file:///") || loc.URIBaseID != ""):
			t.Errorf("result %d: artifact %+v, want an absolute file URI", i, loc)
		}
	}
	sup := run.Results[4]
	if len(sup.Suppressions) != 1 || sup.Suppressions[0].Kind != "inSource" ||
		sup.PartialFingerprints[baselineKey] != r.Findings[4].Fingerprint {
		t.Errorf("suppressed result: suppressions %+v, fingerprints %v", sup.Suppressions, sup.PartialFingerprints)
	}
	if len(run.Results[0].Suppressions) != 0 || run.Results[0].PartialFingerprints[baselineKey] != "" {
		t.Errorf("result 0 has a suppression or baseline fingerprint it was not given: %+v", run.Results[0])
	}
	if run.ColumnKind != "utf16CodeUnits" {
		t.Errorf("columnKind = %q", run.ColumnKind)
	}
	inv := run.Invocations[0]
	if inv.ExecutionSuccessful || len(inv.Notifications) != 1 ||
		!strings.Contains(inv.Notifications[0].Message.Text, "example.com/svc/broken") {
		t.Errorf("invocation = %+v, want a failed run naming the broken package", inv)
	}
	if d := decodeSARIF(t, &Result{}); !d.Runs[0].Invocations[0].ExecutionSuccessful {
		t.Error("a run without errors is not marked successful")
	}
}

// TestSARIFNonASCIIColumns checks that columns count UTF-16 code units on a
// line where byte and character columns differ: before the flagged text
// are "é" and "ö" (two bytes, one unit each) and "😀" (four bytes, two
// units), so the columns are 4 less than go/token's.
func TestSARIFNonASCIIColumns(t *testing.T) {
	r := sampleResult(t)
	main := filepath.Join(r.WorkDir, "svc", "main.go")
	pos, end := locate(t, main, `" + name)`)
	r.Findings = []Finding{{Rule: "sqlconcat", Pos: pos, End: end, Message: "m",
		Fixes: []Fix{{Message: "Fix", Edits: []Edit{{Pos: pos, End: end, NewText: "x"}}}}}}

	res := decodeSARIF(t, r).Runs[0].Results[0]
	reg := res.Locations[0].PhysicalLocation.Region
	if reg.StartColumn != pos.Column-4 || reg.EndColumn != end.Column-4 {
		t.Errorf("region columns %d-%d, want %d-%d", reg.StartColumn, reg.EndColumn, pos.Column-4, end.Column-4)
	}
	del := res.Fixes[0].ArtifactChanges[0].Replacements[0].DeletedRegion
	if del != *reg {
		t.Errorf("deletedRegion = %+v, want the region %+v", del, *reg)
	}
}

func TestUTF16Column(t *testing.T) {
	file := filepath.Join(t.TempDir(), "x.go")
	lines := "ascii\n\té := \"😀\"\r\nbad \xff byte\n"
	if err := os.WriteFile(file, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ line, col, want int }{
		{1, 1, 1},
		{1, 6, 6},     // end of line
		{1, 8, 8},     // past it
		{2, 2, 2},     // after the tab
		{2, 4, 3},     // after é
		{2, 9, 8},     // on the emoji, after `:= "`
		{2, 13, 10},   // after the emoji; the \r is not text
		{3, 6, 6},     // after an invalid byte, counted as one unit
		{4, 5, 5},     // no such line
		{2, 0, 0},     // no column
		{99, 12, 12},  // no such line
		{-1, 3, 3},    // nonsense line
		{3, 100, 100}, // far past the end
	}
	src := sources{}
	for _, tt := range tests {
		if got := src.utf16Column(file, tt.line, tt.col); got != tt.want {
			t.Errorf("line %d byte column %d: UTF-16 column %d, want %d", tt.line, tt.col, got, tt.want)
		}
	}
	if got := (sources{}).utf16Column(filepath.Join(t.TempDir(), "missing.go"), 1, 7); got != 7 {
		t.Errorf("column in a missing file = %d, want it unchanged", got)
	}
}

func TestToolVersion(t *testing.T) {
	tests := []struct{ in, version, semantic string }{
		{"v1.2.3", "1.2.3", "1.2.3"},
		{"1.2.3", "1.2.3", "1.2.3"},
		{"v0.0.0-20250101120000-abcdef123456+dirty", "0.0.0-20250101120000-abcdef123456+dirty", "0.0.0-20250101120000-abcdef123456+dirty"},
		{"(devel)", "0.0.0-devel", "0.0.0-devel"},
		{"v1.2", "1.2", ""},
		{"", "", ""},
		{"()", "0.0.0-unknown", "0.0.0-unknown"},
	}
	for _, tt := range tests {
		v := toolVersion(tt.in)
		if s := semanticVersion(v); v != tt.version || s != tt.semantic {
			t.Errorf("%q: version %q, semanticVersion %q; want %q, %q", tt.in, v, s, tt.version, tt.semantic)
		}
	}
}

func TestRuleDescriptor(t *testing.T) {
	d := ruleDescriptor(sampleRules()[0])
	if d.Name != "" {
		t.Errorf("name %q only repeats the id; SARIF wants it left out", d.Name)
	}
	if want := "Transports that skip certificate checks let anyone on the path read and change the traffic of the service."; d.FullDescription.Text != want {
		t.Errorf("fullDescription = %q, want the first paragraph %q", d.FullDescription.Text, want)
	}
	for _, want := range []string{"### Example\n", "[crypto/tls.Config](https://pkg.go.dev/crypto/tls#Config)", "\tcfg := "} {
		if !strings.Contains(d.Help.Markdown, want) {
			t.Errorf("help.markdown lacks %q:\n%s", want, d.Help.Markdown)
		}
	}
	if strings.Contains(d.Help.Markdown, "{#") {
		t.Errorf("help.markdown has a heading anchor GitHub shows as text:\n%s", d.Help.Markdown)
	}
	if strings.Contains(d.Help.Text, "](") {
		t.Errorf("help.text has Markdown links:\n%s", d.Help.Text)
	}
	want := []string{"security", "external/cwe/cwe-319", "external/cwe/cwe-295"}
	if got := d.Properties.Tags; strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("tags = %v, want %v", got, want)
	}

	bare := ruleDescriptor(Rule{ID: "sql-concat", Title: "report SQL text"})
	if bare.Name != "SqlConcat" || bare.FullDescription.Text != "report SQL text" || bare.Help.Text != "report SQL text" {
		t.Errorf("descriptor of a rule without help = %+v", bare)
	}
}
