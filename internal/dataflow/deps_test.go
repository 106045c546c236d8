package dataflow

import (
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/microsec-lint/microsec-lint/internal/analysisutil"
)

func TestDepBodies(t *testing.T) {
	client := &analysis.Analyzer{Name: "client"}
	var sinks string
	client.Flags.StringVar(&sinks, "sinks", "", "extra sinks")
	need := DepBodies(client, func(path string) bool { return path == "database/sql" })
	needed := map[string]bool{"example.com/store": true, "os": true, "lib/store": true}
	ask := func(d analysisutil.Dep) bool { return need(d, func(p string) bool { return needed[p] }) }

	for _, c := range []struct {
		dep  analysisutil.Dep
		want bool
	}{
		{analysisutil.Dep{Path: "os", Std: true}, true},                                           // NoReturn's facts
		{analysisutil.Dep{Path: "net/http", Std: true, Imports: []string{"database/sql"}}, false}, // modelled
		{analysisutil.Dep{Path: "example.com/store", Imports: []string{"database/sql"}}, true},
		{analysisutil.Dep{Path: "example.com/repo", Imports: []string{"example.com/store"}}, true},
		{analysisutil.Dep{Path: "example.com/text", Imports: []string{"os", "strings"}}, false}, // os is needed, but standard
		// A module path without a dot (module lib, reached through a
		// replace directive) is not the standard library's.
		{analysisutil.Dep{Path: "lib/repo", Imports: []string{"lib/store"}}, true},
	} {
		if got := ask(c.dep); got != c.want {
			t.Errorf("%s: need = %v, want %v", c.dep.Path, got, c.want)
		}
	}
	if err := client.Flags.Set("sinks", "example.com/lib.Run"); err != nil {
		t.Fatal(err)
	}
	if !ask(analysisutil.Dep{Path: "example.com/text", Imports: []string{"strings"}}) {
		t.Error("with -sinks set, a dependency that reaches no built-in sink is still stripped")
	}
}
