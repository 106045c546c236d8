package config

import (
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/microsec-lint/microsec-lint/analyzers"
	"github.com/microsec-lint/microsec-lint/internal/flagval"
	"github.com/microsec-lint/microsec-lint/internal/report"
	"golang.org/x/tools/go/analysis"
)

// suite returns three fresh rules whose analyzers have one flag of each
// kind, so that tests can set flags without touching the real suite.
func suite() []analyzers.Rule {
	mk := func(name string) *analysis.Analyzer {
		return &analysis.Analyzer{Name: name, Doc: "test rule " + name,
			Run: func(*analysis.Pass) (any, error) { return nil, nil }}
	}
	transport := mk("insecuretransport")
	transport.Flags.Bool("mdns", true, "report the mdns registry")
	transport.Flags.String("min-version", "1.2", "lowest TLS version")
	sql := mk("sqlconcat")
	sinks := flagval.List{"database/sql.DB.Query"}
	sql.Flags.Var(&sinks, "sinks", "comma-separated extra SQL sinks")
	sql.Flags.Int("max-depth", 4, "how deep to follow helpers")
	secret := mk("hardcodedsecret")
	words := appendList{"changeme"}
	secret.Flags.Var(&words, "placeholders", "comma-separated words that mark a placeholder")
	return []analyzers.Rule{
		{Analyzer: transport, Level: "error"},
		{Analyzer: sql, Level: "error"},
		{Analyzer: secret, Level: "warning"},
	}
}

// appendList is a list flag as the analyzers write their own: a slice
// type whose Set appends the comma-separated elements, with no Get.
type appendList []string

func (l *appendList) String() string { return strings.Join(*l, ",") }

func (l *appendList) Set(s string) error {
	*l = append(*l, strings.Split(s, ",")...)
	return nil
}

func flagValue(t *testing.T, rules []analyzers.Rule, rule, name string) string {
	t.Helper()
	for _, r := range rules {
		if r.Analyzer.Name == rule {
			return r.Analyzer.Flags.Lookup(name).Value.String()
		}
	}
	t.Fatalf("no rule %s", rule)
	return ""
}

func names(rules []analyzers.Rule) []string {
	var out []string
	for _, r := range rules {
		out = append(out, r.Analyzer.Name)
	}
	return out
}

// writeConfig writes a settings file in a new directory, makes that the
// working directory and returns the file's name as users would type it.
func writeConfig(t *testing.T, text string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, FileName), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	return FileName
}

func TestLoadAndApply(t *testing.T) {
	path := writeConfig(t, `# settings of the shop services
version: 1
disable: [hardcodedsecret]   # configured below all the same
exclude:
  - internal/legacy/**
  - ./gen/
exclude-generated: true
rules:
  insecuretransport:
    severity: warning
    settings:
      mdns: false
      min-version: 1.3
  sqlconcat:
    exclude: migrations
    settings:
      sinks: [example.com/db.Exec, example.com/db.Query]
      max-depth: 8
  hardcodedsecret:
    settings:
      placeholders: [dummy, sample]
`)
	c, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if c.Dir != filepath.Dir(c.Path) || !filepath.IsAbs(c.Path) {
		t.Errorf("Path %q, Dir %q: want an absolute path and its directory", c.Path, c.Dir)
	}
	if want := []string{"internal/legacy/**", "gen"}; !reflect.DeepEqual(c.Exclude, want) {
		t.Errorf("Exclude = %q, want %q", c.Exclude, want)
	}
	rules := suite()
	got, err := c.Apply(rules, Overrides{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"insecuretransport", "sqlconcat"}; !reflect.DeepEqual(names(got), want) {
		t.Errorf("rules = %v, want %v", names(got), want)
	}
	if got[0].Level != "warning" || got[1].Level != "error" {
		t.Errorf("levels = %s, %s; want warning (from the file), error (the rule's)", got[0].Level, got[1].Level)
	}
	if rules[0].Level != "error" {
		t.Errorf("Apply changed the level of the rules it was given")
	}
	for _, tc := range []struct{ rule, flag, want string }{
		{"insecuretransport", "mdns", "false"},
		{"insecuretransport", "min-version", "1.3"},
		{"sqlconcat", "sinks", "example.com/db.Exec,example.com/db.Query"},
		{"sqlconcat", "max-depth", "8"},
		// The flag's Set decides whether a list adds to its default.
		{"hardcodedsecret", "placeholders", "changeme,dummy,sample"},
	} {
		if v := flagValue(t, rules, tc.rule, tc.flag); v != tc.want {
			t.Errorf("%s.%s = %q, want %q", tc.rule, tc.flag, v, tc.want)
		}
	}
}

// TestVersionQuoted: version 1 may be quoted, as golangci-lint's own
// settings write theirs; 1.0 and "2" are still refused.
func TestVersionQuoted(t *testing.T) {
	for _, text := range []string{"version: 1\n", "version: \"1\"\n", "version: '1'\n"} {
		if _, err := Load(writeConfig(t, text)); err != nil {
			t.Errorf("%q: %v", text, err)
		}
	}
	for _, text := range []string{"version: 1.0\n", "version: \"2\"\n", "version: [1]\n"} {
		if _, err := Load(writeConfig(t, text)); err == nil || !strings.Contains(err.Error(), "the only version is 1") {
			t.Errorf("%q: error %v, want one saying the only version is 1", text, err)
		}
	}
}

func TestEmptyFileIsDefaults(t *testing.T) {
	for _, text := range []string{"", "# nothing yet\n", "~\n", "---\n"} {
		c, err := Load(writeConfig(t, text))
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		got, err := c.Apply(suite(), Overrides{})
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		if len(got) != 3 || !c.ExcludeGenerated {
			t.Errorf("%q: %d rules, ExcludeGenerated %v; want every rule and generated files excluded", text, len(got), c.ExcludeGenerated)
		}
	}
}

// TestErrors covers each kind of error, from Load (shape) and from Apply
// (names and settings). Each names the file, the line and the key.
func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name, text, want string
	}{
		{"unknown top-level key", "exclud: [gen]\n",
			`.microsec.yml:1: unknown key "exclud" (did you mean "exclude"?)`},
		{"unknown key of a rule", "rules:\n  sqlconcat:\n    sevrity: warning\n",
			`.microsec.yml:3: unknown key "sevrity" in rules.sqlconcat (did you mean "severity"?)`},
		{"unknown key far from any", "rules:\n  sqlconcat:\n    options: {}\n",
			`.microsec.yml:3: unknown key "options" in rules.sqlconcat (want one of: severity, exclude, settings)`},
		{"bad severity", "rules:\n  sqlconcat:\n    severity: critical\n",
			`.microsec.yml:3: bad value "critical" for rules.sqlconcat.severity: want error, warning or note`},
		{"rule is not a mapping", "rules:\n  sqlconcat: warning\n",
			`.microsec.yml:2: bad value for rules.sqlconcat: want a mapping with keys severity, exclude, settings, got a string`},
		{"rules is a list", "rules: [sqlconcat]\n",
			`.microsec.yml:1: bad value for rules: want a mapping from rule names to their settings, got a list`},
		{"unknown rule in rules", "rules:\n  sqlconcat: {}\n  sqlconcatt:\n    severity: note\n",
			`.microsec.yml:3: unknown rule "sqlconcatt" in rules (did you mean "sqlconcat"?)`},
		{"unknown rule in enable", "enable:\n  - sqlconcat\n  - cmdinjection\n",
			`.microsec.yml:3: unknown rule "cmdinjection" in enable (want one of: insecuretransport, sqlconcat, hardcodedsecret)`},
		{"unknown rule in disable", "disable: insecuretransprt\n",
			`.microsec.yml:1: unknown rule "insecuretransprt" in disable (did you mean "insecuretransport"?)`},
		{"enable is a mapping", "enable: {sqlconcat: true}\n",
			`.microsec.yml:1: bad value for enable: want a list of rule names, got a mapping`},
		{"unknown setting", "rules:\n  insecuretransport:\n    settings:\n      mdsn: false\n",
			`.microsec.yml:4: unknown setting "mdsn" in rules.insecuretransport.settings (did you mean "mdns"?)`},
		{"setting far from any", "rules:\n  hardcodedsecret:\n    settings:\n      entropy: 4\n",
			`.microsec.yml:4: unknown setting "entropy" in rules.hardcodedsecret.settings (want one of: placeholders)`},
		{"appending list given a bool", "rules:\n  hardcodedsecret:\n    settings:\n      placeholders: false\n",
			`.microsec.yml:4: bad value false for rules.hardcodedsecret.settings.placeholders: want a list of strings`},
		{"bool setting given a string", "rules:\n  insecuretransport:\n    settings:\n      mdns: \"no\"\n",
			`.microsec.yml:4: bad value "no" for rules.insecuretransport.settings.mdns: want true or false`},
		{"string setting given a list", "rules:\n  insecuretransport:\n    settings:\n      min-version: [1.2, 1.3]\n",
			`.microsec.yml:4: bad value ["1.2", "1.3"] for rules.insecuretransport.settings.min-version: want a string`},
		{"string setting given a bool", "rules:\n  insecuretransport:\n    settings:\n      min-version: true\n",
			`.microsec.yml:4: bad value true for rules.insecuretransport.settings.min-version: want a string`},
		{"list setting given a bool", "rules:\n  sqlconcat:\n    settings:\n      sinks: true\n",
			`.microsec.yml:4: bad value true for rules.sqlconcat.settings.sinks: want a list of strings`},
		{"list setting given a mapping", "rules:\n  sqlconcat:\n    settings:\n      sinks: {a: b}\n",
			`.microsec.yml:4: bad value for rules.sqlconcat.settings.sinks: want a bool, a string or a list of strings, got a mapping`},
		{"list element with a comma", "rules:\n  sqlconcat:\n    settings:\n      sinks: [\"a,b\"]\n",
			`.microsec.yml:4: bad value "a,b" in rules.sqlconcat.settings.sinks: list elements cannot contain commas`},
		{"list with a nested list", "rules:\n  sqlconcat:\n    settings:\n      sinks:\n        - [a]\n",
			`.microsec.yml:5: bad value for rules.sqlconcat.settings.sinks: want a list of strings, got a list in it`},
		{"flag rejects the value", "rules:\n  sqlconcat:\n    settings:\n      max-depth: deep\n",
			`.microsec.yml:4: bad value "deep" for rules.sqlconcat.settings.max-depth: parse error`},
		{"setting without a value", "rules:\n  sqlconcat:\n    settings:\n      max-depth:\n",
			`.microsec.yml:4: no value for rules.sqlconcat.settings.max-depth`},
		{"settings is a list", "rules:\n  sqlconcat:\n    settings: [max-depth]\n",
			`.microsec.yml:3: bad value for rules.sqlconcat.settings: want a mapping from the analyzer's flag names to values, got a list`},
		{"duplicate key", "rules:\n  sqlconcat:\n    severity: note\n    severity: error\n",
			`.microsec.yml:4: duplicate key "severity" in rules.sqlconcat (first at line 3)`},
		{"duplicate rule", "rules:\n  sqlconcat: {}\n  sqlconcat: {}\n",
			`.microsec.yml:3: duplicate key "sqlconcat" in rules (first at line 2)`},
		{"bad exclude-generated", "exclude-generated: yes\n",
			`.microsec.yml:1: bad value "yes" for exclude-generated: want true or false`},
		{"bad version", "version: 2\n",
			`.microsec.yml:1: bad value "2" for version: the only version is 1`},
		{"malformed glob", "exclude: [\"gen/[a-\"]\n",
			`.microsec.yml:1: bad pattern "gen/[a-" in exclude: malformed pattern: syntax error in pattern`},
		{"absolute glob", "exclude:\n  - /srv/gen\n",
			`.microsec.yml:2: bad pattern "/srv/gen" in exclude: patterns are relative to the directory of the settings file`},
		{"parent glob", "rules:\n  sqlconcat:\n    exclude: [../other]\n",
			`.microsec.yml:3: bad pattern "../other" in rules.sqlconcat.exclude: "", "." and ".." are not allowed between slashes`},
		{"not a mapping", "- sqlconcat\n",
			`.microsec.yml:1: the settings must be a mapping of keys (version, enable, disable, exclude, exclude-generated, rules), not a list`},
		{"syntax error", "rules:\n  sqlconcat:\n    severity: [note\n",
			`.microsec.yml:3: invalid YAML: did not find expected ',' or ']'`},
		{"two documents", "enable: [sqlconcat]\n---\nenable: [insecuretransport]\n",
			`.microsec.yml:2: more than one YAML document: keep one`},
		{"merge key", "rules:\n  sqlconcat:\n    <<: {severity: note}\n",
			`.microsec.yml:3: merge keys (<<) are not supported in rules.sqlconcat`},
		{"anchor of a bad value", "x: &bad 1\n",
			`.microsec.yml:1: unknown key "x" (want one of: version, enable, disable, exclude, exclude-generated, rules)`},
		{"nothing left to run", "enable: [sqlconcat]\ndisable: [sqlconcat]\n",
			`.microsec.yml: no rules left to run after enable and disable (and the command's -enable and -disable)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rules := suite()
			c, err := Load(writeConfig(t, tc.text))
			if err == nil {
				_, err = c.Apply(rules, Overrides{})
			}
			if err == nil {
				t.Fatalf("no error, want %s", tc.want)
			}
			got := err.Error()
			if !strings.HasPrefix(got, tc.want) {
				t.Errorf("error:\n got %s\nwant %s", got, tc.want)
			}
			// A rejected file sets no flag.
			if v := flagValue(t, rules, "insecuretransport", "mdns"); v != "true" {
				t.Errorf("mdns = %s after a failed Apply", v)
			}
		})
	}
}

func TestErrorLineNamesSyntaxErrorLine(t *testing.T) {
	_, err := Load(writeConfig(t, "enable: [a\nrules: {\n"))
	if err == nil || !strings.HasPrefix(err.Error(), ".microsec.yml:") {
		t.Errorf("error %v does not name the file", err)
	}
}

func TestMissingFile(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "nope.yml"))
	if err == nil || !strings.Contains(err.Error(), "nope.yml") {
		t.Errorf("error %v does not name the file", err)
	}
}

// TestPrecedence runs the command's flag parsing: flags given on the
// command line win over the file, the file wins over the defaults.
func TestPrecedence(t *testing.T) {
	const file = `enable: [insecuretransport, sqlconcat]
disable: [sqlconcat]
rules:
  insecuretransport:
    settings:
      mdns: false
      min-version: "1.3"
  sqlconcat:
    settings:
      sinks: [a.B, c.D]
`
	for _, tc := range []struct {
		args  []string
		rules []string
		flags map[string]string // "rule.flag": value after Apply
	}{
		{nil, []string{"insecuretransport"}, map[string]string{
			"insecuretransport.mdns": "false", "insecuretransport.min-version": "1.3", "sqlconcat.sinks": "a.B,c.D"}},
		{[]string{"-insecuretransport.mdns=true"}, []string{"insecuretransport"}, map[string]string{
			"insecuretransport.mdns": "true", "insecuretransport.min-version": "1.3"}},
		{[]string{"-insecuretransport.min-version", "1.2", "-sqlconcat.sinks", "x.Y"}, []string{"insecuretransport"}, map[string]string{
			"insecuretransport.mdns": "false", "insecuretransport.min-version": "1.2", "sqlconcat.sinks": "x.Y"}},
		// -enable replaces the file's enable list and undoes its disable.
		{[]string{"-enable", "sqlconcat"}, []string{"sqlconcat"}, nil},
		{[]string{"-enable", "hardcodedsecret,sqlconcat"}, []string{"sqlconcat", "hardcodedsecret"}, nil},
		// -disable adds to the file's disable list.
		{[]string{"-disable", "insecuretransport", "-enable", "sqlconcat,insecuretransport"}, []string{"sqlconcat"}, nil},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			rules := suite()
			fs := commandFlags(rules)
			if err := fs.Parse(tc.args); err != nil {
				t.Fatal(err)
			}
			c, err := Load(writeConfig(t, file))
			if err != nil {
				t.Fatal(err)
			}
			got, err := c.Apply(rules, CommandLine(fs))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(names(got), tc.rules) {
				t.Errorf("rules = %v, want %v", names(got), tc.rules)
			}
			for name, want := range tc.flags {
				if v := fs.Lookup(name).Value.String(); v != want {
					t.Errorf("-%s = %q, want %q", name, v, want)
				}
			}
		})
	}
}

// commandFlags declares flags the way cmd/microsec-lint does.
func commandFlags(rules []analyzers.Rule) *flag.FlagSet {
	fs := flag.NewFlagSet("microsec-lint", flag.ContinueOnError)
	fs.String("enable", "", "")
	fs.String("disable", "", "")
	fs.String("config", "", "")
	for _, r := range rules {
		r.Analyzer.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, r.Analyzer.Name+"."+f.Name, f.Usage)
		})
	}
	return fs
}

func TestCommandLineErrors(t *testing.T) {
	for _, tc := range []struct {
		o    Overrides
		want string
	}{
		{Overrides{Enable: []string{"sqlconcatt"}}, `-enable: unknown rule "sqlconcatt" (did you mean "sqlconcat"?)`},
		{Overrides{Disable: []string{"nope"}}, `-disable: unknown rule "nope" (want one of: RULES)`},
		{Overrides{Disable: []string{"insecuretransport", "sqlconcat", "hardcodedsecret"}}, "no rules left to run after -enable and -disable"},
	} {
		_, err := Default(t.TempDir()).Apply(suite(), tc.o)
		var names []string
		for _, r := range suite() {
			names = append(names, r.Analyzer.Name)
		}
		tc.want = strings.ReplaceAll(tc.want, "RULES", strings.Join(names, ", "))
		if err == nil || err.Error() != tc.want {
			t.Errorf("%+v: error %v, want %s", tc.o, err, tc.want)
		}
	}
}

func TestNilConfig(t *testing.T) {
	var c *Config
	if !c.Excluded("sqlconcat", "api/shop.pb.go") || c.Excluded("sqlconcat", "api/shop.go") {
		t.Error("a nil config does not exclude exactly the generated files")
	}
	if _, err := c.Apply(suite(), Overrides{}); err == nil {
		t.Error("Apply on a nil config: no error")
	}
}

// TestExtraRules covers rules that are not analyzers, as the command's
// vulncheck: they are selected like the others but take no settings.
func TestExtraRules(t *testing.T) {
	for _, tc := range []struct {
		file    string
		o       Overrides
		rules   []string
		vuln    bool
		wantErr string
	}{
		{"", Overrides{}, []string{"insecuretransport", "sqlconcat", "hardcodedsecret"}, true, ""},
		{"disable: [vulncheck]\n", Overrides{}, []string{"insecuretransport", "sqlconcat", "hardcodedsecret"}, false, ""},
		{"enable: [vulncheck]\n", Overrides{}, nil, true, ""},
		{"disable: [vulncheck]\n", Overrides{Enable: []string{"vulncheck", "sqlconcat"}}, []string{"sqlconcat"}, true, ""},
		{"rules:\n  vulncheck:\n    severity: warning\n    exclude: [tools]\n", Overrides{}, []string{"insecuretransport", "sqlconcat", "hardcodedsecret"}, true, ""},
		{"rules:\n  vulncheck:\n    settings:\n      db: file:///x\n", Overrides{}, nil, false,
			`.microsec.yml:4: unknown setting "db" in rules.vulncheck.settings (the rule has no settings)`},
		{"enable: [vulncheck]\n", Overrides{Disable: []string{"vulncheck"}}, nil, false,
			`.microsec.yml: no rules left to run`},
	} {
		c, err := Load(writeConfig(t, tc.file))
		if err != nil {
			t.Fatal(err)
		}
		got, err := c.Apply(suite(), tc.o, "vulncheck")
		if tc.wantErr != "" {
			if err == nil || !strings.HasPrefix(err.Error(), tc.wantErr) {
				t.Errorf("%q %+v: error %v, want %s", tc.file, tc.o, err, tc.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q %+v: %v", tc.file, tc.o, err)
			continue
		}
		if !slices.Equal(names(got), tc.rules) || c.Enabled("vulncheck") != tc.vuln {
			t.Errorf("%q %+v: rules %v, vulncheck %v; want %v, %v", tc.file, tc.o, names(got), c.Enabled("vulncheck"), tc.rules, tc.vuln)
		}
	}
}

func TestDecode(t *testing.T) {
	// What golangci-lint passes: its YAML, decoded into Go values.
	settings := map[string]any{
		"disable": []any{"hardcodedsecret"},
		"rules": map[string]any{
			"sqlconcat": map[string]any{
				"severity": "note",
				"settings": map[string]any{"sinks": []any{"a.B"}, "max-depth": 6},
			},
			"insecuretransport": map[string]any{
				"settings": map[string]any{"mdns": false},
			},
		},
	}
	c, err := Decode(settings)
	if err != nil {
		t.Fatal(err)
	}
	rules := suite()
	got, err := c.Apply(rules, Overrides{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"insecuretransport", "sqlconcat"}; !reflect.DeepEqual(names(got), want) {
		t.Errorf("rules = %v, want %v", names(got), want)
	}
	if got[1].Level != "note" {
		t.Errorf("sqlconcat level %s, want note", got[1].Level)
	}
	for _, tc := range []struct{ rule, flag, want string }{
		{"sqlconcat", "sinks", "a.B"},
		{"sqlconcat", "max-depth", "6"},
		{"insecuretransport", "mdns", "false"},
	} {
		if v := flagValue(t, rules, tc.rule, tc.flag); v != tc.want {
			t.Errorf("%s.%s = %q, want %q", tc.rule, tc.flag, v, tc.want)
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	for _, tc := range []struct {
		settings map[string]any
		want     string
	}{
		{map[string]any{"rules": map[string]any{"sqlconcat": map[string]any{"sevrity": "note"}}},
			`settings: unknown key "sevrity" in rules.sqlconcat (did you mean "severity"?)`},
		{map[string]any{"enabled": []any{"sqlconcat"}},
			`settings: unknown key "enabled" (did you mean "enable"?)`},
		{map[string]any{"rules": map[string]any{"insecuretransport": map[string]any{"settings": map[string]any{"mdns": "false"}}}},
			`settings: bad value "false" for rules.insecuretransport.settings.mdns: want true or false`},
		{map[string]any{"rules": map[string]any{"nosuchrule": nil}},
			`settings: unknown rule "nosuchrule" in rules`},
		{map[string]any{"exclude-generated": "false"},
			`settings: bad value "false" for exclude-generated: want true or false`},
	} {
		c, err := Decode(tc.settings)
		if err == nil {
			_, err = c.Apply(suite(), Overrides{})
		}
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("error %v, want %s", err, tc.want)
		}
	}
	if c, err := Decode(nil); err != nil || !c.ExcludeGenerated {
		t.Errorf("Decode(nil) = %+v, %v; want the defaults", c, err)
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "svc", "orders", "handler")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if p, err := Find(deep); err != nil || p != "" {
		t.Fatalf("Find with no file = %q, %v; want \"\", nil", p, err)
	}
	write := func(p string) {
		if err := os.WriteFile(p, []byte("version: 1\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(root, FileName))
	if p, err := Find(deep); err != nil || p != filepath.Join(root, FileName) {
		t.Errorf("Find = %q, %v; want the file two levels up", p, err)
	}
	nearer := filepath.Join(root, "svc", AltFileName)
	write(nearer)
	if p, err := Find(deep); err != nil || p != nearer {
		t.Errorf("Find = %q, %v; want the nearer %s", p, err, nearer)
	}
	write(filepath.Join(root, "svc", FileName))
	if _, err := Find(deep); err == nil || !strings.Contains(err.Error(), "keep one") {
		t.Errorf("Find with both names in one directory: error %v", err)
	}

	// Resolve: an explicit file wins over the one Find would find.
	other := filepath.Join(t.TempDir(), "ci.yml")
	if err := os.WriteFile(other, []byte("enable: [sqlconcat]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Resolve(other, deep)
	if err != nil || c.Path != other || !slices.Equal(c.Enable, []string{"sqlconcat"}) {
		t.Errorf("Resolve(explicit) = %+v, %v", c, err)
	}
	empty := t.TempDir()
	c, err = Resolve("", empty)
	if err != nil || c.Path != "" || c.Dir != empty || !c.ExcludeGenerated {
		t.Errorf("Resolve with no file = %+v, %v; want defaults", c, err)
	}
}

func TestExcluded(t *testing.T) {
	c := Default("/repo")
	c.Exclude = []string{"internal/legacy", "**/mocks/*.go", "third_party/**", "*_gen.go"}
	c.Rules["sqlconcat"] = &RuleConfig{Exclude: []string{"migrations/**"}}
	for _, tc := range []struct {
		rule, path string
		want       bool
	}{
		{"sqlconcat", "main.go", false},
		{"sqlconcat", "internal/legacy/db.go", true},
		{"sqlconcat", "internal/legacy/deep/er/db.go", true},
		{"sqlconcat", "internal/legacyx/db.go", false},
		{"sqlconcat", "svc/mocks/db.go", true},
		{"sqlconcat", "mocks/db.go", true},
		{"sqlconcat", "svc/mocks/sub/db.go", false},
		{"sqlconcat", "third_party/x/y.go", true},
		{"sqlconcat", "a/b/types_gen.go", true},
		{"sqlconcat", "migrations/001.go", true},
		{"insecuretransport", "migrations/001.go", false},
		{"insecuretransport", `proto\shop.pb.go`, true},
		{"insecuretransport", "proto/shop.pb.micro.go", true},
		{"insecuretransport", "proto/shop.pb.gw.go", false},
		{"vulncheck", "proto/shop.pb.go", false},
		{"vulncheck", "internal/legacy/db.go", true},
		{"sqlconcat", "../elsewhere/x.pb.go", true},
		{"sqlconcat", "./internal/legacy/db.go", true},
	} {
		if got := c.Excluded(tc.rule, tc.path); got != tc.want {
			t.Errorf("Excluded(%s, %s) = %v, want %v", tc.rule, tc.path, got, tc.want)
		}
	}
	c.ExcludeGenerated = false
	if c.Excluded("insecuretransport", "proto/shop.pb.go") {
		t.Error("exclude-generated: false still excludes generated files")
	}
}

func TestFilter(t *testing.T) {
	c, err := Load(writeConfig(t, "exclude: [legacy]\nrules:\n  sqlconcat:\n    severity: note\n  vulncheck:\n    severity: warning\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Apply(suite(), Overrides{}, "vulncheck"); err != nil {
		t.Fatal(err)
	}
	base := c.Dir
	at := func(rule, rel string, level report.Level) report.Finding {
		return report.Finding{Rule: rule, Level: level, Pos: report.Position{File: filepath.Join(base, rel), Line: 1}}
	}
	in := []report.Finding{
		at("sqlconcat", "db.go", report.LevelError),
		at("sqlconcat", "legacy/db.go", report.LevelError),
		at("insecuretransport", "api/shop.pb.micro.go", report.LevelError),
		at("insecuretransport", "main.go", report.LevelWarning),
		at("GO-2024-0001", "api/shop.pb.go", report.LevelError), // vulncheck keeps generated files
		{Rule: "GO-2024-0002", Level: report.LevelWarning},      // no position
		at("ignoredirective", "api/shop.pb.go", report.LevelWarning),
		at("ignoredirective", "main.go", report.LevelWarning),
	}
	got := c.Filter(in)
	var desc []string
	for _, f := range got {
		rel, _ := filepath.Rel(base, f.Pos.File)
		if f.Pos.File == "" {
			rel = "-"
		}
		desc = append(desc, f.Rule+" "+filepath.ToSlash(rel)+" "+string(f.Level))
	}
	want := []string{
		"sqlconcat db.go note",
		"insecuretransport main.go warning",
		"GO-2024-0001 api/shop.pb.go warning",
		"GO-2024-0002 - warning",
		"ignoredirective main.go warning",
	}
	if !reflect.DeepEqual(desc, want) {
		t.Errorf("Filter:\n got %q\nwant %q", desc, want)
	}
	if in[0].Level != report.LevelError {
		t.Error("Filter changed its input")
	}
}

func TestListFlag(t *testing.T) {
	var l flagval.List = []string{"default"}
	if err := l.Set(" a , b,,c "); err != nil {
		t.Fatal(err)
	}
	if got := l.Get().([]string); !slices.Equal(got, []string{"a", "b", "c"}) || l.String() != "a,b,c" {
		t.Errorf("List after Set = %q (%s)", got, l.String())
	}
	if kindOf(&l) != listFlag {
		t.Error("flagval.List is not a list flag")
	}
}

// TestSpecialFiles: a settings file that is not a regular file (a link to
// /dev/zero, a named pipe) is one error, not an endless read; a link whose
// target is missing is an error too, not a file to pass over for the
// parent directory's settings.
func TestSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	zero := filepath.Join(dir, "zero.yml")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Skip(err)
	}
	fifo := filepath.Join(dir, "fifo.yml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	for _, p := range []string{zero, fifo} {
		if _, err := Load(p); err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("Load(%s): %v, want an error saying it is not a regular file", filepath.Base(p), err)
		}
	}

	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, FileName), []byte("disable: [insecuretransport]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(root, "svc")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "gone.yml"), filepath.Join(sub, FileName)); err != nil {
		t.Fatal(err)
	}
	if p, err := Find(sub); err == nil || !strings.Contains(err.Error(), "missing") {
		t.Errorf("Find beside a dangling link = %q, %v; want an error naming the missing target", p, err)
	}
}
