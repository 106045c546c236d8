package main

import (
	"encoding/json"
	"errors"
	"flag"
	"io/fs"
	"os"
	"reflect"
	"strings"

	"github.com/microsec-lint/microsec-lint/analyzers"
)

// quietVetDependency reports whether go vet runs the tool on a dependency
// only for its facts (a VetxOnly unit) while a rule flag on the command
// line has a value that the flag rejects. go vet asks the tool for its
// flags before it parses its own command line, so it cannot check such a
// value itself; every package named on its command line fails with it and
// says why. A dependency then stays quiet and succeeds, so that the
// mistake is told once for each package named, not once more for each
// package of the standard library.
//
// It writes no facts file: go vet caches a unit that succeeds only with
// its facts, under a key that does not tell a facts-only run from a run on
// a package named. Facts written here would let the same package, named
// in a later go vet with the same bad value, pass from the cache without
// a word. Without them nothing is cached, and the packages that import
// this one are given no facts for it, which nothing reads, since each of
// them fails too or stays quiet in the same way.
func quietVetDependency(rules []analyzers.Rule, args []string) bool {
	if len(args) == 0 || !strings.HasSuffix(args[len(args)-1], ".cfg") {
		return false
	}
	var unit struct {
		VetxOnly   bool
		VetxOutput string
	}
	data, err := os.ReadFile(args[len(args)-1])
	if err != nil || json.Unmarshal(data, &unit) != nil || !unit.VetxOnly {
		return false
	}
	if !badRuleFlag(rules, args[:len(args)-1]) {
		return false
	}
	// A facts file left from an earlier run must not be cached either.
	err = os.Remove(unit.VetxOutput)
	return unit.VetxOutput == "" || err == nil || errors.Is(err, fs.ErrNotExist)
}

// badRuleFlag reports whether args, as go vet passes them on, give a rule
// flag (-RULE.FLAG=value, or -RULE.FLAG value) a value that the flag
// rejects. The values are tried on new, empty flag values of the same
// types, so that the analyzers' own flags are left as they are.
func badRuleFlag(rules []analyzers.Rule, args []string) bool {
	values := make(map[string]flag.Value)
	for _, r := range rules {
		r.Analyzer.Flags.VisitAll(func(f *flag.Flag) {
			values[r.Analyzer.Name+"."+f.Name] = f.Value
		})
	}
	for i := 0; i < len(args); i++ {
		a, ok := strings.CutPrefix(args[i], "-")
		if !ok {
			continue
		}
		a = strings.TrimPrefix(a, "-")
		name, value, hasValue := strings.Cut(a, "=")
		v, ok := values[name]
		if !ok {
			continue
		}
		if !hasValue {
			if b, ok := v.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
				continue
			}
			if i+1 == len(args) {
				continue
			}
			i++
			value = args[i]
		}
		if fresh := emptyValue(v); fresh != nil && fresh.Set(value) != nil {
			return true
		}
	}
	return false
}

// emptyValue returns a new flag value of v's type, at its zero value, or
// nil when v is not a pointer.
func emptyValue(v flag.Value) flag.Value {
	t := reflect.TypeOf(v)
	if t.Kind() != reflect.Pointer {
		return nil
	}
	fresh, _ := reflect.New(t.Elem()).Interface().(flag.Value)
	return fresh
}
