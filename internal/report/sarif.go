package report

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/microsec-lint/microsec-lint/internal/secrets"
)

const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	// srcRoot is the uriBaseId of files under Result.WorkDir. The SARIF
	// consumer (GitHub: the checkout) knows where the sources are, so the
	// log does not say.
	srcRoot = "%SRCROOT%"
	// fingerprintKey names our partialFingerprints entry; the version goes
	// up whenever the way it is computed changes.
	fingerprintKey = "microsecLineHash/v2"
	// baselineKey names the entry that carries Finding.Fingerprint, the
	// driver's own fingerprint that baselines store.
	baselineKey = "microsecFingerprint/v2"
)

// The types below are the subset of SARIF 2.1.0 that we write, with keys
// in the order the specification lists them.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool        sarifTool         `json:"tool"`
		Invocations []sarifInvocation `json:"invocations"`
		Results     []sarifResult     `json:"results"`
		ColumnKind  string            `json:"columnKind"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name            string      `json:"name"`
		Version         string      `json:"version,omitempty"`
		SemanticVersion string      `json:"semanticVersion,omitempty"`
		InformationURI  string      `json:"informationUri,omitempty"`
		Rules           []sarifRule `json:"rules"`
	}
	sarifInvocation struct {
		ExecutionSuccessful        bool                `json:"executionSuccessful"`
		ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
	}
	sarifNotification struct {
		Level   Level        `json:"level"`
		Message sarifMessage `json:"message"`
	}
	sarifMessage struct {
		Text string `json:"text"`
	}
	sarifResult struct {
		RuleID              string             `json:"ruleId"`
		RuleIndex           int                `json:"ruleIndex"`
		Level               Level              `json:"level,omitempty"`
		Message             sarifMessage       `json:"message"`
		Locations           []sarifLocation    `json:"locations,omitempty"`
		Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
		PartialFingerprints map[string]string  `json:"partialFingerprints"`
		CodeFlows           []sarifCodeFlow    `json:"codeFlows,omitempty"`
		Fixes               []sarifFix         `json:"fixes,omitempty"`
		Properties          map[string]string  `json:"properties,omitempty"`
	}
	sarifSuppression struct {
		Kind          string `json:"kind"`
		Justification string `json:"justification,omitempty"`
	}
	sarifLocation struct {
		PhysicalLocation *sarifPhysicalLocation `json:"physicalLocation,omitempty"`
		LogicalLocations []sarifLogicalLocation `json:"logicalLocations,omitempty"`
		Message          *sarifMessage          `json:"message,omitempty"`
	}
	sarifLogicalLocation struct {
		FullyQualifiedName string `json:"fullyQualifiedName"`
		Kind               string `json:"kind"`
	}
	sarifCodeFlow struct {
		ThreadFlows []sarifThreadFlow `json:"threadFlows"`
	}
	sarifThreadFlow struct {
		Locations []sarifThreadFlowLocation `json:"locations"`
	}
	sarifThreadFlowLocation struct {
		Location sarifLocation `json:"location"`
	}
	sarifPhysicalLocation struct {
		ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
		Region           *sarifRegion          `json:"region,omitempty"`
	}
	sarifArtifactLocation struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn,omitempty"`
		EndLine     int `json:"endLine,omitempty"`
		EndColumn   int `json:"endColumn,omitempty"`
	}
	sarifFix struct {
		Description     sarifMessage          `json:"description"`
		ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
	}
	sarifArtifactChange struct {
		ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
		Replacements     []sarifReplacement    `json:"replacements"`
	}
	sarifReplacement struct {
		DeletedRegion   sarifRegion   `json:"deletedRegion"`
		InsertedContent *sarifMessage `json:"insertedContent,omitempty"`
	}
)

// sarifWriter builds one SARIF log. It reads the flagged source files, once
// each for each use, to count columns in UTF-16 code units and to
// fingerprint findings.
type sarifWriter struct {
	r         *Result
	src       sources
	code      map[string]*Source // tokenised files, for fingerprints; nil if unreadable
	rules     []sarifRule
	ruleIndex map[string]int
}

func writeSARIF(w io.Writer, r *Result) error {
	sw := &sarifWriter{r: r, src: sources{}, code: map[string]*Source{}, rules: []sarifRule{}, ruleIndex: map[string]int{}}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sw.log())
}

func (sw *sarifWriter) log() sarifLog {
	for _, rule := range sw.r.Rules {
		sw.addRule(ruleDescriptor(rule))
	}
	// Results first: a finding of an unlisted rule adds a descriptor.
	results := sw.results()
	run := sarifRun{
		Tool:        sarifTool{Driver: sw.driver()},
		Invocations: []sarifInvocation{sw.invocation()},
		Results:     results,
		ColumnKind:  "utf16CodeUnits",
	}
	return sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}}
}

func (sw *sarifWriter) driver() sarifDriver {
	t := sw.r.Tool
	v := toolVersion(t.Version)
	return sarifDriver{
		Name:            t.Name,
		Version:         v,
		SemanticVersion: semanticVersion(v),
		InformationURI:  t.InformationURI,
		Rules:           sw.rules,
	}
}

// semverRE is the regular expression of Semantic Versioning 2.0.0.
var semverRE = regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)` +
	`(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?` +
	`(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$`)

// toolVersion returns v in the form SARIF consumers compare: it starts
// with a number. Go's "v" prefix goes, and a version that is no number at
// all, such as the "(devel)" of a build outside a module, becomes a
// pre-release of 0.0.0 ("0.0.0-devel").
func toolVersion(v string) string {
	if v == "" {
		return ""
	}
	v = strings.TrimPrefix(v, "v")
	if v[0] >= '0' && v[0] <= '9' {
		return v
	}
	id := strings.Map(func(r rune) rune {
		if r == '-' || r == '.' || r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return r
		}
		return -1
	}, v)
	return "0.0.0-" + cmp.Or(strings.Trim(id, ".-"), "unknown")
}

// semanticVersion returns v if it is a semantic version, and "" otherwise.
func semanticVersion(v string) string {
	if !semverRE.MatchString(v) {
		return ""
	}
	return v
}

func (sw *sarifWriter) addRule(d sarifRule) int {
	if i, ok := sw.ruleIndex[d.ID]; ok {
		return i
	}
	sw.ruleIndex[d.ID] = len(sw.rules)
	sw.rules = append(sw.rules, d)
	return len(sw.rules) - 1
}

func (sw *sarifWriter) invocation() sarifInvocation {
	inv := sarifInvocation{ExecutionSuccessful: len(sw.r.Errors) == 0}
	for _, p := range sw.r.Errors {
		text := p.Message
		if p.Package != "" {
			text = "package " + p.Package + ": " + text
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications,
			sarifNotification{Level: LevelError, Message: sarifMessage{Text: text}})
	}
	return inv
}

func (sw *sarifWriter) results() []sarifResult {
	fps := sw.fingerprints()
	results := make([]sarifResult, 0, len(sw.r.Findings))
	for i, f := range sw.r.Findings {
		res := sarifResult{
			RuleID:              f.Rule,
			RuleIndex:           sw.ruleIndexOf(f.Rule),
			Level:               f.Level,
			Message:             sarifMessage{Text: f.Message},
			Suppressions:        suppressions(f.Suppression),
			PartialFingerprints: map[string]string{fingerprintKey: fps[i]},
			CodeFlows:           sw.codeFlows(f.Trace),
			Properties:          f.Properties,
		}
		if f.Fingerprint != "" {
			res.PartialFingerprints[baselineKey] = f.Fingerprint
		}
		if pl := sw.physical(f.Pos, f.End); pl != nil {
			res.Locations = []sarifLocation{{PhysicalLocation: pl}}
		}
		for _, fix := range f.Fixes {
			if sf, ok := sw.fix(fix); ok {
				res.Fixes = append(res.Fixes, sf)
			}
		}
		results = append(results, res)
	}
	return results
}

// suppressions marks a finding silenced in source, so that code scanning
// shows it as dismissed rather than not at all.
func suppressions(s *Suppression) []sarifSuppression {
	if s == nil {
		return nil
	}
	return []sarifSuppression{{Kind: cmp.Or(s.Kind, "inSource"), Justification: s.Justification}}
}

// ruleIndexOf returns the index of the descriptor of rule id, adding a bare
// one for a rule the driver did not list so that every result has one.
func (sw *sarifWriter) ruleIndexOf(id string) int {
	if i, ok := sw.ruleIndex[id]; ok {
		return i
	}
	return sw.addRule(ruleDescriptor(Rule{ID: id, Title: id}))
}

// physical returns the physical location of start..end, or nil when the
// file is unknown.
func (sw *sarifWriter) physical(start, end Position) *sarifPhysicalLocation {
	if start.File == "" {
		return nil
	}
	return &sarifPhysicalLocation{
		ArtifactLocation: sw.artifact(start.File),
		Region:           sw.region(start, end),
	}
}

// codeFlows writes a trace as one thread flow, outermost call first. Each
// step names its function; a step without a position has no physical
// location.
func (sw *sarifWriter) codeFlows(trace []Frame) []sarifCodeFlow {
	if len(trace) == 0 {
		return nil
	}
	var tf sarifThreadFlow
	for _, fr := range trace {
		loc := sarifLocation{
			PhysicalLocation: sw.physical(fr.Pos, fr.Pos),
			LogicalLocations: []sarifLogicalLocation{{FullyQualifiedName: fr.Function, Kind: "function"}},
			Message:          &sarifMessage{Text: fr.Function},
		}
		tf.Locations = append(tf.Locations, sarifThreadFlowLocation{Location: loc})
	}
	return []sarifCodeFlow{{ThreadFlows: []sarifThreadFlow{tf}}}
}

// artifact locates file relative to %SRCROOT% when it is under the work
// directory, and by an absolute file URI otherwise.
func (sw *sarifWriter) artifact(file string) sarifArtifactLocation {
	if rel, ok := relPath(sw.r.WorkDir, file); ok {
		return sarifArtifactLocation{URI: (&url.URL{Path: rel}).String(), URIBaseID: srcRoot}
	}
	if !filepath.IsAbs(file) {
		return sarifArtifactLocation{URI: (&url.URL{Path: filepath.ToSlash(file)}).String()}
	}
	return sarifArtifactLocation{URI: fileURI(file)}
}

// fileURI turns an absolute path into a file URI; a Windows path
// "C:\x" becomes "file:///C:/x".
func fileURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// region converts the byte positions start and end into a SARIF region
// with UTF-16 columns. It returns nil when the line is unknown.
func (sw *sarifWriter) region(start, end Position) *sarifRegion {
	if start.Line < 1 {
		return nil
	}
	if end.Line < start.Line || (end.Line == start.Line && end.Column < start.Column) {
		end = start
	}
	file := start.File
	return &sarifRegion{
		StartLine:   start.Line,
		StartColumn: sw.src.utf16Column(file, start.Line, start.Column),
		EndLine:     end.Line,
		EndColumn:   sw.src.utf16Column(file, end.Line, end.Column),
	}
}

// fix turns a suggested fix into a SARIF fix with one artifactChange per
// file, in the order the files first appear among the edits. A fix with an
// edit that has no line cannot be expressed and is left out.
func (sw *sarifWriter) fix(fix Fix) (sarifFix, bool) {
	out := sarifFix{Description: sarifMessage{Text: fix.Message}}
	byFile := map[string]int{}
	for _, e := range fix.Edits {
		deleted := sw.region(e.Pos, e.End)
		if deleted == nil || e.Pos.File == "" {
			return sarifFix{}, false
		}
		i, ok := byFile[e.Pos.File]
		if !ok {
			i = len(out.ArtifactChanges)
			byFile[e.Pos.File] = i
			out.ArtifactChanges = append(out.ArtifactChanges,
				sarifArtifactChange{ArtifactLocation: sw.artifact(e.Pos.File)})
		}
		rep := sarifReplacement{DeletedRegion: *deleted}
		if e.NewText != "" {
			rep.InsertedContent = &sarifMessage{Text: e.NewText}
		}
		out.ArtifactChanges[i].Replacements = append(out.ArtifactChanges[i].Replacements, rep)
	}
	return out, len(out.ArtifactChanges) > 0
}

// fingerprints returns the partial fingerprint of each finding: a hash of
// the rule, the file, the flagged lines with white space normalised, and
// how many findings with the same three came before it in file order. It
// survives edits elsewhere in the file, and changes when the flagged code
// does. When the file cannot be read the message stands in for the code.
func (sw *sarifWriter) fingerprints() []string {
	fs := sw.r.Findings
	order := make([]int, len(fs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return Compare(fs[a], fs[b]) })

	secret := map[string]bool{}
	for _, r := range sw.r.Rules {
		secret[r.ID] = r.SecretText
	}
	seen := map[string]int{}
	out := make([]string, len(fs))
	for _, i := range order {
		f := fs[i]
		key := f.Rule + "\x00" + StablePath(sw.r.WorkDir, f.Pos.File) + "\x00" + sw.flaggedText(f, secret[f.Rule])
		seen[key]++
		sum := sha256.Sum256([]byte(key + "\x00" + strconv.Itoa(seen[key])))
		out[i] = hex.EncodeToString(sum[:16])
	}
	return out
}

// flaggedText is what the partial fingerprint of f hashes: the flagged
// lines, read from the tokens of the whole file, without the text of any
// literal or comment that holds a secret, or for a rule whose findings
// point at secrets (secret), without the text of any literal or comment
// at all (see CodeShape); or the message, when the file cannot be read,
// with each secret it describes replaced by a placeholder (see
// secrets.HashText).
func (sw *sarifWriter) flaggedText(f Finding, secret bool) string {
	if src := sw.source(f.Pos.File); src != nil {
		read := src.Lines
		if secret {
			read = src.Shape
		}
		if text, ok := read(f.Pos.Line, f.End.Line); ok {
			return "code:" + text
		}
	}
	return "message:" + secrets.HashText(f.Message)
}

// source returns the tokenised text of file, read once, or nil if it
// cannot be read.
func (sw *sarifWriter) source(file string) *Source {
	if s, ok := sw.code[file]; ok {
		return s
	}
	var s *Source
	if data, err := os.ReadFile(file); err == nil {
		s = NewSource(data)
	}
	sw.code[file] = s
	return s
}
