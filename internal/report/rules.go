package report

import (
	"fmt"
	"go/doc/comment"
	"strings"
	"unicode"
)

// precision is what GitHub shows as the rule's precision. Every rule of the
// suite reports only what it can show from types and data flow.
const precision = "high"

type (
	sarifRule struct {
		ID                   string              `json:"id"`
		Name                 string              `json:"name"`
		ShortDescription     sarifMessage        `json:"shortDescription"`
		FullDescription      sarifMessage        `json:"fullDescription"`
		Help                 sarifHelp           `json:"help"`
		HelpURI              string              `json:"helpUri,omitempty"`
		DefaultConfiguration *sarifRuleConfig    `json:"defaultConfiguration,omitempty"`
		Properties           sarifRuleProperties `json:"properties"`
	}
	sarifHelp struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown"`
	}
	sarifRuleConfig struct {
		Level Level `json:"level"`
	}
	sarifRuleProperties struct {
		Tags             []string `json:"tags"`
		SecuritySeverity string   `json:"security-severity,omitempty"`
		Precision        string   `json:"precision"`
	}
)

// ruleDescriptor describes rule for SARIF consumers. Its help is rendered
// from go doc comment syntax, as plain text and as Markdown.
func ruleDescriptor(rule Rule) sarifRule {
	doc := new(comment.Parser).Parse(rule.Help)
	text := rule.Title
	markdown := rule.Title
	if len(doc.Content) > 0 {
		text = strings.TrimSpace(string(helpPrinter().Text(doc)))
		markdown = strings.TrimSpace(string(helpPrinter().Markdown(doc)))
	}
	full := firstParagraph(doc)
	if full == "" {
		full = rule.Title
	}
	d := sarifRule{
		ID:               rule.ID,
		Name:             ruleName(rule.ID),
		ShortDescription: sarifMessage{Text: rule.Title},
		FullDescription:  sarifMessage{Text: full},
		Help:             sarifHelp{Text: text, Markdown: markdown},
		HelpURI:          rule.HelpURI,
		Properties: sarifRuleProperties{
			Tags:             cweTags(rule.CWE),
			SecuritySeverity: rule.SecuritySeverity,
			Precision:        precision,
		},
	}
	if rule.Level != "" {
		d.DefaultConfiguration = &sarifRuleConfig{Level: rule.Level}
	}
	return d
}

// helpPrinter prints rule documents. Links to Go identifiers point at
// pkg.go.dev, as the documents are read on GitHub, not on a Go doc server,
// and headings get no "{#id}" anchor, which GitHub would show as text.
func helpPrinter() *comment.Printer {
	return &comment.Printer{
		DocLinkBaseURL: "https://pkg.go.dev",
		HeadingID:      func(*comment.Heading) string { return "" },
	}
}

// firstParagraph returns the first paragraph of doc as one line of text.
func firstParagraph(doc *comment.Doc) string {
	for _, b := range doc.Content {
		if p, ok := b.(*comment.Paragraph); ok {
			one := &comment.Doc{Content: []comment.Block{p}}
			return strings.Join(strings.Fields(string(helpPrinter().Text(one))), " ")
		}
	}
	return ""
}

// cweTags returns the tags GitHub code scanning reads: "security", which
// files the rule under security alerts, and one tag per CWE id.
func cweTags(cwes []int) []string {
	tags := []string{"security"}
	for _, id := range cwes {
		tags = append(tags, fmt.Sprintf("external/cwe/cwe-%d", id))
	}
	return tags
}

// ruleName returns the friendly name of rule id, or "" when it would be
// the id again: SARIF asks for no name then, and compares without case.
func ruleName(id string) string {
	name := pascalCase(id)
	if strings.EqualFold(name, id) {
		return ""
	}
	return name
}

// pascalCase turns a rule id such as "sqlconcat" or "sql-concat" into a
// SARIF rule name: "Sqlconcat", "SqlConcat".
func pascalCase(id string) string {
	var b strings.Builder
	upper := true
	for _, r := range id {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			upper = true
			continue
		}
		if upper {
			r = unicode.ToUpper(r)
			upper = false
		}
		b.WriteRune(r)
	}
	return b.String()
}
