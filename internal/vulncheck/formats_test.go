package vulncheck

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/microsec-lint/microsec-lint/internal/report"
	"github.com/microsec-lint/microsec-lint/internal/sariftest"
)

// TestFormats renders the findings on the calls fixture as the command
// does, in every format, and checks the rule ids, locations and traces
// each format carries; the SARIF log must pass the Multitool.
func TestFormats(t *testing.T) {
	t.Parallel()
	res := runFixture(t, Config{Dir: "testdata/calls", DB: fixtureDB(t), Env: goVersionEnv("go1.26.0")})
	work := mustAbs(t, "testdata/calls")
	env := goEnv(t)
	parseGo := filepath.Join(env["GOMODCACHE"], "golang.org", "x", "text@v0.3.6", "language", "parse.go")
	urlGo := filepath.Join(env["GOROOT"], "src", "net", "url", "url.go")
	r := &report.Result{
		Tool: report.Tool{Name: "microsec-lint", Version: "v0.0.1",
			InformationURI: "https://github.com/microsec-lint/microsec-lint"},
		WorkDir:  work,
		Rules:    res.Rules,
		Findings: res.Findings,
	}
	render := func(f report.Format) []byte {
		var buf bytes.Buffer
		if err := report.Write(&buf, f, r); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}

	t.Run("text", func(t *testing.T) {
		want := "main.go:18:21: reaches net/url.Parse in the standard library of go1.26.0: " +
			"incorrect parsing of IPv6 host literals in net/url; upgrade Go to go1.26.1 or later (GO-2026-4601)\n" +
			"main.go:23:28: reaches golang.org/x/text/language.Parse in golang.org/x/text@v0.3.6: " +
			"out-of-bounds read in golang.org/x/text/language; upgrade golang.org/x/text to v0.3.7 or later (GO-2021-0113)\n"
		if got := string(render(report.Text)); got != want {
			t.Errorf("text:\n%s\nwant\n%s", got, want)
		}
	})

	t.Run("json", func(t *testing.T) {
		var doc struct {
			Findings []struct {
				Rule, Severity, File string
				Line, Column         int
				Trace                []struct {
					Function, File string
					Line, Column   int
				}
				Properties map[string]string
			}
		}
		if err := json.Unmarshal(render(report.JSON), &doc); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range doc.Findings {
			s := f.Rule + " " + f.Severity + " " + place(f.File, f.Line, f.Column) + " aliases=" + f.Properties["aliases"]
			for _, fr := range f.Trace {
				s += " | " + fr.Function + " " + place(fr.File, fr.Line, fr.Column)
			}
			got = append(got, s)
		}
		want := []string{
			"GO-2026-4601 error main.go:18:21 aliases=CVE-2026-25679" +
				" | example.com/calls.main main.go:18:21" +
				" | net/url.Parse " + place(urlGo, lineOf(t, urlGo, "func Parse(rawURL string)"), 6),
			"GO-2021-0113 error main.go:23:28 aliases=CVE-2021-38561, GHSA-ppp9-7jff-5vj2" +
				" | example.com/calls.main main.go:15:20" +
				" | example.com/calls.tagOf main.go:23:28" +
				" | golang.org/x/text/language.Parse " + place(parseGo, 33, 6),
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("json findings:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	})

	t.Run("sarif", func(t *testing.T) {
		data := render(report.SARIF)
		var log sarifLog
		if err := json.Unmarshal(data, &log); err != nil {
			t.Fatal(err)
		}
		run := log.Runs[0]
		var rules []string
		for _, d := range run.Tool.Driver.Rules {
			rules = append(rules, d.ID+" "+d.HelpURI)
		}
		wantRules := "GO-2021-0113 https://pkg.go.dev/vuln/GO-2021-0113\n" +
			"GO-2026-4601 https://pkg.go.dev/vuln/GO-2026-4601"
		if strings.Join(rules, "\n") != wantRules {
			t.Errorf("rules:\n%s\nwant\n%s", strings.Join(rules, "\n"), wantRules)
		}

		var got []string
		for _, res := range run.Results {
			s := res.RuleID + " " + res.Level + " " + res.Locations[0].String() + " aliases=" + res.Properties["aliases"]
			for _, fl := range res.CodeFlows {
				for _, tf := range fl.ThreadFlows {
					for _, l := range tf.Locations {
						s += " | " + l.Location.LogicalLocations[0].FullyQualifiedName + " " + l.Location.String()
					}
				}
			}
			got = append(got, s)
		}
		want := []string{
			"GO-2026-4601 error %SRCROOT%/main.go:18:21 aliases=CVE-2026-25679" +
				" | example.com/calls.main %SRCROOT%/main.go:18:21" +
				" | net/url.Parse " + fileURL(urlGo) + ":" + itoa(lineOf(t, urlGo, "func Parse(rawURL string)")) + ":6",
			"GO-2021-0113 error %SRCROOT%/main.go:23:28 aliases=CVE-2021-38561, GHSA-ppp9-7jff-5vj2" +
				" | example.com/calls.main %SRCROOT%/main.go:15:20" +
				" | example.com/calls.tagOf %SRCROOT%/main.go:23:28" +
				" | golang.org/x/text/language.Parse " + fileURL(parseGo) + ":33:6",
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("sarif results:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}

		for _, p := range sariftest.Validate(t, data) {
			t.Error(p)
		}
	})
}

// sarifLog is the part of a SARIF log TestFormats reads.
type sarifLog struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Rules []struct {
					ID      string `json:"id"`
					HelpURI string `json:"helpUri"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID     string            `json:"ruleId"`
			Level      string            `json:"level"`
			Locations  []sarifLocation   `json:"locations"`
			Properties map[string]string `json:"properties"`
			CodeFlows  []struct {
				ThreadFlows []struct {
					Locations []struct {
						Location sarifLocation `json:"location"`
					} `json:"locations"`
				} `json:"threadFlows"`
			} `json:"codeFlows"`
		} `json:"results"`
	} `json:"runs"`
}

type sarifLocation struct {
	PhysicalLocation struct {
		ArtifactLocation struct {
			URI       string `json:"uri"`
			URIBaseID string `json:"uriBaseId"`
		} `json:"artifactLocation"`
		Region struct {
			StartLine   int `json:"startLine"`
			StartColumn int `json:"startColumn"`
		} `json:"region"`
	} `json:"physicalLocation"`
	LogicalLocations []struct {
		FullyQualifiedName string `json:"fullyQualifiedName"`
	} `json:"logicalLocations"`
}

func (l sarifLocation) String() string {
	p := l.PhysicalLocation
	uri := p.ArtifactLocation.URI
	if p.ArtifactLocation.URIBaseID != "" {
		uri = p.ArtifactLocation.URIBaseID + "/" + uri
	}
	return uri + ":" + itoa(p.Region.StartLine) + ":" + itoa(p.Region.StartColumn)
}

func place(file string, line, col int) string { return file + ":" + itoa(line) + ":" + itoa(col) }

func itoa(n int) string { return strconv.Itoa(n) }

// lineOf returns the line of the first occurrence of needle in file; the
// standard library's lines move between Go releases.
func lineOf(t *testing.T, file, needle string) int {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(data, []byte(needle))
	if i < 0 {
		t.Fatalf("%s lacks %q", file, needle)
	}
	return bytes.Count(data[:i], []byte("\n")) + 1
}
