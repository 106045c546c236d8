package ruledoc

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	src := `// Package demo defines an Analyzer.
//
// # Analyzer demo
//
// demo: report something
// that wraps
//
// Body paragraph.
//
// # Limitations
//
// None.
package demo
`
	d, err := Parse([]byte(src), "demo")
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "report something that wraps" {
		t.Errorf("title = %q", d.Title)
	}
	if !strings.HasPrefix(d.Body, "Body paragraph.") || !strings.Contains(d.Body, "# Limitations") {
		t.Errorf("body = %q", d.Body)
	}
	if got := d.Analyzer(); !strings.HasPrefix(got, "report something that wraps\n\nBody") {
		t.Errorf("Analyzer() = %q", got)
	}
}

func TestParseErrors(t *testing.T) {
	for _, src := range []string{
		"package demo\n",
		"// Package demo.\npackage demo\n",
		"// # Analyzer demo\n//\n// other: title\npackage demo\n",
		"package",
	} {
		if _, err := Parse([]byte(src), "demo"); err == nil {
			t.Errorf("Parse(%q) succeeded, want an error", src)
		}
	}
}

func TestMarkdown(t *testing.T) {
	got := Markdown("Intro text.\n\n# Limitations\n\nCode:\n\n\tx := 1\n", 3)
	if strings.Contains(got, "{#") {
		t.Errorf("Markdown output has a heading id GitHub would show as text:\n%s", got)
	}
	for _, want := range []string{"Intro text.\n", "### Limitations\n", "\tx := 1"} {
		if !strings.Contains(got, want) {
			t.Errorf("Markdown output lacks %q:\n%s", want, got)
		}
	}
}
