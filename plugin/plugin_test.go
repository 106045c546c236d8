package plugin

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"github.com/microsec-lint/microsec-lint/analyzers"
	"github.com/microsec-lint/microsec-lint/internal/flagval"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// fakeSuite returns fresh rules: "files" reports the package clause of
// every file; "quiet" reports nothing and has a bool and a list flag.
func fakeSuite() []analyzers.Rule {
	files := &analysis.Analyzer{
		Name: "files",
		Doc:  "reports every file",
		Run: func(pass *analysis.Pass) (any, error) {
			for _, f := range pass.Files {
				pass.Reportf(f.Package, "package %s", f.Name.Name)
			}
			return nil, nil
		},
	}
	quiet := &analysis.Analyzer{
		Name: "quiet",
		Doc:  "reports nothing",
		Run:  func(*analysis.Pass) (any, error) { return nil, nil },
	}
	quiet.Flags.Bool("strict", false, "")
	var sinks flagval.List
	quiet.Flags.Var(&sinks, "sinks", "")
	return []analyzers.Rule{{Analyzer: files, Level: "error"}, {Analyzer: quiet, Level: "error"}}
}

func analyzerNames(as []*analysis.Analyzer) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Name)
	}
	return out
}

func TestRegistered(t *testing.T) {
	newPlugin, err := register.GetPlugin("microsec")
	if err != nil {
		t.Fatal(err)
	}
	if len(analyzers.All()) == 0 {
		t.Skip("analyzers.All() has no rules yet")
	}
	p, err := newPlugin(nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q", got, register.LoadModeTypesInfo)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	// The real suite, as golangci-lint gets it, passes the checks
	// golangci-lint's runner makes (names, docs, no fact type twice).
	if err := analysis.Validate(as); err != nil {
		t.Fatal(err)
	}
	if want := analyzerNames(analyzers.Analyzers(analyzers.All())); !reflect.DeepEqual(analyzerNames(as), want) {
		t.Errorf("analyzers %v, want the suite's %v", analyzerNames(as), want)
	}
}

func TestSettings(t *testing.T) {
	suite := fakeSuite()
	// As golangci-lint passes them: its YAML decoded into Go values.
	p, err := newPlugin(map[string]any{
		"disable": []any{"files"},
		"rules": map[string]any{
			"quiet": map[string]any{
				"severity": "note",
				"settings": map[string]any{"strict": true, "sinks": []any{"a.B", "c.D"}},
			},
		},
	}, suite)
	if err != nil {
		t.Fatal(err)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	if got := analyzerNames(as); !reflect.DeepEqual(got, []string{"quiet"}) {
		t.Errorf("analyzers %v, want [quiet]", got)
	}
	q := suite[1].Analyzer
	if v := q.Flags.Lookup("strict").Value.String(); v != "true" {
		t.Errorf("quiet.strict = %s, want true", v)
	}
	if v := q.Flags.Lookup("sinks").Value.String(); v != "a.B,c.D" {
		t.Errorf("quiet.sinks = %s, want a.B,c.D", v)
	}
	// vulncheck is a rule of the command: a shared file may name it, but
	// the plugin never runs it.
	p, err = newPlugin(map[string]any{"disable": []any{"vulncheck"}}, fakeSuite())
	if err != nil {
		t.Fatal(err)
	}
	if as, _ := p.BuildAnalyzers(); len(as) != 2 {
		t.Errorf("disable: [vulncheck] gives analyzers %v, want both", analyzerNames(as))
	}
	// Settings written with other map types (map[any]any) decode the same.
	if _, err := newPlugin(map[any]any{"rules": map[any]any{"quiet": map[any]any{"severity": "warning"}}}, fakeSuite()); err != nil {
		t.Errorf("map[any]any settings: %v", err)
	}
}

func TestSettingsErrors(t *testing.T) {
	for _, tc := range []struct {
		settings any
		want     string
	}{
		{map[string]any{"rules": map[string]any{"quiet": map[string]any{"sevrity": "note"}}},
			`linters.settings.custom.microsec.settings: unknown key "sevrity" in rules.quiet (did you mean "severity"?)`},
		{map[string]any{"enable": []any{"sqlconcat"}},
			`linters.settings.custom.microsec.settings: unknown rule "sqlconcat" in enable (want one of: files, quiet, vulncheck)`},
		{map[string]any{"rules": map[string]any{"quiet": map[string]any{"settings": map[string]any{"strict": "yes"}}}},
			`linters.settings.custom.microsec.settings: bad value "yes" for rules.quiet.settings.strict: want true or false`},
		{map[string]any{"rules": map[string]any{"files": map[string]any{"settings": map[string]any{"depth": 3}}}},
			`linters.settings.custom.microsec.settings: unknown setting "depth" in rules.files.settings (the rule has no settings)`},
		{map[string]any{"disable": []any{"files", "quiet"}},
			`linters.settings.custom.microsec.settings: no analyzers left to run (vulncheck runs only in the microsec-lint command)`},
		{map[string]any{"disable": []any{"files", "quiet", "vulncheck"}},
			`linters.settings.custom.microsec.settings: no rules left to run`},
		{[]any{"files"},
			`linters.settings.custom.microsec.settings: want a mapping`},
	} {
		_, err := newPlugin(tc.settings, fakeSuite())
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%v: error %v, want %s", tc.settings, err, tc.want)
		}
	}
}

// TestExclusions runs the plugin's analyzers: findings in excluded files
// never reach golangci-lint, and generated files are excluded by default.
func TestExclusions(t *testing.T) {
	dir := analysistest.TestData()
	build := func(settings map[string]any) *analysis.Analyzer {
		t.Helper()
		p, err := newPlugin(settings, fakeSuite())
		if err != nil {
			t.Fatal(err)
		}
		as, err := p.BuildAnalyzers()
		if err != nil {
			t.Fatal(err)
		}
		return as[0]
	}
	// svc: svc.pb.go is generated, legacy.go is excluded by a pattern.
	analysistest.Run(t, dir, build(map[string]any{"exclude": []any{"testdata/src/svc/legacy.go"}}), "svc")
	// api: with exclude-generated off, api.pb.micro.go is reported too.
	analysistest.Run(t, dir, build(map[string]any{"exclude-generated": false}), "svc/api")
}

// TestMicrosecFile checks that without settings the plugin reads the
// project's .microsec.yml, and that its errors name the file and line.
func TestMicrosecFile(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	write := func(text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, ".microsec.yml"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("disable: [files]\nrules:\n  quiet:\n    settings:\n      strict: true\n")
	suite := fakeSuite()
	p, err := newPlugin(map[string]any{}, suite)
	if err != nil {
		t.Fatal(err)
	}
	as, _ := p.BuildAnalyzers()
	if got := analyzerNames(as); !reflect.DeepEqual(got, []string{"quiet"}) {
		t.Errorf("analyzers %v, want [quiet] from .microsec.yml", got)
	}
	if v := suite[1].Analyzer.Flags.Lookup("strict").Value.String(); v != "true" {
		t.Errorf("quiet.strict = %s, want true from .microsec.yml", v)
	}

	// Given settings win: the file is not read.
	p, err = newPlugin(map[string]any{"exclude-generated": false}, fakeSuite())
	if err != nil {
		t.Fatal(err)
	}
	if as, _ := p.BuildAnalyzers(); len(as) != 2 {
		t.Errorf("with settings, analyzers %v; want both (the file not read)", analyzerNames(as))
	}

	write("rules:\n  quiet:\n    sevrity: note\n")
	if _, err := newPlugin(nil, fakeSuite()); err == nil || !strings.HasPrefix(err.Error(), ".microsec.yml:3: unknown key \"sevrity\"") {
		t.Errorf("error %v, want one naming .microsec.yml:3", err)
	}
}
