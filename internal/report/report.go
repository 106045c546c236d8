// Package report writes the findings of a microsec-lint run as text, JSON or
// SARIF 2.1.0. It knows nothing of how findings were produced: the driver
// fills a Result and picks a Format.
package report

import "regexp"

// Result is everything one run has to say.
type Result struct {
	Tool     Tool
	WorkDir  string    // absolute; file paths are written relative to it (SARIF %SRCROOT%)
	Rules    []Rule    // every rule that ran, in a stable order
	Findings []Finding // sorted by Sort
	Errors   []Problem // analysis failures (load errors, type errors, analyzer errors)
	// Incomplete lists, sorted, the import paths of the packages that
	// have errors, or import a package that has, directly or not: what
	// was found in them may not be all there is. The writers leave it
	// out; Errors names each cause once.
	Incomplete []string
}

// Tool names the program that produced a Result.
type Tool struct {
	Name           string // "microsec-lint"
	Version        string // semantic version, or "(devel)"
	InformationURI string
}

// Rule describes one rule (an analyzer, or a vulnerability id).
type Rule struct {
	ID               string // the analyzer name, e.g. "insecuretransport"
	Title            string // one lowercase line: the short description
	Help             string // the rule's document in go doc comment syntax
	HelpURI          string // link into docs/rules.md
	CWE              []int  // CWE ids, e.g. 319
	Level            Level  // default level of the rule's findings
	SecuritySeverity string // CVSS-like score "0.0" to "10.0", as GitHub reads it
	// SecretText: the rule's findings point at secrets, and fingerprints
	// hash their code without the text of its literals (see CodeShape).
	SecretText bool
}

// Level is the SARIF level of a finding.
type Level string

// The levels a rule may have.
const (
	LevelError   Level = "error"
	LevelWarning Level = "warning"
	LevelNote    Level = "note"
)

// Position is a place in a source file. Line and Column are 1-based;
// Column counts bytes, as go/token does. Offset is the 0-based byte offset.
type Position struct {
	File   string // absolute path
	Line   int
	Column int
	Offset int
}

// Finding is one diagnostic of one rule.
type Finding struct {
	Rule    string
	Level   Level
	Package string // import path of the package analysed
	Pos     Position
	End     Position // equal to Pos when the diagnostic has no extent
	Message string
	Fixes   []Fix
	// Trace is the call path that makes the finding reachable, outermost
	// frame first (vulncheck); written as a SARIF codeFlow and in JSON.
	Trace []Frame
	// Properties are extra facts about the finding, such as the aliases
	// (CVE, GHSA ids) of a vulnerability; written as SARIF properties and
	// in JSON.
	Properties map[string]string
	// Fingerprint identifies the finding across edits that do not touch
	// it: it is built from the rule, the file, the enclosing function and
	// the flagged code, not from line numbers. Baselines store it.
	Fingerprint string
	// Suppression is set when an in-source directive silences the finding;
	// suppressed findings are written only where the format can mark them
	// (SARIF, JSON) and never count for the exit code.
	Suppression *Suppression
}

// Suppression records why a finding is silenced.
type Suppression struct {
	Kind          string // "inSource", as SARIF names directives in code
	Justification string // the reason the directive gives
}

// Frame is one step of a Trace.
type Frame struct {
	Function string   // qualified name, e.g. "golang.org/x/text/language.Parse"
	Pos      Position // zero when the position is unknown
}

// Fix is a suggested fix: a set of edits that together repair a finding.
type Fix struct {
	Message string
	Edits   []Edit
}

// Edit replaces the text between Pos and End with NewText.
type Edit struct {
	Pos     Position
	End     Position
	NewText string
}

// Problem is a failure that kept part of the code from being analysed.
type Problem struct {
	Package string // import path, or "" when not tied to one package
	Message string
	Err     error // the underlying error, for -debug output; never written
}

// VulnRule is the name of the command's vulnerability check (package
// internal/vulncheck), which is not an analyzer: its findings carry a
// vulnerability's id as their rule.
const VulnRule = "vulncheck"

// vulnID matches the ids of the Go vulnerability database.
var vulnID = regexp.MustCompile(`^GO-\d{4}-\d{4,}$`)

// IsVulnID reports whether a finding's rule is a vulnerability's id, which
// counts as one of the rule VulnRule.
func IsVulnID(rule string) bool { return vulnID.MatchString(rule) }
