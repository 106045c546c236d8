// Package ruledoc reads the documentation of a microsec-lint rule out of the
// package comment of its doc.go, so that a rule's text is written once and
// serves as the analyzer's Doc, the SARIF help and docs/rules.md.
//
// A rule's doc.go starts with a package comment of this shape:
//
//	// Package insecuretransport defines an Analyzer that ...
//	//
//	// # Analyzer insecuretransport
//	//
//	// insecuretransport: report go-micro components that run in plaintext
//	//
//	// Longer explanation, examples, and a "Limitations" paragraph.
//	package insecuretransport
//
// Everything from the "# Analyzer NAME" heading on is the rule's document;
// its first paragraph, "NAME: title", gives the one-line title.
package ruledoc

import (
	"fmt"
	"go/ast"
	"go/doc/comment"
	"go/parser"
	"go/token"
	"strings"
)

// Doc is the documentation of one rule.
type Doc struct {
	Name  string // the analyzer name, which is also the rule id
	Title string // one lowercase line without a final period
	Body  string // the rest, in go doc comment syntax
}

// Analyzer returns the text for analysis.Analyzer.Doc: the title line, a
// blank line, then the body, as the go/analysis documentation expects.
func (d Doc) Analyzer() string {
	if d.Body == "" {
		return d.Title
	}
	return d.Title + "\n\n" + d.Body
}

// Parse extracts the document of the rule called name from the source of a
// doc.go file.
func Parse(src []byte, name string) (Doc, error) {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", src, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		return Doc{}, err
	}
	if f.Doc == nil {
		return Doc{}, fmt.Errorf("doc.go of %s has no package comment", name)
	}
	return parseText(f.Doc, name)
}

// MustParse is Parse for use in package initialisation, where a malformed
// doc.go is a programming error caught by every test of the rule.
func MustParse(src []byte, name string) Doc {
	d, err := Parse(src, name)
	if err != nil {
		panic(err)
	}
	return d
}

func parseText(group *ast.CommentGroup, name string) (Doc, error) {
	text := group.Text()
	heading := "# Analyzer " + name + "\n"
	i := strings.Index(text, heading)
	if i < 0 {
		return Doc{}, fmt.Errorf("doc.go of %s has no %q heading", name, strings.TrimSpace(heading))
	}
	rest := strings.TrimLeft(text[i+len(heading):], "\n")
	first, body, _ := strings.Cut(rest, "\n\n")
	prefix := name + ": "
	if !strings.HasPrefix(first, prefix) {
		return Doc{}, fmt.Errorf("doc.go of %s: first paragraph after the heading must start with %q", name, prefix)
	}
	title := strings.Join(strings.Fields(strings.TrimPrefix(first, prefix)), " ")
	return Doc{Name: name, Title: title, Body: strings.TrimSpace(body)}, nil
}

// Markdown renders text in go doc comment syntax as Markdown. Headings
// ("# Limitations") become headings of the given level, 1 to 6, so that a
// rule's sections nest under the heading that names the rule.
func Markdown(text string, headingLevel int) string {
	var p comment.Parser
	pr := comment.Printer{
		HeadingLevel: headingLevel,
		// GitHub makes its own anchors and would show "{#id}" as text.
		HeadingID: func(*comment.Heading) string { return "" },
	}
	return string(pr.Markdown(p.Parse(text)))
}
