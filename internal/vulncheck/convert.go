package vulncheck

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/microsec-lint/microsec-lint/internal/elide"
	"github.com/microsec-lint/microsec-lint/internal/report"
)

// convert turns govulncheck's findings into one finding per vulnerability
// and call site in the user's code, plus, with showAll, one note per
// vulnerable package imported but not called and per vulnerable module
// required but not imported.
func convert(st *stream, ws *workspace, showAll bool) *Result {
	// govulncheck reports each vulnerability at every level it reached;
	// only the deepest level counts.
	deepest := make(map[string]level)
	for _, f := range st.findings {
		deepest[f.OSV] = max(deepest[f.OSV], f.level())
	}

	var findings []report.Finding
	calls := make(map[string]int)              // OSV id and position -> index in findings
	sameCall := make(map[int][]report.Finding) // index in findings -> the findings for it
	seen := make(map[string]bool)              // OSV id and package or module already reported
	for _, f := range st.findings {
		lv := f.level()
		if lv != deepest[f.OSV] || (lv != levelSymbol && !showAll) {
			continue
		}
		e := st.osvs[f.OSV]
		if e == nil {
			e = &osvEntry{ID: f.OSV}
		}
		switch lv {
		case levelSymbol:
			rf := calledFinding(f, e, ws)
			key := f.OSV + "\x00" + posKey(rf.Pos)
			i, ok := calls[key]
			if !ok {
				i = len(findings)
				calls[key] = i
				findings = append(findings, rf)
			}
			sameCall[i] = append(sameCall[i], rf)
		default:
			top := f.Trace[0]
			key := f.OSV + "\x00" + top.Module + "\x00" + top.Package
			if seen[key] {
				continue
			}
			seen[key] = true
			findings = append(findings, uncalledFinding(f, e, ws))
		}
	}

	for i, fs := range sameCall {
		findings[i] = mergeSymbols(fs)
	}
	report.Sort(findings)
	return &Result{Rules: rulesOf(findings, st.osvs), Findings: findings}
}

// calledFinding locates a reachable vulnerability at the first frame, from
// the vulnerable function outwards, that lies in the user's own modules:
// that frame's position is the call that leads into other code.
func calledFinding(f *finding, e *osvEntry, ws *workspace) report.Finding {
	sink := f.Trace[0]
	var trace []report.Frame
	for i := len(f.Trace) - 1; i >= 0; i-- {
		trace = append(trace, reportFrame(f.Trace[i], ws))
	}

	// trace[len(trace)-1-i] is f.Trace[i].
	at := 0 // the entry point, failing all else
	for i, fr := range f.Trace {
		if j := len(trace) - 1 - i; ws.isMain(fr.Module) && trace[j].Pos.File != "" {
			at = j
			break
		}
	}
	userFrame := f.Trace[len(trace)-1-at]
	pos := trace[at].Pos
	if pos.File == "" {
		file, line, col, off := ws.requirement(sink.Module)
		pos = report.Position{File: file, Line: line, Column: col, Offset: off}
	}

	symbol := funcName(sink)
	props := properties(e, sink, f.FixedVersion, "called")
	props["symbol"] = symbol
	return report.Finding{
		Rule:    e.ID,
		Level:   report.LevelError,
		Package: userFrame.Package,
		Pos:     pos,
		End:     pos,
		Message: fmt.Sprintf("reaches %s in %s%s; %s",
			symbol, foundIn(sink), summaryPart(e), fixPart(sink.Module, f.FixedVersion)),
		Trace:      trace,
		Properties: props,
	}
}

// uncalledFinding places a vulnerability that is only imported or only
// required at the requirement in go.mod, where the upgrade happens.
func uncalledFinding(f *finding, e *osvEntry, ws *workspace) report.Finding {
	top := f.Trace[0]
	file, line, col, off := ws.requirement(top.Module)
	pos := report.Position{File: file, Line: line, Column: col, Offset: off}

	var msg string
	reach := "imported"
	if top.Package != "" {
		msg = fmt.Sprintf("imports %s of %s but calls none of its vulnerable functions",
			top.Package, foundIn(top))
	} else {
		reach = "required"
		msg = fmt.Sprintf("requires %s but imports none of its vulnerable packages", foundIn(top))
	}
	props := properties(e, top, f.FixedVersion, reach)
	if top.Package != "" {
		props["package"] = top.Package
	}
	return report.Finding{
		Rule:       e.ID,
		Level:      report.LevelNote,
		Pos:        pos,
		End:        pos,
		Message:    msg + summaryPart(e) + "; " + fixPart(top.Module, f.FixedVersion),
		Properties: props,
	}
}

func reportFrame(fr *frame, ws *workspace) report.Frame {
	out := report.Frame{Function: funcName(fr)}
	if out.Function == "" {
		out.Function = cmp.Or(fr.Package, fr.Module)
	}
	if p := fr.Position; p != nil && p.Line > 0 {
		if file := ws.file(fr.Module, fr.Version, p.Filename); file != "" {
			out.Pos = report.Position{File: file, Line: p.Line, Column: p.Column, Offset: p.Offset}
		}
	}
	return out
}

// funcName writes a frame's function as types.Func.FullName does:
// "golang.org/x/text/language.Parse", "(*net/http.Client).Do".
func funcName(fr *frame) string {
	switch {
	case fr.Function == "":
		return ""
	case fr.Receiver == "":
		return fr.Package + "." + fr.Function
	}
	recv, ptr := strings.CutPrefix(fr.Receiver, "*")
	star := ""
	if ptr {
		star = "*"
	}
	return "(" + star + fr.Package + "." + recv + ")." + fr.Function
}

// mergeSymbols makes one finding of the findings of one advisory at one
// call site, each reaching another vulnerable function: the message names
// the first few, in order, the symbol property all of them, and the trace
// is that of the first. govulncheck
// lists them in no fixed order, and the finding, its message and its
// fingerprint must not change from run to run.
func mergeSymbols(fs []report.Finding) report.Finding {
	slices.SortFunc(fs, func(a, b report.Finding) int {
		return cmp.Or(cmp.Compare(a.Properties["symbol"], b.Properties["symbol"]), cmp.Compare(traceKey(a), traceKey(b)))
	})
	out := fs[0]
	var syms []string
	for _, f := range fs {
		if s := f.Properties["symbol"]; !slices.Contains(syms, s) {
			syms = append(syms, s)
		}
	}
	if len(syms) == 1 {
		return out
	}
	props := maps.Clone(out.Properties)
	props["symbol"] = strings.Join(syms, ", ")
	out.Properties = props
	// The property lists them all; the message names a few, as one line
	// a reader takes in.
	names := elide.List(syms, maxNamed, 0, func(n int) string { return fmt.Sprintf("%d more", n) })
	list := strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
	out.Message = strings.Replace(out.Message, "reaches "+syms[0]+" ", "reaches "+list+" ", 1)
	return out
}

// maxNamed is how many vulnerable functions a message names.
const maxNamed = 3

// traceKey spells a finding's call path, to order findings that reach the
// same function by different paths.
func traceKey(f report.Finding) string {
	var b strings.Builder
	for _, fr := range f.Trace {
		fmt.Fprintf(&b, "%s %s:%d:%d\n", fr.Function, fr.Pos.File, fr.Pos.Line, fr.Pos.Column)
	}
	return b.String()
}

func properties(e *osvEntry, fr *frame, fixed, reach string) map[string]string {
	props := map[string]string{
		"module":       fr.Module,
		"version":      displayVersion(fr.Module, fr.Version),
		"reachability": reach,
	}
	if fixed != "" {
		props["fixedVersion"] = displayVersion(fr.Module, fixed)
	}
	if len(e.Aliases) > 0 {
		props["aliases"] = strings.Join(e.Aliases, ", ")
	}
	return props
}

// foundIn names the module and version a frame belongs to.
func foundIn(fr *frame) string {
	if fr.Module == "stdlib" {
		return "the standard library of " + displayVersion(fr.Module, fr.Version)
	}
	if fr.Version == "" {
		return fr.Module
	}
	return fr.Module + "@" + fr.Version
}

func summaryPart(e *osvEntry) string {
	if e.Summary == "" {
		return ""
	}
	return ": " + lowerFirst(e.Summary)
}

func fixPart(modulePath, fixed string) string {
	switch {
	case fixed == "":
		return "no fixed version exists yet"
	case modulePath == "stdlib":
		return "upgrade Go to " + displayVersion(modulePath, fixed) + " or later"
	}
	return "upgrade " + modulePath + " to " + fixed + " or later"
}

// displayVersion writes standard library versions as Go names its
// releases (go1.26.1, go1.20, go1.26rc1); govulncheck gives them as
// semantic versions (v1.26.1, v1.20.0, v1.26.0-rc.1).
func displayVersion(modulePath, v string) string {
	if modulePath != "stdlib" || !strings.HasPrefix(v, "v") {
		return v
	}
	core, pre, _ := strings.Cut(v[1:], "-")
	parts := strings.Split(core, ".")
	if len(parts) != 3 {
		return v
	}
	minor, err := strconv.Atoi(parts[1])
	if err != nil {
		return v
	}
	switch {
	case pre != "":
		return "go" + parts[0] + "." + parts[1] + strings.ReplaceAll(pre, ".", "")
	case parts[2] == "0" && parts[0] == "1" && minor < 21:
		return "go" + parts[0] + "." + parts[1]
	}
	return "go" + core
}

// lowerFirst lowercases the first letter of s unless the first word is an
// initialism ("HTTP/2 server crash" stays as it is).
func lowerFirst(s string) string {
	if s == "" {
		return ""
	}
	r, n := utf8.DecodeRuneInString(s)
	next, _ := utf8.DecodeRuneInString(s[n:])
	if unicode.IsUpper(next) || unicode.IsDigit(next) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

func rulesOf(findings []report.Finding, osvs map[string]*osvEntry) []report.Rule {
	levels := make(map[string]report.Level)
	for _, f := range findings {
		if levels[f.Rule] != report.LevelError {
			levels[f.Rule] = f.Level
		}
	}
	var rules []report.Rule
	for id, lv := range levels {
		e := osvs[id]
		if e == nil {
			e = &osvEntry{ID: id}
		}
		rules = append(rules, report.Rule{
			ID:      id,
			Title:   cmp.Or(lowerFirst(e.Summary), "known vulnerability "+id),
			Help:    help(e),
			HelpURI: "https://pkg.go.dev/vuln/" + id,
			Level:   lv,
		})
	}
	slices.SortFunc(rules, func(a, b report.Rule) int { return strings.Compare(a.ID, b.ID) })
	return rules
}

// help writes the advisory as a go doc comment: summary, details, aliases.
func help(e *osvEntry) string {
	var parts []string
	if e.Summary != "" {
		parts = append(parts, strings.TrimSuffix(e.Summary, ".")+".")
	}
	if d := strings.TrimSpace(e.Details); d != "" {
		parts = append(parts, d)
	}
	if len(e.Aliases) > 0 {
		parts = append(parts, "Aliases: "+strings.Join(e.Aliases, ", ")+".")
	}
	var pkgs []string
	for _, a := range e.Affected {
		for _, imp := range a.EcosystemSpecific.Imports {
			pkgs = append(pkgs, imp.Path)
		}
	}
	if len(pkgs) > 0 {
		parts = append(parts, "Affected packages: "+strings.Join(slices.Compact(pkgs), ", ")+".")
	}
	return strings.Join(parts, "\n\n")
}

func posKey(p report.Position) string {
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Column)
}
