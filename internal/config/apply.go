package config

import (
	"errors"
	"flag"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/microsec-lint/microsec-lint/analyzers"
)

// Overrides are what the command line says about rules. They win over
// the settings: Apply leaves alone every analyzer flag named in Flags,
// Enable replaces the settings' enable list and undoes their disable list
// for the rules it names, and Disable adds to the disable list. The zero
// value overrides nothing (the golangci-lint plugin has no command line).
type Overrides struct {
	Enable  []string        // rule names given to -enable
	Disable []string        // rule names given to -disable
	Flags   map[string]bool // "RULE.FLAG" names of analyzer flags set on the command line
}

// CommandLine returns the overrides of a parsed flag set that declares
// -enable and -disable (comma-separated rule names) and each analyzer
// flag as -RULE.FLAG, as the microsec-lint command does. Only flags the
// user set count.
func CommandLine(fs *flag.FlagSet) Overrides {
	o := Overrides{Flags: make(map[string]bool)}
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "enable":
			o.Enable = splitList(f.Value.String())
		case "disable":
			o.Disable = splitList(f.Value.String())
		default:
			if strings.Contains(f.Name, ".") {
				o.Flags[f.Name] = true
			}
		}
	})
	return o
}

func splitList(s string) []string {
	var out []string
	for _, e := range strings.Split(s, ",") {
		if e = strings.TrimSpace(e); e != "" {
			out = append(out, e)
		}
	}
	return out
}

// Apply configures the suite: it checks the rule names and settings
// against rules, sets each setting on its analyzer's flag through
// Analyzer.Flags.Set (unless the command line set that flag), and returns
// the rules that are to run, in the order of rules, with their Level set
// from the settings' severity.
//
// extra names rules that are not analyzers (the command's vulncheck): the
// settings may enable, disable and exclude them and give them a severity,
// but not settings. Enabled tells whether one of them is to run.
//
// Errors name the file, the line and the key. An error from the command
// line's -enable or -disable names the flag, as the command always has.
//
// Analyzer flags are global to the process: a value set here stays for
// later runs that use the same analyzers.
func (c *Config) Apply(rules []analyzers.Rule, o Overrides, extra ...string) ([]analyzers.Rule, error) {
	if c == nil {
		return nil, errors.New("config: Apply on a nil *Config; use Default")
	}
	byName := make(map[string]analyzers.Rule, len(rules))
	var names []string
	for _, r := range rules {
		byName[r.Analyzer.Name] = r
		names = append(names, r.Analyzer.Name)
	}
	names = append(names, extra...)
	known := func(n string) bool { return slices.Contains(names, n) }
	for _, list := range []struct {
		key   string
		names []string
	}{{"enable", c.Enable}, {"disable", c.Disable}} {
		for i, n := range list.names {
			if !known(n) {
				return nil, c.errorAt(fmt.Sprintf("%s[%d]", list.key, i),
					"unknown rule %q in %s%s", n, list.key, suggest(n, names))
			}
		}
	}
	for _, flagName := range []string{"enable", "disable"} {
		list := o.Enable
		if flagName == "disable" {
			list = o.Disable
		}
		for _, n := range list {
			if !known(n) {
				return nil, fmt.Errorf("-%s: unknown rule %q%s", flagName, n, suggest(n, names))
			}
		}
	}

	// Check every setting before setting any, so that a bad file changes
	// no flag.
	type assignment struct {
		fs          *flag.FlagSet
		flag, value string
		where       string
		line        int
	}
	var todo []assignment
	for _, name := range c.ruleNames() {
		if !known(name) {
			return nil, c.errorAt("rules."+name, "unknown rule %q in rules%s", name, suggest(name, names))
		}
		where := "rules." + name + ".settings"
		for _, s := range c.Rules[name].Settings {
			r, ok := byName[name]
			if !ok {
				return nil, c.errorLine(s.Line, "unknown setting %q in %s (the rule has no settings)", s.Flag, where)
			}
			value, err := settingValue(&r.Analyzer.Flags, s, where)
			if err != nil {
				return nil, c.errorLine(s.Line, "%v", err)
			}
			if o.Flags[name+"."+s.Flag] {
				continue // the command line wins
			}
			todo = append(todo, assignment{&r.Analyzer.Flags, s.Flag, value, where + "." + s.Flag, s.Line})
		}
	}

	on := c.Enable
	if len(o.Enable) > 0 {
		on = o.Enable
	}
	var off []string
	for _, n := range c.Disable {
		if !slices.Contains(o.Enable, n) {
			off = append(off, n)
		}
	}
	off = append(off, o.Disable...)
	selected := func(n string) bool {
		return (on == nil || slices.Contains(on, n)) && !slices.Contains(off, n)
	}
	enabled := make(map[string]bool)
	var out []analyzers.Rule
	for _, r := range rules {
		n := r.Analyzer.Name
		if selected(n) {
			if rc := c.Rules[n]; rc != nil && rc.Severity != "" {
				r.Level = rc.Severity
			}
			out = append(out, r)
			enabled[n] = true
		}
	}
	for _, n := range extra {
		if selected(n) {
			enabled[n] = true
		}
	}
	if len(enabled) == 0 {
		if len(names) == 0 {
			return nil, errors.New("no rules to run: the suite is empty")
		}
		if c.Enable == nil && c.Disable == nil {
			return nil, errors.New("no rules left to run after -enable and -disable")
		}
		return nil, &Error{File: c.source(), Msg: "no rules left to run after enable and disable (and the command's -enable and -disable)"}
	}

	for _, a := range todo {
		if err := a.fs.Set(a.flag, a.value); err != nil {
			return nil, c.errorLine(a.line, "bad value %q for %s: %v", a.value, a.where, err)
		}
	}
	c.enabled = enabled
	return out, nil
}

// Enabled reports whether the last Apply selected the rule, analyzer or
// extra name.
func (c *Config) Enabled(rule string) bool {
	return c.enabled[rule]
}

// settingValue checks s against the analyzer's flag of that name and
// returns the text to pass to its Set.
func settingValue(fs *flag.FlagSet, s Setting, where string) (string, error) {
	f := fs.Lookup(s.Flag)
	if f == nil {
		var flags []string
		fs.VisitAll(func(f *flag.Flag) { flags = append(flags, f.Name) })
		if len(flags) == 0 {
			return "", fmt.Errorf("unknown setting %q in %s (the rule has no settings)", s.Flag, where)
		}
		return "", fmt.Errorf("unknown setting %q in %s%s", s.Flag, where, suggest(s.Flag, flags))
	}
	key := where + "." + s.Flag
	switch kindOf(f.Value) {
	case boolFlag:
		b, ok := s.Value.(bool)
		if !ok {
			return "", fmt.Errorf("bad value %s for %s: want true or false", showValue(s.Value), key)
		}
		return fmt.Sprint(b), nil
	case listFlag:
		switch v := s.Value.(type) {
		case string:
			return v, nil
		case []string:
			for _, e := range v {
				if strings.Contains(e, ",") {
					return "", fmt.Errorf("bad value %q in %s: list elements cannot contain commas", e, key)
				}
			}
			return strings.Join(v, ","), nil
		}
		return "", fmt.Errorf("bad value %s for %s: want a list of strings", showValue(s.Value), key)
	default:
		if v, ok := s.Value.(string); ok {
			return v, nil
		}
		return "", fmt.Errorf("bad value %s for %s: want a %s", showValue(s.Value), key, scalarName(f.Value))
	}
}

type flagKind int

const (
	scalarFlag flagKind = iota
	boolFlag
	listFlag
)

// kindOf tells bool and list flags from the others: bool flags say so as
// the flag package asks them to (IsBoolFlag); a list flag's Get returns
// []string, or the value is a pointer to a slice of strings (the
// analyzers' own "type list []string" values, which take a
// comma-separated list in Set).
func kindOf(v flag.Value) flagKind {
	if b, ok := v.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
		return boolFlag
	}
	if g, ok := v.(flag.Getter); ok {
		switch g.Get().(type) {
		case bool:
			return boolFlag
		case []string:
			return listFlag
		}
	}
	if t := reflect.TypeOf(v); t != nil && t.Kind() == reflect.Pointer &&
		t.Elem().Kind() == reflect.Slice && t.Elem().Elem().Kind() == reflect.String {
		return listFlag
	}
	return scalarFlag
}

func scalarName(v flag.Value) string {
	if g, ok := v.(flag.Getter); ok {
		switch g.Get().(type) {
		case int, int64, uint, uint64:
			return "whole number"
		case float64:
			return "number"
		}
	}
	return "string"
}

func showValue(v any) string {
	switch v := v.(type) {
	case bool:
		return fmt.Sprint(v)
	case string:
		return fmt.Sprintf("%q", v)
	case []string:
		q := make([]string, len(v))
		for i, e := range v {
			q[i] = fmt.Sprintf("%q", e)
		}
		return "[" + strings.Join(q, ", ") + "]"
	}
	return fmt.Sprint(v)
}

// ruleNames returns the configured rules in the order they were written.
func (c *Config) ruleNames() []string {
	names := make([]string, 0, len(c.Rules))
	for n := range c.Rules {
		names = append(names, n)
	}
	slices.SortFunc(names, func(a, b string) int {
		if la, lb := c.lines["rules."+a], c.lines["rules."+b]; la != lb {
			return la - lb
		}
		return strings.Compare(a, b)
	})
	return names
}

func (c *Config) errorAt(key, format string, args ...any) error {
	return c.errorLine(c.lines[key], format, args...)
}

func (c *Config) errorLine(line int, format string, args ...any) error {
	return &Error{File: c.source(), Line: line, Msg: fmt.Sprintf(format, args...)}
}

func (c *Config) source() string {
	if c.src == "" {
		return "settings"
	}
	return c.src
}
