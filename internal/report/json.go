package report

import (
	"encoding/json"
	"io"
	"maps"
)

// jsonVersion is the version of the JSON schema in docs/json-format.md.
// Within one version fields are only ever added; a change that removes,
// renames or retypes a field needs a new version.
const jsonVersion = 1

// The types below are the JSON schema. Their field order is the key order
// of the output, and no slice or map in them is ever nil, so that empty
// lists are written as [] and empty maps as {}. The one null is the
// suppression of a finding that is not suppressed.
type (
	jsonReport struct {
		Version  int           `json:"version"`
		Tool     jsonTool      `json:"tool"`
		Findings []jsonFinding `json:"findings"`
		Errors   []jsonProblem `json:"errors"`
	}
	jsonTool struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	}
	jsonFinding struct {
		Rule           string            `json:"rule"`
		Severity       Level             `json:"severity"`
		Package        string            `json:"package"`
		File           string            `json:"file"`
		Line           int               `json:"line"`
		Column         int               `json:"column"`
		EndLine        int               `json:"end_line"`
		EndColumn      int               `json:"end_column"`
		Message        string            `json:"message"`
		SuggestedFixes []jsonFix         `json:"suggested_fixes"`
		Trace          []jsonFrame       `json:"trace"`
		Properties     map[string]string `json:"properties"`
		Fingerprint    string            `json:"fingerprint"`
		Suppression    *jsonSuppression  `json:"suppression"`
	}
	jsonSuppression struct {
		Kind          string `json:"kind"`
		Justification string `json:"justification"`
	}
	jsonFrame struct {
		Function string `json:"function"`
		File     string `json:"file"`
		Line     int    `json:"line"`
		Column   int    `json:"column"`
	}
	jsonFix struct {
		Message string     `json:"message"`
		Edits   []jsonEdit `json:"edits"`
	}
	jsonEdit struct {
		File      string `json:"file"`
		Line      int    `json:"line"`
		Column    int    `json:"column"`
		EndLine   int    `json:"end_line"`
		EndColumn int    `json:"end_column"`
		Offset    int    `json:"offset"`
		EndOffset int    `json:"end_offset"`
		NewText   string `json:"new_text"`
	}
	jsonProblem struct {
		Package string `json:"package"`
		Message string `json:"message"`
	}
)

func writeJSON(w io.Writer, r *Result) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // messages quote code such as "a < b"
	return enc.Encode(toJSON(r))
}

func toJSON(r *Result) jsonReport {
	out := jsonReport{
		Version:  jsonVersion,
		Tool:     jsonTool{Name: r.Tool.Name, Version: r.Tool.Version},
		Findings: make([]jsonFinding, 0, len(r.Findings)),
		Errors:   make([]jsonProblem, 0, len(r.Errors)),
	}
	for _, f := range r.Findings {
		out.Findings = append(out.Findings, jsonFindingOf(r.WorkDir, f))
	}
	for _, p := range r.Errors {
		out.Errors = append(out.Errors, jsonProblem{Package: p.Package, Message: p.Message})
	}
	return out
}

func jsonFindingOf(dir string, f Finding) jsonFinding {
	props := map[string]string{}
	maps.Copy(props, f.Properties)
	var sup *jsonSuppression
	if f.Suppression != nil {
		sup = &jsonSuppression{Kind: f.Suppression.Kind, Justification: f.Suppression.Justification}
	}
	return jsonFinding{
		Rule:           f.Rule,
		Severity:       f.Level,
		Package:        f.Package,
		File:           displayPath(dir, f.Pos.File),
		Line:           f.Pos.Line,
		Column:         f.Pos.Column,
		EndLine:        f.End.Line,
		EndColumn:      f.End.Column,
		Message:        f.Message,
		SuggestedFixes: jsonFixes(dir, f.Fixes),
		Trace:          jsonTrace(dir, f.Trace),
		Properties:     props,
		Fingerprint:    f.Fingerprint,
		Suppression:    sup,
	}
}

func jsonFixes(dir string, fixes []Fix) []jsonFix {
	out := make([]jsonFix, 0, len(fixes))
	for _, fix := range fixes {
		jx := jsonFix{Message: fix.Message, Edits: make([]jsonEdit, 0, len(fix.Edits))}
		for _, e := range fix.Edits {
			jx.Edits = append(jx.Edits, jsonEdit{
				File:      displayPath(dir, e.Pos.File),
				Line:      e.Pos.Line,
				Column:    e.Pos.Column,
				EndLine:   e.End.Line,
				EndColumn: e.End.Column,
				Offset:    e.Pos.Offset,
				EndOffset: e.End.Offset,
				NewText:   e.NewText,
			})
		}
		out = append(out, jx)
	}
	return out
}

func jsonTrace(dir string, trace []Frame) []jsonFrame {
	out := make([]jsonFrame, 0, len(trace))
	for _, fr := range trace {
		out = append(out, jsonFrame{
			Function: fr.Function,
			File:     displayPath(dir, fr.Pos.File),
			Line:     fr.Pos.Line,
			Column:   fr.Pos.Column,
		})
	}
	return out
}
