// Package filter gives the drivers that are not microsec-lint's own (go
// vet's unitchecker, golangci-lint) the suite's analyzers wrapped so that
// their diagnostics pass the same settings and suppression directives as
// the command's findings.
package filter

import (
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/microsec-lint/microsec-lint/internal/analysisutil"
	"github.com/microsec-lint/microsec-lint/internal/config"
	"github.com/microsec-lint/microsec-lint/internal/secrets"
	"github.com/microsec-lint/microsec-lint/internal/suppress"
)

// Analyzer returns a copy of a whose Run reports only the diagnostics that
// cfg leaves in (the file not excluded for a's rule) and that no
// suppression directive in the package's files covers; known says which
// rule names a directive may give. The secrets a message quotes from the
// source are described, not shown (see secrets.RedactText), as the
// command's own output does. The copy keeps a's name,
// requirements and fact types, so facts flow between packages as before.
func Analyzer(a *analysis.Analyzer, cfg *config.Config, known func(string) bool) *analysis.Analyzer {
	w := *a
	w.Run = func(pass *analysis.Pass) (any, error) {
		// Most packages report nothing: their comments are read only
		// when a diagnostic comes.
		directives := sync.OnceValue(func() *suppress.Index {
			ix := suppress.NewIndex()
			ix.Add(suppress.Scan(pass.Fset, pass.Files, known))
			return ix
		})
		filtered := *pass
		filtered.Report = func(d analysis.Diagnostic) {
			pos := analysisutil.Position(pass.Fset, d.Pos)
			if cfg.ExcludedFile(a.Name, pos.Filename) {
				return
			}
			end := pos.Line
			if d.End.IsValid() {
				end = analysisutil.Position(pass.Fset, d.End).Line
			}
			if _, ok := directives().Lookup(a.Name, pos.Filename, pos.Line, end); ok {
				return
			}
			d.Message = secrets.RedactText(d.Message)
			pass.Report(d)
		}
		return a.Run(&filtered)
	}
	return &w
}

// Quiet returns a copy of a that reports nothing: a rule the settings
// disable still runs where other rules need its facts or result.
func Quiet(a *analysis.Analyzer) *analysis.Analyzer {
	w := *a
	w.Run = func(pass *analysis.Pass) (any, error) {
		quiet := *pass
		quiet.Report = func(analysis.Diagnostic) {}
		return a.Run(&quiet)
	}
	return &w
}
