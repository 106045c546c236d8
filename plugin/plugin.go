// Package plugin is the golangci-lint module plugin of microsec-lint. It
// registers the linter "microsec" with plugin-module-register, the
// registry golangci-lint v2 builds into a custom binary with
// "golangci-lint custom"; docs/golangci-lint.md shows how.
//
// The plugin's settings (linters.settings.custom.microsec.settings in
// .golangci.yml) have the schema of .microsec.yml, decoded as strictly:
// an unknown key, rule or analyzer setting stops golangci-lint with an
// error that names it. When the settings are absent or empty, the plugin
// reads the .microsec.yml that microsec-lint would find from the directory
// golangci-lint runs in, so a project can keep one file for both; when
// they are given, they are used alone and no file is read.
//
// golangci-lint reports each finding as "RULE: message" under the linter
// name microsec. It decides severities and exclusions with its own
// configuration; the settings' exclude patterns (relative to the directory
// golangci-lint runs in) and their default exclusion of generated
// protobuf files are applied too, before golangci-lint sees the findings.
package plugin

import (
	"errors"
	"fmt"
	"os"

	"github.com/golangci/plugin-module-register/register"
	"github.com/microsec-lint/microsec-lint/analyzers"
	"github.com/microsec-lint/microsec-lint/internal/config"
	"github.com/microsec-lint/microsec-lint/internal/filter"
	"golang.org/x/tools/go/analysis"
	"gopkg.in/yaml.v3"
)

// Name is the linter name the plugin registers, the key under
// linters.settings.custom in .golangci.yml.
const Name = "microsec"

// vulncheck is the command's rule that is not an analyzer. The plugin
// accepts its name, so that one .microsec.yml serves both, but never runs
// it: it is a govulncheck run over the module graph, not a pass.
const vulncheck = "vulncheck"

// settingsPath is where golangci-lint users write the settings.
const settingsPath = "linters.settings.custom." + Name + ".settings"

func init() {
	register.Plugin(Name, New)
}

// Plugin is the configured suite.
type Plugin struct {
	cfg   *config.Config
	rules []analyzers.Rule
}

var _ register.LinterPlugin = (*Plugin)(nil)

// New decodes the plugin settings golangci-lint passes (nil when there
// are none) and configures the suite's analyzers from them. Errors name
// the offending key under linters.settings.custom.microsec.settings.
func New(settings any) (register.LinterPlugin, error) {
	return newPlugin(settings, analyzers.All())
}

func newPlugin(settings any, suite []analyzers.Rule) (*Plugin, error) {
	m, err := settingsMap(settings)
	if err != nil {
		return nil, err
	}
	wd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	var cfg *config.Config
	if len(m) == 0 {
		// No settings: the project's .microsec.yml, if it has one. Its
		// errors name the file and line, as the command's do.
		cfg, err = config.Resolve("", wd)
		if err != nil {
			return nil, err
		}
		rules, err := cfg.Apply(suite, config.Overrides{}, vulncheck)
		if err != nil {
			return nil, err
		}
		if len(rules) == 0 {
			return nil, fmt.Errorf("%s: no analyzers left to run (vulncheck runs only in the microsec-lint command)", cfg.Path)
		}
		return &Plugin{cfg: cfg, rules: rules}, nil
	}
	cfg, err = config.Decode(m)
	if err != nil {
		return nil, relabel(err)
	}
	cfg.Dir = wd
	rules, err := cfg.Apply(suite, config.Overrides{}, vulncheck)
	if err != nil {
		return nil, relabel(err)
	}
	if len(rules) == 0 {
		return nil, fmt.Errorf("%s: no analyzers left to run (vulncheck runs only in the microsec-lint command)", settingsPath)
	}
	return &Plugin{cfg: cfg, rules: rules}, nil
}

// settingsMap accepts what golangci-lint's configuration loader produces
// for a YAML, TOML or JSON mapping.
func settingsMap(settings any) (map[string]any, error) {
	switch s := settings.(type) {
	case nil:
		return nil, nil
	case map[string]any:
		return s, nil
	}
	// Mappings with other key types (map[any]any) go through YAML, which
	// turns their keys into strings; anything else is not a mapping.
	data, err := yaml.Marshal(settings)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", settingsPath, err)
	}
	var m map[string]any
	if err := yaml.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("%s: want a mapping of keys (enable, disable, exclude, exclude-generated, rules), got %T", settingsPath, settings)
	}
	return m, nil
}

func relabel(err error) error {
	var ce *config.Error
	if errors.As(err, &ce) {
		ce.File = settingsPath
		return ce
	}
	return fmt.Errorf("%s: %w", settingsPath, err)
}

// BuildAnalyzers returns the analyzers of the enabled rules. Each is a
// copy of the suite's analyzer whose findings in excluded files, or that a
// //microsec:ignore directive covers, are dropped (see filter.Analyzer).
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	out := make([]*analysis.Analyzer, len(p.rules))
	for i, r := range p.rules {
		out[i] = filter.Analyzer(r.Analyzer, p.cfg, analyzers.Known())
	}
	return out, nil
}

// GetLoadMode asks golangci-lint for type information: every rule
// matches calls by their types.Object.
func (p *Plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}
