package report

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"testing"
)

// TestSARIFCodeFlows checks how a vulnerability finding's call trace and
// properties reach SARIF: one codeFlow with one threadFlow whose locations
// run from the entry point to the vulnerable function, each naming its
// function; frames in the work directory are relative to %SRCROOT%, frames
// elsewhere (module cache, GOROOT) are absolute file URIs, and a frame
// without a position has no physical location.
func TestSARIFCodeFlows(t *testing.T) {
	r := sampleResult(t)
	main := filepath.Join(r.WorkDir, "svc", "main.go")
	outside := abs(t, "testdata/outside/gen.go")
	entry, _ := locate(t, main, "tls.Config{")
	call, _ := locate(t, main, "InsecureSkipVerify: true")
	dep, _ := locate(t, outside, `"ghp_`)
	r.Findings = []Finding{{
		Rule: "GO-2025-0001", Level: LevelError, Package: "example.com/svc",
		Pos: call, End: call,
		Message: "reaches crypto/tls.(*Conn).Handshake in the standard library of go1.24.0",
		Trace: []Frame{
			{Function: "example.com/svc.main", Pos: entry},
			{Function: "example.com/svc.insecure", Pos: call},
			{Function: "example.com/gen.Token", Pos: dep},
			{Function: "crypto/tls.(*Conn).Handshake"},
		},
		Properties: map[string]string{"aliases": "CVE-2025-0001, GHSA-aaaa-bbbb-cccc", "module": "stdlib"},
	}}

	var log struct {
		Runs []struct {
			Results []struct {
				CodeFlows []struct {
					ThreadFlows []struct {
						Locations []struct {
							Location struct {
								PhysicalLocation *struct {
									ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
									Region           sarifRegion           `json:"region"`
								} `json:"physicalLocation"`
								LogicalLocations []sarifLogicalLocation `json:"logicalLocations"`
								Message          sarifMessage           `json:"message"`
							} `json:"location"`
						} `json:"locations"`
					} `json:"threadFlows"`
				} `json:"codeFlows"`
				Properties map[string]string `json:"properties"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(render(t, SARIF, r), &log); err != nil {
		t.Fatal(err)
	}
	res := log.Runs[0].Results[0]
	if !reflect.DeepEqual(res.Properties, r.Findings[0].Properties) {
		t.Errorf("properties = %v, want %v", res.Properties, r.Findings[0].Properties)
	}
	if len(res.CodeFlows) != 1 || len(res.CodeFlows[0].ThreadFlows) != 1 {
		t.Fatalf("codeFlows = %+v, want one flow with one thread", res.CodeFlows)
	}

	type step struct {
		function, uri, base string
		line, col           int
	}
	want := []step{
		{"example.com/svc.main", "svc/main.go", srcRoot, entry.Line, entry.Column},
		{"example.com/svc.insecure", "svc/main.go", srcRoot, call.Line, call.Column},
		{"example.com/gen.Token", fileURI(outside), "", dep.Line, dep.Column},
		{"crypto/tls.(*Conn).Handshake", "", "", 0, 0},
	}
	var got []step
	for _, l := range res.CodeFlows[0].ThreadFlows[0].Locations {
		loc := l.Location
		if len(loc.LogicalLocations) != 1 || loc.LogicalLocations[0].Kind != "function" ||
			loc.LogicalLocations[0].FullyQualifiedName != loc.Message.Text {
			t.Errorf("location %+v: want one function logical location named as the message", loc)
		}
		s := step{function: loc.Message.Text}
		if p := loc.PhysicalLocation; p != nil {
			s.uri, s.base = p.ArtifactLocation.URI, p.ArtifactLocation.URIBaseID
			s.line, s.col = p.Region.StartLine, p.Region.StartColumn
		}
		got = append(got, s)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("thread flow:\n got %+v\nwant %+v", got, want)
	}
}
