package driver

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/microsec-lint/microsec-lint/analyzers"
	"github.com/microsec-lint/microsec-lint/internal/report"
	"github.com/microsec-lint/microsec-lint/internal/secrets"
	"github.com/microsec-lint/microsec-lint/internal/suppress"
)

// A rootFinding is a diagnostic of a root, converted once the root is
// analysed, so that neither its syntax nor its file set need outlive the
// analysis, and so that it can be kept in the cache. Its Level is the one
// the diagnostic asked for, or "" for the rule's level, which the run's
// settings give (collectFindings).
type rootFinding struct {
	Finding report.Finding
	Scope   string // the enclosing function, as located.scope
}

// A rootRecord is what the analysis of a root leaves behind: its facts,
// its findings and its directives. It is kept in the fact cache under
// rootKey, so that a root whose inputs have not changed since a run that
// analysed it cleanly is neither type-checked nor analysed again, as go
// vet reuses its results. Only roots that type-checked without an error
// and on which no analyzer failed are kept: errors are told every run.
type rootRecord struct {
	Facts      []byte
	FactsKept  bool // false when mayKeepFacts refused them: Facts is empty
	Findings   []rootFinding
	Directives []suppress.File
	// Idle lists the analyzers not run on the root, having nothing to
	// find there and no importer to use their facts. A run in which
	// an importer needs those facts cannot use the record.
	Idle []string
}

// rootSalt is what the records of a run's roots follow from beyond the
// keys of their facts: the rules a directive may name (analyzers.Known).
// The rules' levels are not in it: collectFindings applies them.
func rootSalt(rules []analyzers.Rule) string {
	var names []string
	for _, r := range append(analyzers.All(), rules...) {
		names = append(names, r.Analyzer.Name)
	}
	slices.Sort(names)
	return fmt.Sprintf("root results 1\nknown %q\n", slices.Compact(names))
}

// rootKey is the key of u's record, "" when its facts have none.
func rootKey(u *unit, salt string) string {
	if u.key == "" {
		return ""
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%s\nsizes %v\n", u.key, salt, u.pkg.TypesSizes)
	return hex.EncodeToString(h.Sum(nil))
}

func encodeRecord(rec *rootRecord) ([]byte, error) {
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(rec); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func decodeRecord(data []byte) (*rootRecord, bool) {
	rec := new(rootRecord)
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(rec); err != nil {
		return nil, false
	}
	return rec, true
}

// rootFromCache takes u's record from the cache when there is one the run
// can use: u is then not analysed, and its imports need not be read.
func (r *runner) rootFromCache(u *unit) {
	if u.resultKey == "" || len(u.pkg.Errors) > 0 {
		return
	}
	data, ok := r.cache.get(resultsEntry, u.resultKey)
	if !ok {
		return
	}
	rec, ok := decodeRecord(data)
	if !ok {
		return
	}
	for _, name := range rec.Idle {
		a := r.analyzer(name)
		if a == nil {
			return
		}
		if ir, ok := r.idle[a]; !ok || !ir.units[u] {
			return // an importer needs the facts the record lacks
		}
	}
	u.facts, u.findings, u.directives = rec.Facts, rec.Findings, rec.Directives
	u.cached, u.refused = true, !rec.FactsKept
}

func (r *runner) analyzer(name string) *analysis.Analyzer {
	for _, a := range r.analyzers {
		if a.Name == name {
			return a
		}
	}
	return nil
}

// keepRoot stores the record of a root analysed cleanly, with its facts
// if keepFacts. Its findings' messages are redacted (rootFindings), and so
// are its directives' reasons. A root with a suggested fix that would
// write a secret is not kept, nor one where a rule found a secret
// (secretSeen) and a directive gives a reason: the reason may quote the
// secret in words the redactor does not know.
func (r *runner) keepRoot(u *unit, keepFacts, secretSeen bool) {
	if u.resultKey == "" || len(u.pkg.Errors) > 0 || u.failed() {
		return
	}
	if secretSeen {
		for _, f := range u.directives {
			for _, d := range f.Directives {
				if d.Reason != "" {
					return
				}
			}
		}
	}
	for _, f := range u.findings {
		for _, fix := range f.Finding.Fixes {
			for _, e := range fix.Edits {
				if secrets.RedactText(e.NewText) != e.NewText {
					return
				}
			}
		}
	}
	rec := &rootRecord{Findings: u.findings, Directives: redactDirectives(u.directives)}
	if keepFacts {
		rec.Facts, rec.FactsKept = u.facts, true
	}
	for _, act := range u.actions {
		if act.skippedIdle {
			rec.Idle = append(rec.Idle, act.analyzer.Name)
		}
	}
	if data, err := encodeRecord(rec); err == nil {
		r.cache.put(resultsEntry, u.resultKey, data)
	}
}

// rootFindings converts the diagnostics of a root's actions, with their
// messages redacted before they are kept anywhere (secrets.RedactText).
func rootFindings(u *unit, funcs []funcSpan) []rootFinding {
	var out []rootFinding
	for _, act := range u.actions {
		for _, d := range act.diags {
			f := finding(u.pkg, act.analyzer, d, "")
			f.Message = secrets.RedactText(f.Message)
			out = append(out, rootFinding{Finding: f, Scope: enclosing(funcs, d.Pos)})
		}
		act.diags = nil
	}
	return out
}

// mayKeepFacts reports whether the facts of u may be written to the cache.
// Facts hold constant text of the package they describe, and of the
// packages below it whose constants flow into its functions: a secret may
// be part of it. The facts of a dependency are kept: its code is
// published. Those of the user's own code (usersCode) are kept only when
// a rule that looks for secrets ran and reported none there (suppressed
// or not), no unit below had its facts refused, and nothing in the facts
// reads as a secret to secrets.RedactText. Those of a test package are
// never kept: a rule's settings may leave its files unread
// (-hardcodedsecret.tests=false), and only another test package of the
// same directory imports it.
func (r *runner) mayKeepFacts(u *unit, secretSeen bool) bool {
	if !usersCode(u.pkg) {
		return true
	}
	if len(r.secret) == 0 || secretSeen || u.pkg.ForTest != "" || len(u.facts) > secrets.MaxScan {
		return false
	}
	for _, d := range u.deps {
		if d.refused {
			return false
		}
	}
	return secrets.RedactText(string(u.facts)) == string(u.facts)
}

// usersCode reports whether p is the user's own code: a package of a main
// module, or of a module replaced by a directory (a sibling checkout),
// rather than a published module.
func usersCode(p *packages.Package) bool {
	m := p.Module
	return m != nil && (m.Main || (m.Replace != nil && m.Replace.Version == ""))
}

// redactDirectives returns fs with the reasons of its directives, and the
// messages of its malformed ones, redacted: a reason may quote a secret.
func redactDirectives(fs []suppress.File) []suppress.File {
	out := make([]suppress.File, len(fs))
	for i, f := range fs {
		out[i] = suppress.File{Name: f.Name}
		for _, d := range f.Directives {
			d.Reason = secrets.RedactText(d.Reason)
			out[i].Directives = append(out[i].Directives, d)
		}
		for _, m := range f.Malformed {
			m.Message = secrets.RedactText(m.Message)
			out[i].Malformed = append(out[i].Malformed, m)
		}
	}
	return out
}
