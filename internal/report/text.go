package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// oneLine keeps a message on its line of text output.
var oneLine = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ")

// writeText writes "file:line:col: message (rule)" per finding, the form
// editors and CI log viewers turn into links. A finding whose level is not
// error says so after the position, as compilers do ("file:line:col:
// warning: message (rule)", "note:"). Suppressed findings are left out: a
// line of text has no way to mark them.
func writeText(w io.Writer, r *Result) error {
	bw := bufio.NewWriter(w)
	for _, f := range r.Findings {
		if f.Suppression != nil {
			continue
		}
		level := ""
		if f.Level == LevelWarning || f.Level == LevelNote {
			level = string(f.Level) + ": "
		}
		fmt.Fprintf(bw, "%s: %s%s (%s)\n",
			textPosition(r.WorkDir, f.Pos), level, oneLine.Replace(f.Message), f.Rule)
	}
	return bw.Flush()
}

// textPosition formats p as go/token does, leaving out a line or column
// that is unknown.
func textPosition(dir string, p Position) string {
	s := displayPath(dir, p.File)
	if s == "" {
		s = "-"
	}
	if p.Line > 0 {
		s += ":" + strconv.Itoa(p.Line)
		if p.Column > 0 {
			s += ":" + strconv.Itoa(p.Column)
		}
	}
	return s
}
