package driver

import (
	"crypto/sha256"
	"encoding/hex"
	"go/ast"
	"go/token"
	"os"
	"regexp"
	"strconv"
	"strings"

	"github.com/microsec-lint/microsec-lint/internal/report"
	"github.com/microsec-lint/microsec-lint/internal/secrets"
)

// located is a finding with what its fingerprint is made of.
type located struct {
	report.Finding
	scope string // enclosing function, "T.Method" or "Func"; "" at package level
	code  string // the flagged source text, whitespace collapsed
}

// sources caches the tokenised files of one run's fingerprints; nil for
// a file that cannot be read.
type sources map[string]*report.Source

// text returns the source from byte offset from to offset to (with no
// extent, to the end of the line), white space collapsed, and each string
// literal or comment that holds a secret replaced by a placeholder (see
// report.Source.Redacted): a fingerprint hashes it, and must give no way
// to test guesses of a secret.
func (s sources) text(file string, from, to int) string {
	src, ok := s[file]
	if !ok {
		if data, err := os.ReadFile(file); err == nil {
			src = report.NewSource(data)
		}
		s[file] = src
	}
	if src == nil {
		return ""
	}
	data := src.Data()
	if from < 0 || from > len(data) {
		return ""
	}
	if to <= from {
		// No extent: take the rest of the line.
		to = from
		for to < len(data) && data[to] != '\n' {
			to++
		}
	}
	return strings.Join(strings.Fields(src.Redacted(from, min(to, len(data)))), " ")
}

// funcSpan is the extent of a top-level function or method, and its name:
// "T.Method" or "Func".
type funcSpan struct {
	pos, end token.Pos
	name     string
}

// funcSpans lists the top-level functions and methods of files.
func funcSpans(files []*ast.File) []funcSpan {
	var out []funcSpan
	for _, f := range files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			name := fd.Name.Name
			if fd.Recv != nil && len(fd.Recv.List) == 1 {
				name = recvName(fd.Recv.List[0].Type) + "." + name
			}
			out = append(out, funcSpan{fd.Pos(), fd.End(), name})
		}
	}
	return out
}

// enclosing names the top-level function or method whose body holds pos.
func enclosing(funcs []funcSpan, pos token.Pos) string {
	for _, f := range funcs {
		if pos >= f.pos && pos <= f.end {
			return f.name
		}
	}
	return ""
}

func recvName(e ast.Expr) string {
	for {
		switch t := e.(type) {
		case *ast.StarExpr:
			e = t.X
		case *ast.IndexExpr:
			e = t.X
		case *ast.IndexListExpr:
			e = t.X
		case *ast.Ident:
			return t.Name
		default:
			return "?"
		}
	}
}

// setFingerprints fills Fingerprint from the rule, the file relative to the
// work directory, the enclosing function, the flagged code (without the
// literals and comments that hold a secret, see sources.text; for the
// rules secret names, its tokens without what any literal or comment
// says, see report.CodeShape) and the message
// without its line numbers and with each secret it describes replaced
// by a placeholder (see secrets.HashText: a message quoting a command
// line does not hash the secret's first characters or length), plus an occurrence number for identical ones.
// The message tells apart findings at one call that a rule reports for
// different reasons (two sinks reached through one handler registration). fs must be sorted, so that the
// numbering is stable.
func setFingerprints(fs []located, workDir string, secret map[string]bool) {
	seen := make(map[string]int)
	for i := range fs {
		f := &fs[i]
		code := f.code
		if secret[f.Rule] {
			code = report.CodeShape(code)
		}
		key := strings.Join([]string{f.Rule, report.StablePath(workDir, f.Pos.File), f.scope, code, messageShape(secrets.HashText(f.Message))}, "\x00")
		n := seen[key]
		seen[key] = n + 1
		sum := sha256.Sum256([]byte(key + "\x00" + strconv.Itoa(n)))
		f.Fingerprint = hex.EncodeToString(sum[:16])
	}
}

// lineRef matches the line (and column) numbers messages cite, as in
// "gitdiff.go:68", which move with unrelated edits.
var lineRef = regexp.MustCompile(`:\d+(:\d+)?`)

func messageShape(msg string) string {
	return lineRef.ReplaceAllString(msg, ":")
}
