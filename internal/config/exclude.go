package config

import (
	"errors"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/microsec-lint/microsec-lint/internal/report"
)

// Exclude patterns are slash-separated globs relative to Config.Dir:
//
//   - a pattern without a slash matches a file or directory name at any
//     depth ("*.pb.go", "mocks");
//   - "**" matches any number of directories ("**/gen/*.go");
//   - other segments use path.Match syntax (*, ?, [a-z]);
//   - a pattern that matches a directory excludes everything below it
//     ("internal/legacy", "vendor/").

// checkGlob returns the pattern in the form the matcher uses, or why it
// can never match.
func checkGlob(p string) (string, error) {
	p = strings.TrimSpace(p)
	if p == "" {
		return "", errors.New("empty pattern")
	}
	if strings.Contains(p, `\`) {
		return "", errors.New(`patterns use "/" as the separator, not "\"`)
	}
	if path.IsAbs(p) || filepath.IsAbs(p) {
		return "", errors.New("patterns are relative to the directory of the settings file")
	}
	for strings.HasPrefix(p, "./") {
		p = p[2:]
	}
	p = strings.TrimSuffix(p, "/")
	for _, seg := range strings.Split(p, "/") {
		switch seg {
		case "", ".", "..":
			return "", errors.New(`"", "." and ".." are not allowed between slashes`)
		}
		if _, err := path.Match(seg, ""); err != nil {
			return "", errors.New("malformed pattern: " + err.Error())
		}
	}
	return p, nil
}

// matchGlob reports whether the checked pattern matches rel (a clean,
// slash-separated relative path) or one of its parent directories.
func matchGlob(pattern, rel string) bool {
	if !strings.Contains(pattern, "/") {
		pattern = "**/" + pattern
	}
	ps, ss := strings.Split(pattern, "/"), strings.Split(rel, "/")
	for i := len(ss); i > 0; i-- {
		if matchSegments(ps, ss[:i]) {
			return true
		}
	}
	return false
}

func matchSegments(ps, ss []string) bool {
	for len(ps) > 0 {
		if ps[0] == "**" {
			ps = ps[1:]
			if len(ps) == 0 {
				return true
			}
			for i := range len(ss) + 1 {
				if matchSegments(ps, ss[i:]) {
					return true
				}
			}
			return false
		}
		if len(ss) == 0 {
			return false
		}
		if ok, _ := path.Match(ps[0], ss[0]); !ok {
			return false
		}
		ps, ss = ps[1:], ss[1:]
	}
	return len(ss) == 0
}

// Excluded reports whether findings of rule in the file at relPath
// (relative to Dir, with either separator) are dropped: by the top-level
// exclude patterns, by the rule's own, or, unless the rule is in
// GeneratedExempt, by GeneratedPatterns while ExcludeGenerated is set.
func (c *Config) Excluded(rule, relPath string) bool {
	if c == nil {
		c = Default("")
	}
	rel := path.Clean(filepath.ToSlash(relPath))
	match := func(patterns []string) bool {
		return slices.ContainsFunc(patterns, func(p string) bool { return matchGlob(p, rel) })
	}
	if match(c.Exclude) {
		return true
	}
	if rc := c.Rules[rule]; rc != nil && match(rc.Exclude) {
		return true
	}
	return c.ExcludeGenerated && !slices.Contains(GeneratedExempt, rule) && match(GeneratedPatterns)
}

// ExcludedFile is Excluded for an absolute (or working-directory relative)
// file name, as go/token positions give them.
func (c *Config) ExcludedFile(rule, filename string) bool {
	if filename == "" {
		return false
	}
	rel, err := filepath.Rel(c.baseDir(), filename)
	if err != nil {
		return false
	}
	return c.Excluded(rule, rel)
}

func (c *Config) baseDir() string {
	if c != nil && c.Dir != "" {
		return c.Dir
	}
	wd, err := os.Getwd()
	if err != nil {
		return "."
	}
	return wd
}

// Filter applies the settings to the findings of a run: it drops those in
// excluded files and gives the findings of each rule with a severity that
// severity, even where an analyzer chose a level for a single finding. It
// returns a new slice and leaves findings unchanged.
//
// A finding of a Go vulnerability (its rule is an id such as
// GO-2024-1234) counts as one of the rule "vulncheck".
func (c *Config) Filter(findings []report.Finding) []report.Finding {
	out := make([]report.Finding, 0, len(findings))
	for _, f := range findings {
		rule := f.Rule
		if report.IsVulnID(rule) {
			rule = report.VulnRule
		}
		if c.ExcludedFile(rule, f.Pos.File) {
			continue
		}
		if c != nil {
			if rc := c.Rules[rule]; rc != nil && rc.Severity != "" {
				f.Level = report.Level(rc.Severity)
			}
		}
		out = append(out, f)
	}
	return out
}
