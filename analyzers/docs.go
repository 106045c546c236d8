package analyzers

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/microsec-lint/microsec-lint/internal/ruledoc"
)

// RulesMarkdown renders docs/rules.md: an index of the rules, then each
// rule's own document under a heading that is its name, which is the anchor
// that help links and SARIF helpUri point at. extra documents rules that are
// not analyzers (vulncheck), after the analyzers.
func RulesMarkdown(rules []Rule, extra ...ruledoc.Doc) []byte {
	var b bytes.Buffer
	b.WriteString("# microsec-lint rules\n\n")
	b.WriteString("<!-- Generated from each analyzer's doc.go by `go test ./analyzers -run TestRulesDoc -update`; do not edit. -->\n\n")
	b.WriteString("| rule | finds | CWE | level | security severity |\n")
	b.WriteString("| --- | --- | --- | --- | --- |\n")
	for _, r := range rules {
		fmt.Fprintf(&b, "| [%s](#%s) | %s | %s | %s | %s |\n",
			r.Analyzer.Name, r.Analyzer.Name, r.Doc.Title, cweList(r.CWE), r.Level, r.SecuritySeverity)
	}
	for _, d := range extra {
		fmt.Fprintf(&b, "| [%s](#%s) | %s | | per advisory | |\n", d.Name, d.Name, d.Title)
	}
	docs := make([]ruledoc.Doc, 0, len(rules)+len(extra))
	for _, r := range rules {
		docs = append(docs, r.Doc)
	}
	for _, d := range append(docs, extra...) {
		fmt.Fprintf(&b, "\n## %s\n\n", d.Name)
		fmt.Fprintf(&b, "%s.\n\n", capitalise(d.Title))
		b.WriteString(ruledoc.Markdown(d.Body, 3))
	}
	return b.Bytes()
}

func cweList(ids []int) string {
	links := make([]string, len(ids))
	for i, id := range ids {
		links[i] = fmt.Sprintf("[CWE-%d](https://cwe.mitre.org/data/definitions/%d.html)", id, id)
	}
	return strings.Join(links, ", ")
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
