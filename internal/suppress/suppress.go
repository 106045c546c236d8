// Package suppress reads the directives that silence findings in source:
//
//	//microsec:ignore RULE[,RULE] -- reason
//	//nolint:microsec // reason
//
// On a line of its own a directive covers that line and the one below it;
// after code it covers only its own line; written as (or in) the doc comment
// of a declaration, or on the line just above one, it covers the whole
// declaration. microsec:ignore must name known rules and give a
// reason; a directive that does not is itself reported, so that silencing a
// finding always leaves a justification behind. nolint follows
// golangci-lint: "//nolint", "//nolint:all" and any list naming microsec
// silence every rule, and the reason is optional.
package suppress

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"

	"github.com/microsec-lint/microsec-lint/internal/analysisutil"
)

// Directive is one parsed suppression comment.
type Directive struct {
	Rules  []string // rule names; nil means every rule
	Reason string
	File   string
	From   int // first line covered
	To     int // last line covered
}

func (d Directive) covers(rule string) bool {
	if d.Rules == nil {
		return true
	}
	for _, r := range d.Rules {
		if r == rule {
			return true
		}
	}
	return false
}

// Malformed is a directive that cannot be honoured as written.
type Malformed struct {
	Pos     token.Position
	End     token.Position
	Message string
}

// Index holds the directives of a set of files.
type Index struct {
	byFile map[string][]Directive
	seen   map[string]bool
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{byFile: make(map[string][]Directive), seen: make(map[string]bool)}
}

// File is what the comments of one file say: the directives it holds and
// the malformed ones.
type File struct {
	Name       string
	Directives []Directive
	Malformed  []Malformed
}

// Scan reads the directives of files. known reports whether a rule name
// exists. A file the parser could not even start (no package clause) has
// no position and is left out: it is reported as a package error. The
// result holds no syntax, so a driver can scan a package once it is
// analysed and let its syntax go.
func Scan(fset *token.FileSet, files []*ast.File, known func(string) bool) []File {
	var out []File
	for _, f := range files {
		tf := fset.File(f.FileStart)
		if tf == nil {
			continue
		}
		// A file cmd/cgo wrote holds the directives of the package's
		// file it came from, and is named by it.
		sf := File{Name: tf.Name()}
		if analysisutil.FromCgo(sf.Name) && f.Package.IsValid() {
			sf.Name = analysisutil.Position(fset, f.Package).Filename
		}
		// The maps cost a walk of the file each: most files have no
		// directive, and do without them.
		var spans, trailing map[int]int
		var docs map[*ast.CommentGroup]int
		for _, group := range f.Comments {
			for _, c := range group.List {
				d, problem, ok := parse(c.Text, known)
				if !ok {
					continue
				}
				if problem != "" {
					sf.Malformed = append(sf.Malformed, Malformed{Pos: analysisutil.Position(fset, c.Pos()), End: analysisutil.Position(fset, c.End()), Message: problem})
					continue
				}
				if spans == nil {
					spans, docs, trailing = declSpans(fset, f), docEnds(fset, f), codeLines(fset, f)
				}
				pos := analysisutil.Position(fset, c.Pos())
				line := pos.Line
				d.File = sf.Name
				d.From, d.To = line, line+1
				if col, ok := trailing[line]; ok && col < pos.Column {
					// After code on its line, a directive covers that
					// line only, as golangci-lint's nolint does.
					d.To = line
				} else if span, ok := spans[line+1]; ok {
					d.To = max(d.To, span)
				}
				if end, ok := docs[group]; ok {
					d.To = max(d.To, end)
				}
				sf.Directives = append(sf.Directives, d)
			}
		}
		out = append(out, sf)
	}
	return out
}

// Add puts scanned files in the index and returns their malformed
// directives. A file already added (a package and its test variant share
// files) is skipped, so each malformed directive is returned once.
func (ix *Index) Add(files []File) []Malformed {
	var bad []Malformed
	for _, f := range files {
		if ix.seen[f.Name] {
			continue
		}
		ix.seen[f.Name] = true
		bad = append(bad, f.Malformed...)
		ix.byFile[f.Name] = append(ix.byFile[f.Name], f.Directives...)
	}
	return bad
}

// Lookup returns the reason of the first directive that covers a finding
// of rule in file on lines from to to.
func (ix *Index) Lookup(rule, file string, from, to int) (reason string, ok bool) {
	for _, d := range ix.byFile[file] {
		if d.covers(rule) && from <= d.To && to >= d.From {
			return d.Reason, true
		}
	}
	return "", false
}

// parse recognises a directive in the text of one comment. ok is false when
// the comment is not a directive at all; problem is set when it is one but
// is malformed.
func parse(text string, known func(string) bool) (d Directive, problem string, ok bool) {
	switch {
	case strings.HasPrefix(text, "//microsec:ignore"):
		return parseIgnore(strings.TrimPrefix(text, "//microsec:ignore"), known)
	case strings.HasPrefix(text, "//nolint"):
		return parseNolint(strings.TrimPrefix(text, "//nolint"))
	case spacedIgnore(text):
		// Like every Go directive, this one has no space after the
		// slashes; gofmt keeps it as written, so say so.
		return Directive{}, "microsec:ignore directive with a space after //, which makes it a comment that silences nothing: write //microsec:ignore", true
	case blockIgnore(text):
		return Directive{}, "microsec:ignore directive in a /* */ comment, which silences nothing: write it as a line comment, //microsec:ignore", true
	}
	return Directive{}, "", false
}

// blockIgnore reports whether a comment is "/* microsec:ignore ... */".
func blockIgnore(text string) bool {
	body, ok := strings.CutPrefix(text, "/*")
	if !ok {
		return false
	}
	rest, ok := strings.CutPrefix(strings.TrimLeft(body, " \t\r\n"), "microsec:ignore")
	return ok && (rest == "*/" || rest[0] == ' ' || rest[0] == '\t' || rest[0] == '\r' || rest[0] == '\n')
}

// spacedIgnore reports whether a comment is "// microsec:ignore ...".
func spacedIgnore(text string) bool {
	rest, ok := strings.CutPrefix(strings.TrimLeft(strings.TrimPrefix(text, "//"), " \t"), "microsec:ignore")
	return ok && strings.HasPrefix(text, "//") && (rest == "" || rest[0] == ' ' || rest[0] == '\t')
}

func parseIgnore(rest string, known func(string) bool) (Directive, string, bool) {
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return Directive{}, "", false // some other word, e.g. //microsec:ignored
	}
	list, reason, found := strings.Cut(rest, "--")
	reason = strings.TrimSpace(reason)
	if !found || reason == "" {
		return Directive{}, "microsec:ignore directive without a reason: write //microsec:ignore RULE -- why this is safe", true
	}
	var d Directive
	for _, r := range strings.Split(list, ",") {
		r = strings.TrimSpace(r)
		if r == "" {
			continue
		}
		if !known(r) {
			return Directive{}, fmt.Sprintf("microsec:ignore directive names unknown rule %q", r), true
		}
		d.Rules = append(d.Rules, r)
	}
	if len(d.Rules) == 0 {
		return Directive{}, "microsec:ignore directive names no rule: write //microsec:ignore RULE -- why this is safe", true
	}
	d.Reason = reason
	return d, "", true
}

func parseNolint(rest string) (Directive, string, bool) {
	linters, reason, _ := strings.Cut(rest, "//")
	linters = strings.TrimSpace(linters)
	d := Directive{Reason: strings.TrimSpace(reason)}
	if linters == "" {
		return d, "", true // bare //nolint silences everything
	}
	if !strings.HasPrefix(linters, ":") {
		return Directive{}, "", false // "//nolintx", not a directive
	}
	for _, l := range strings.Split(linters[1:], ",") {
		switch strings.TrimSpace(l) {
		case "microsec", "all":
			return d, "", true
		}
	}
	return Directive{}, "", false // a nolint for other linters
}

// declSpans maps the first line of each top-level declaration, including its
// doc comment, and of each simple statement (an assignment, a call, a
// return, a var declaration: not an if, for, switch or block, whose bodies
// hold statements of their own; nor the body of a function literal) to its
// last line: a directive right above covers all of it, such as a struct
// literal written over several lines.
func declSpans(fset *token.FileSet, f *ast.File) map[int]int {
	spans := make(map[int]int)
	add := func(n ast.Node) {
		from, to := analysisutil.Position(fset, n.Pos()).Line, analysisutil.Position(fset, n.End()).Line
		spans[from] = max(spans[from], to)
	}
	for _, decl := range f.Decls {
		add(decl)
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt, *ast.DeclStmt, *ast.ExprStmt, *ast.ReturnStmt, *ast.GoStmt,
			*ast.DeferStmt, *ast.SendStmt, *ast.IncDecStmt:
			from, to := analysisutil.Position(fset, n.Pos()).Line, analysisutil.Position(fset, n.End()).Line
			// Up to the body of a function literal in it, which holds
			// statements of its own.
			ast.Inspect(n, func(m ast.Node) bool {
				if lit, ok := m.(*ast.FuncLit); ok {
					to = min(to, analysisutil.Position(fset, lit.Body.Lbrace).Line)
					return false
				}
				return true
			})
			spans[from] = max(spans[from], to)
		}
		return true
	})
	return spans
}

// docEnds maps the doc comment of each top-level declaration to the
// declaration's last line.
func docEnds(fset *token.FileSet, f *ast.File) map[*ast.CommentGroup]int {
	ends := make(map[*ast.CommentGroup]int)
	for _, decl := range f.Decls {
		var doc *ast.CommentGroup
		switch d := decl.(type) {
		case *ast.FuncDecl:
			doc = d.Doc
		case *ast.GenDecl:
			doc = d.Doc
		}
		if doc != nil {
			ends[doc] = analysisutil.Position(fset, decl.End()).Line
		}
	}
	return ends
}

// codeLines maps each line on which some code starts to the column of the
// first code there, so that a directive written after code can be told
// from one on a line of its own.
func codeLines(fset *token.FileSet, f *ast.File) map[int]int {
	first := make(map[int]int)
	ast.Inspect(f, func(n ast.Node) bool {
		switch n.(type) {
		case nil, *ast.Comment, *ast.CommentGroup:
			return false
		case *ast.CallExpr, *ast.SelectorExpr, *ast.BinaryExpr, *ast.IndexExpr, *ast.IndexListExpr,
			*ast.SliceExpr, *ast.TypeAssertExpr, *ast.KeyValueExpr, *ast.ExprStmt, *ast.AssignStmt,
			*ast.IncDecStmt, *ast.SendStmt:
			// Such a node starts where its first child does, which
			// the walk meets next; asking its position would descend
			// its left side each time, quadratic on a long chain.
			return true
		}
		p := analysisutil.Position(fset, n.Pos())
		if col, ok := first[p.Line]; !ok || p.Column < col {
			first[p.Line] = p.Column
		}
		return true
	})
	return first
}
