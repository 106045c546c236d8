package suppress

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

const src = `package p

func a() {
	x() //microsec:ignore sqlconcat -- table name comes from a constant set
	//microsec:ignore cmdinjection,sqlconcat -- vetted helper
	y()
	z()
}

// b is covered whole.
//
//microsec:ignore hardcodedsecret -- test key, not deployed
func b() {
	s1()
	s2()
}

//nolint:microsec // generated
func c() {
	n()
}

func d() {
	m() //nolint:errcheck
	k() //nolint
	//microsec:ignore sqlconcat
	//microsec:ignore nosuchrule -- typo
	//microsec:ignore -- forgot the rule
	// microsec:ignore sqlconcat -- a space after the slashes
	//microsec:ignored is not a directive
	/* microsec:ignore sqlconcat -- in a block comment */
	/*microsec:ignore*/
	/* microsec:ignored is not a directive */
}
`

func scan(t *testing.T) (*Index, []Malformed, string) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	known := func(r string) bool {
		return r == "sqlconcat" || r == "cmdinjection" || r == "hardcodedsecret"
	}
	ix := NewIndex()
	bad := ix.Add(Scan(fset, []*ast.File{f}, known))
	if again := ix.Add(Scan(fset, []*ast.File{f}, known)); len(again) != 0 {
		t.Errorf("scanning the same file twice reported %d problems again", len(again))
	}
	return ix, bad, "p.go"
}

func lineOf(t *testing.T, needle string) int {
	t.Helper()
	i := strings.Index(src, needle)
	if i < 0 {
		t.Fatalf("%q not in source", needle)
	}
	return strings.Count(src[:i], "\n") + 1
}

func TestLookup(t *testing.T) {
	ix, _, file := scan(t)
	for _, c := range []struct {
		rule, at string
		want     bool
		reason   string
	}{
		{"sqlconcat", "x()", true, "table name comes from a constant set"},
		{"cmdinjection", "x()", false, ""},
		{"sqlconcat", "y()", true, "vetted helper"},
		{"cmdinjection", "y()", true, "vetted helper"},
		{"sqlconcat", "z()", false, ""},
		{"hardcodedsecret", "s1()", true, "test key, not deployed"},
		{"hardcodedsecret", "s2()", true, "test key, not deployed"},
		{"sqlconcat", "s2()", false, ""},
		{"sqlconcat", "n()", true, "generated"},
		{"cmdinjection", "n()", true, "generated"},
		{"sqlconcat", "m()", false, ""},
		{"sqlconcat", "k()", true, ""},
	} {
		line := lineOf(t, c.at)
		reason, ok := ix.Lookup(c.rule, file, line, line)
		if ok != c.want || reason != c.reason {
			t.Errorf("Lookup(%s at %s) = %q, %v; want %q, %v", c.rule, c.at, reason, ok, c.reason, c.want)
		}
	}
}

func TestMalformed(t *testing.T) {
	_, bad, _ := scan(t)
	var got []string
	for _, m := range bad {
		got = append(got, m.Message)
	}
	want := []string{
		"microsec:ignore directive without a reason: write //microsec:ignore RULE -- why this is safe",
		`microsec:ignore directive names unknown rule "nosuchrule"`,
		"microsec:ignore directive names no rule: write //microsec:ignore RULE -- why this is safe",
		"microsec:ignore directive with a space after //, which makes it a comment that silences nothing: write //microsec:ignore",
		"microsec:ignore directive in a /* */ comment, which silences nothing: write it as a line comment, //microsec:ignore",
		"microsec:ignore directive in a /* */ comment, which silences nothing: write it as a line comment, //microsec:ignore",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("malformed directives:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(bad) > 0 && bad[0].Pos.Line != lineOf(t, "//microsec:ignore sqlconcat\n") {
		t.Errorf("first problem at line %d", bad[0].Pos.Line)
	}
}

// TestTrailingDirectiveCoversItsLineOnly: after code, a directive silences
// that line and not the unrelated statement below it.
func TestTrailingDirectiveCoversItsLineOnly(t *testing.T) {
	const src = "package p\n\nfunc f() {\n\ta() //nolint:microsec\n\tb()\n\tc() //microsec:ignore sqlconcat -- constant table\n\td()\n}\n"
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "t.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	ix := NewIndex()
	ix.Add(Scan(fset, []*ast.File{f}, func(string) bool { return true }))
	for line, want := range map[int]bool{4: true, 5: false, 6: true, 7: false} {
		if _, got := ix.Lookup("sqlconcat", "t.go", line, line); got != want {
			t.Errorf("line %d covered = %v, want %v", line, got, want)
		}
	}
}

// TestFileWithoutPackageClause: a file the parser gives up on at once has
// no position; scanning it must not crash.
func TestFileWithoutPackageClause(t *testing.T) {
	fset := token.NewFileSet()
	f, _ := parser.ParseFile(fset, "bad.go", "hello world", parser.ParseComments)
	empty, _ := parser.ParseFile(fset, "empty.go", "", parser.ParseComments)
	ix := NewIndex()
	if bad := ix.Add(Scan(fset, []*ast.File{f, empty, {}}, func(string) bool { return true })); len(bad) != 0 {
		t.Errorf("problems = %+v", bad)
	}
}

// TestDirectiveCoversTheNextStatement: on a line of its own, a directive
// covers the statement that starts on the next line to its last line (a
// struct literal written over several lines), but not the body of a
// compound statement such as an if, nor of a function literal.
func TestDirectiveCoversTheNextStatement(t *testing.T) {
	const src = "package p\n\nfunc f() {\n" +
		"\t//microsec:ignore insecuretransport -- a test server\n" + // 4
		"\tcfg := &tls.Config{\n" + // 5
		"\t\tInsecureSkipVerify: true,\n" + // 6
		"\t}\n" + // 7
		"\t//microsec:ignore insecuretransport -- a test server\n" + // 8
		"\tif cfg != nil {\n" + // 9
		"\t\tuse(&tls.Config{InsecureSkipVerify: true})\n" + // 10
		"\t}\n" + // 11
		"\t//microsec:ignore insecuretransport -- a test server\n" + // 12
		"\th := func() {\n" + // 13
		"\t\tuse(&tls.Config{InsecureSkipVerify: true})\n" + // 14
		"\t}\n" + // 15
		"}\n"
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "t.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	ix := NewIndex()
	ix.Add(Scan(fset, []*ast.File{f}, func(string) bool { return true }))
	for line, want := range map[int]bool{5: true, 6: true, 7: true, 9: true, 10: false, 13: true, 14: false} {
		if _, got := ix.Lookup("insecuretransport", "t.go", line, line); got != want {
			t.Errorf("line %d covered = %v, want %v", line, got, want)
		}
	}
}
