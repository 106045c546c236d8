package lsp

import (
	"flag"
	"reflect"

	"github.com/microsec-lint/microsec-lint/analyzers"
	"github.com/microsec-lint/microsec-lint/internal/config"
	"github.com/microsec-lint/microsec-lint/internal/report"
)

// Settings tells the server to read .microsec.yml as the command does, but
// for each package: the file config.Find finds from the package's
// directory applies to that package (none: the defaults), and a file that
// cannot be read or applied is reported to the client instead of stopping
// the server.
type Settings struct {
	// Overrides are the command line's -enable, -disable and -RULE.FLAG,
	// which win over every file.
	Overrides config.Overrides
	// Extra names rules a file may name that are not analyzers (the
	// command's vulncheck), as config.Config.Apply takes them.
	Extra []string
	// File, when set, is the settings file of every package (the
	// command's -config), read again for each analysis, instead of the
	// one found from each package's directory.
	File string
}

// settings returns the rules and the filter of findings for packages
// whose settings file is path ("" for none) in the module at root. It
// first puts every analyzer flag back as it was when the server started,
// since Apply sets flags for the whole process and the previous group of
// packages may have had other settings. Only one analysis runs at a time,
// so no analyzer reads a flag meanwhile.
func (s *server) settings(path, root string) ([]analyzers.Rule, func([]report.Finding) []report.Finding, error) {
	if s.opts.Settings == nil {
		return s.opts.Rules, s.opts.Filter, nil
	}
	cfg := config.Default(root)
	if path != "" {
		var err error
		if cfg, err = config.Load(path); err != nil {
			return nil, nil, err
		}
	}
	s.flags.restore()
	rules, err := cfg.Apply(s.opts.Rules, s.opts.Settings.Overrides, s.opts.Settings.Extra...)
	if err != nil {
		return nil, nil, err
	}
	return rules, cfg.Filter, nil
}

// flagState is a copy of the values of the analyzers' flags.
type flagState []savedFlag

type savedFlag struct {
	value reflect.Value // the variable behind the flag.Value
	saved reflect.Value // a copy of what it held
}

// saveFlags copies the value of each flag of rules. A flag.Value is in
// practice a pointer to the variable it sets; the copy is of that
// variable, since a round trip through String and Set would add to the
// lists whose Set appends.
func saveFlags(rules []analyzers.Rule) flagState {
	var st flagState
	for _, r := range rules {
		r.Analyzer.Flags.VisitAll(func(f *flag.Flag) {
			v := reflect.ValueOf(f.Value)
			if v.Kind() != reflect.Pointer || v.IsNil() || !v.Elem().CanSet() {
				return
			}
			st = append(st, savedFlag{value: v.Elem(), saved: clone(v.Elem())})
		})
	}
	return st
}

// restore puts back the values saveFlags copied.
func (st flagState) restore() {
	for _, f := range st {
		f.value.Set(clone(f.saved))
	}
}

// clone copies v, and the elements of a slice, so that later appends and
// element writes to one do not reach the other.
func clone(v reflect.Value) reflect.Value {
	c := reflect.New(v.Type()).Elem()
	if v.Kind() == reflect.Slice && !v.IsNil() {
		c.Set(reflect.MakeSlice(v.Type(), v.Len(), v.Len()))
		reflect.Copy(c, v)
		return c
	}
	c.Set(v)
	return c
}
