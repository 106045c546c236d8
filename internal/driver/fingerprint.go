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
	"golang.org/x/tools/go/packages"
)

// located is a finding with what its fingerprint is made of.
type located struct {
	report.Finding
	scope string // enclosing function, "T.Method" or "Func"; "" at package level
	code  string // the flagged source text, whitespace collapsed
}

// sources caches file contents for the fingerprints of one run.
type sources map[string][]byte

func (s sources) text(file string, from, to int) string {
	data, ok := s[file]
	if !ok {
		data, _ = os.ReadFile(file)
		s[file] = data
	}
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
	return strings.Join(strings.Fields(string(data[from:min(to, len(data))])), " ")
}

// enclosing names the top-level function or method whose body holds pos.
func enclosing(pkg *packages.Package, pos token.Pos) string {
	for _, f := range pkg.Syntax {
		if pos < f.FileStart || pos > f.FileEnd {
			continue
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || pos < fd.Pos() || pos > fd.End() {
				continue
			}
			if fd.Recv != nil && len(fd.Recv.List) == 1 {
				return recvName(fd.Recv.List[0].Type) + "." + fd.Name.Name
			}
			return fd.Name.Name
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
// work directory, the enclosing function, the flagged code and the message
// without its line numbers, plus an occurrence number for identical ones.
// The message tells apart findings at one call that a rule reports for
// different reasons (two sinks reached through one handler registration). fs must be sorted, so that the
// numbering is stable.
func setFingerprints(fs []located, workDir string) {
	seen := make(map[string]int)
	for i := range fs {
		f := &fs[i]
		key := strings.Join([]string{f.Rule, report.StablePath(workDir, f.Pos.File), f.scope, f.code, messageShape(f.Message)}, "\x00")
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
