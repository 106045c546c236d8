package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// decodedReport is the schema of docs/json-format.md as a reader would
// write it, independent of the writer's types.
type decodedReport struct {
	Version int `json:"version"`
	Tool    struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	} `json:"tool"`
	Findings []struct {
		Rule           string `json:"rule"`
		Severity       string `json:"severity"`
		Package        string `json:"package"`
		File           string `json:"file"`
		Line           int    `json:"line"`
		Column         int    `json:"column"`
		EndLine        int    `json:"end_line"`
		EndColumn      int    `json:"end_column"`
		Message        string `json:"message"`
		SuggestedFixes []struct {
			Message string `json:"message"`
			Edits   []struct {
				File      string `json:"file"`
				Line      int    `json:"line"`
				Column    int    `json:"column"`
				EndLine   int    `json:"end_line"`
				EndColumn int    `json:"end_column"`
				Offset    int    `json:"offset"`
				EndOffset int    `json:"end_offset"`
				NewText   string `json:"new_text"`
			} `json:"edits"`
		} `json:"suggested_fixes"`
		Trace []struct {
			Function string `json:"function"`
			File     string `json:"file"`
			Line     int    `json:"line"`
			Column   int    `json:"column"`
		} `json:"trace"`
		Properties  map[string]string `json:"properties"`
		Fingerprint string            `json:"fingerprint"`
		Suppression *struct {
			Kind          string `json:"kind"`
			Justification string `json:"justification"`
		} `json:"suppression"`
	} `json:"findings"`
	Errors []struct {
		Package string `json:"package"`
		Message string `json:"message"`
	} `json:"errors"`
}

func decodeJSON(t *testing.T, data []byte) decodedReport {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields() // every field written is documented above
	var d decodedReport
	if err := dec.Decode(&d); err != nil {
		t.Fatalf("decoding the JSON output: %v\n%s", err, data)
	}
	return d
}

func TestJSONRoundTrip(t *testing.T) {
	r := sampleResult(t)
	data := render(t, JSON, r)
	if !bytes.HasSuffix(data, []byte("}\n")) {
		t.Error("JSON output does not end in a newline")
	}
	d := decodeJSON(t, data)

	if d.Version != 1 || d.Tool.Name != "microsec-lint" || d.Tool.Version != "v0.3.1" {
		t.Errorf("header = %d %+v", d.Version, d.Tool)
	}
	if len(d.Findings) != len(r.Findings) {
		t.Fatalf("%d findings, want %d", len(d.Findings), len(r.Findings))
	}
	for i, f := range r.Findings {
		g := d.Findings[i]
		if g.Rule != f.Rule || g.Severity != string(f.Level) || g.Package != f.Package || g.Message != f.Message {
			t.Errorf("finding %d = %+v, want %+v", i, g, f)
		}
		if g.Line != f.Pos.Line || g.Column != f.Pos.Column || g.EndLine != f.End.Line || g.EndColumn != f.End.Column {
			t.Errorf("finding %d at %d:%d-%d:%d, want %v-%v", i, g.Line, g.Column, g.EndLine, g.EndColumn, f.Pos, f.End)
		}
		if strings.HasPrefix(g.File, "svc/") != strings.Contains(f.Pos.File, "testdata/src") {
			t.Errorf("finding %d file %q for %q: relative exactly when under the work directory", i, g.File, f.Pos.File)
		}
		if len(f.Properties) > 0 && !reflect.DeepEqual(g.Properties, f.Properties) {
			t.Errorf("finding %d properties = %v, want %v", i, g.Properties, f.Properties)
		}
		if g.Fingerprint != f.Fingerprint || (g.Suppression == nil) != (f.Suppression == nil) {
			t.Errorf("finding %d: fingerprint %q, suppression %v; want %q, %v",
				i, g.Fingerprint, g.Suppression, f.Fingerprint, f.Suppression)
		}
	}

	fixed := d.Findings[3]
	if len(fixed.SuggestedFixes) != 1 || len(fixed.SuggestedFixes[0].Edits) != 1 {
		t.Fatalf("finding 3 fixes = %+v", fixed.SuggestedFixes)
	}
	e, want := fixed.SuggestedFixes[0].Edits[0], r.Findings[3].Fixes[0].Edits[0]
	if e.File != "svc/main.go" || e.Offset != want.Pos.Offset || e.EndOffset != want.End.Offset ||
		e.Line != want.Pos.Line || e.EndColumn != want.End.Column || e.NewText != want.NewText {
		t.Errorf("edit = %+v, want %+v", e, want)
	}
	traced := d.Findings[1]
	if len(traced.Trace) != 2 || traced.Trace[0].File != "svc/main.go" || traced.Trace[1].Function != "crypto/tls.(*Conn).Handshake" {
		t.Errorf("trace = %+v", traced.Trace)
	}
	if s := d.Findings[4].Suppression; s == nil || s.Kind != "inSource" || s.Justification != "name is a fixed greeting" {
		t.Errorf("suppression = %+v", s)
	}
	if len(d.Errors) != 1 || d.Errors[0].Package != "example.com/svc/broken" {
		t.Errorf("errors = %+v", d.Errors)
	}
}

// TestJSONEmptyLists checks that lists and maps with nothing in them are
// written as [] and {}, never as null, so readers need no null checks.
func TestJSONEmptyLists(t *testing.T) {
	empty := string(render(t, JSON, &Result{Tool: Tool{Name: "microsec-lint"}}))
	for _, want := range []string{`"findings": []`, `"errors": []`} {
		if !strings.Contains(empty, want) {
			t.Errorf("JSON of an empty result lacks %s:\n%s", want, empty)
		}
	}
	one := &Result{Findings: []Finding{{Rule: "r", Fixes: []Fix{{Message: "Do nothing"}}}}}
	out := string(render(t, JSON, one))
	for _, want := range []string{`"edits": []`, `"trace": []`, `"properties": {}`} {
		if !strings.Contains(out, want) {
			t.Errorf("JSON lacks %s:\n%s", want, out)
		}
	}
	if strings.Count(out, "null") != 1 || !strings.Contains(out, `"suppression": null`) {
		t.Errorf("JSON has a null other than that of an absent suppression:\n%s", out)
	}
}

// TestJSONDocumented checks docs/json-format.md against the writer: every
// key the writer can produce is named in the document, and the examples
// in it decode with the reader's schema.
func TestJSONDocumented(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "json-format.md"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(doc)
	for _, key := range jsonKeys(reflect.TypeFor[jsonReport]()) {
		if !strings.Contains(text, "`"+key+"`") && !strings.Contains(text, "."+key+"`") {
			t.Errorf("docs/json-format.md does not describe the key %q", key)
		}
	}
	blocks := strings.Split(text, "```json\n")[1:]
	if len(blocks) == 0 {
		t.Fatal("docs/json-format.md has no JSON example")
	}
	for _, b := range blocks {
		example, _, _ := strings.Cut(b, "```")
		d := decodeJSON(t, []byte(example))
		if d.Version != jsonVersion {
			t.Errorf("example has version %d, want %d", d.Version, jsonVersion)
		}
	}
}

// jsonKeys lists the JSON keys of struct type t and of the structs it
// holds, directly or in slices.
func jsonKeys(t reflect.Type) []string {
	var keys []string
	for f := range t.Fields() {
		keys = append(keys, strings.Split(f.Tag.Get("json"), ",")[0])
		ft := f.Type
		if ft.Kind() == reflect.Slice {
			ft = ft.Elem()
		}
		if ft.Kind() == reflect.Struct {
			keys = append(keys, jsonKeys(ft)...)
		}
	}
	return keys
}
