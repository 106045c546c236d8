package driver

import (
	"go/token"

	"github.com/microsec-lint/microsec-lint/internal/report"
	"github.com/microsec-lint/microsec-lint/internal/suppress"
)

// DirectiveRule is the rule under which malformed suppression directives
// are reported. It is not an analyzer: the driver applies directives.
var DirectiveRule = report.Rule{
	ID:    "ignoredirective",
	Title: "report suppression directives without a reason or with an unknown rule",
	Help: "A //microsec:ignore directive must name known rules and give a reason:\n\n" +
		"\t//microsec:ignore sqlconcat -- the table name comes from a constant set\n\n" +
		"A directive that does not silences nothing and is reported, so that every " +
		"silenced finding leaves a justification behind.",
	HelpURI:          "https://github.com/microsec-lint/microsec-lint/blob/main/README.md#suppressing-findings",
	CWE:              []int{1078},
	Level:            report.LevelWarning,
	SecuritySeverity: "2.0",
}

// applyDirectives marks the findings that directives in the root packages silence,
// and returns findings for the malformed directives.
func applyDirectives(units []*unit, found []located) []located {
	ix := suppress.NewIndex()
	var bad []located
	for _, u := range units {
		if !u.root {
			continue
		}
		for _, m := range ix.Add(u.directives) {
			f := report.Finding{
				Rule:    DirectiveRule.ID,
				Level:   DirectiveRule.Level,
				Package: packagePath(u.pkg),
				Pos:     reportPosition(m.Pos),
				End:     reportPosition(m.End),
				Message: m.Message,
			}
			bad = append(bad, located{Finding: f, code: m.Message})
		}
	}
	for i := range found {
		f := &found[i].Finding
		reason, ok := ix.Lookup(f.Rule, f.Pos.File, f.Pos.Line, f.End.Line)
		if !ok && report.IsVulnID(f.Rule) {
			reason, ok = ix.Lookup(report.VulnRule, f.Pos.File, f.Pos.Line, f.End.Line)
		}
		if ok {
			f.Suppression = &report.Suppression{Kind: "inSource", Justification: reason}
		}
	}
	return bad
}

func reportPosition(p token.Position) report.Position {
	return report.Position{File: p.Filename, Line: p.Line, Column: p.Column, Offset: p.Offset}
}
