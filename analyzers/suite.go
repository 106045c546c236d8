// Package analyzers lists the rules of microsec-lint in one place. Every
// driver (the command, go vet mode, the golangci-lint plugin, the language
// server) takes its analyzers from All, so a rule added here is everywhere.
package analyzers

import (
	"github.com/microsec-lint/microsec-lint/analyzers/cmdinjection"
	"github.com/microsec-lint/microsec-lint/analyzers/hardcodedsecret"
	"github.com/microsec-lint/microsec-lint/analyzers/insecuretransport"
	"github.com/microsec-lint/microsec-lint/analyzers/missingauthwrapper"
	"github.com/microsec-lint/microsec-lint/analyzers/sqlconcat"
	"github.com/microsec-lint/microsec-lint/analyzers/unsignedpublish"
	"github.com/microsec-lint/microsec-lint/internal/analysisutil"
	"github.com/microsec-lint/microsec-lint/internal/report"
	"github.com/microsec-lint/microsec-lint/internal/ruledoc"
	"golang.org/x/tools/go/analysis"
)

// Rule is an analyzer together with what reports need to know about it.
type Rule struct {
	Analyzer *analysis.Analyzer
	Doc      ruledoc.Doc
	CWE      []int  // weakness ids the rule's findings belong to
	Level    string // SARIF level: "error", "warning" or "note"
	// SecuritySeverity is the score GitHub code scanning uses to rank the
	// rule's alerts: 9.0 and above is critical, 7.0 high, 4.0 medium.
	SecuritySeverity string
	// DepBodies, for a rule whose analyzer has facts, says which
	// dependencies it learns them from; the driver analyses only those
	// and reads the others from export data. Nil means every dependency.
	DepBodies analysisutil.DepBodies
	// Idle, for a rule with DepBodies, reports whether the rule can find
	// nothing in a package (see dataflow.Idle). The driver asks it of a
	// root package that no package DepBodies selects imports, directly or
	// not: if it says yes, the rule is not run there, as its facts could
	// reach no package where it finds anything. Nil means the rule always
	// runs.
	Idle func(*analysis.Pass) bool
	// SecretText says the rule's findings point at secrets: fingerprints
	// of its findings leave out the text of string literals, which would
	// let anyone holding a baseline or a SARIF log test guesses of them.
	SecretText bool
}

// All returns the rules of the suite in the order they are documented.
func All() []Rule {
	return []Rule{
		{Analyzer: insecuretransport.Analyzer, Doc: insecuretransport.Doc, CWE: []int{319, 295}, Level: "error", SecuritySeverity: "7.4"},
		{Analyzer: missingauthwrapper.Analyzer, Doc: missingauthwrapper.Doc, CWE: []int{306, 862}, Level: "error", SecuritySeverity: "8.2", DepBodies: missingauthwrapper.DepBodies},
		{Analyzer: unsignedpublish.Analyzer, Doc: unsignedpublish.Doc, CWE: []int{345, 347}, Level: "warning", SecuritySeverity: "6.5", DepBodies: unsignedpublish.DepBodies},
		{Analyzer: sqlconcat.Analyzer, Doc: sqlconcat.Doc, CWE: []int{89}, Level: "error", SecuritySeverity: "8.8", DepBodies: sqlconcat.DepBodies(sqlconcat.Analyzer), Idle: sqlconcat.Idle(sqlconcat.Analyzer)},
		{Analyzer: cmdinjection.Analyzer, Doc: cmdinjection.Doc, CWE: []int{78, 88}, Level: "error", SecuritySeverity: "9.8", DepBodies: cmdinjection.DepBodies(cmdinjection.Analyzer), Idle: cmdinjection.Idle(cmdinjection.Analyzer)},
		{Analyzer: hardcodedsecret.Analyzer, Doc: hardcodedsecret.Doc, CWE: []int{798}, Level: "error", SecuritySeverity: "8.0", DepBodies: hardcodedsecret.DepBodies, SecretText: true},
	}
}

// Analyzers returns the analyzers of rules.
func Analyzers(rules []Rule) []*analysis.Analyzer {
	as := make([]*analysis.Analyzer, len(rules))
	for i, r := range rules {
		as[i] = r.Analyzer
	}
	return as
}

// Known returns a test of whether a suppression directive may name a
// rule: any rule of the suite, enabled or not, the rules given, and the
// command's vulnerability check, by its name or a vulnerability's id
// (its findings are silenced where the code is, whichever driver reads
// the directive).
func Known(rules ...Rule) func(string) bool {
	known := map[string]bool{report.VulnRule: true}
	for _, r := range append(All(), rules...) {
		known[r.Analyzer.Name] = true
	}
	return func(name string) bool { return known[name] || report.IsVulnID(name) }
}
