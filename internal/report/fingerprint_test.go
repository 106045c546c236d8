package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const fingerprintSrc = `package p

func f(db DB, name string) {
	db.Query("SELECT " + name)
}
`

// fingerprintsOf writes src to dir/p.go and returns the fingerprints of
// findings of rule sqlconcat on each occurrence of needle in it.
func fingerprintsOf(t *testing.T, dir, src, needle, message string) []string {
	t.Helper()
	return ruleFingerprints(t, Rule{ID: "sqlconcat"}, dir, src, needle, message)
}

// ruleFingerprints is fingerprintsOf for findings of rule.
func ruleFingerprints(t *testing.T, rule Rule, dir, src, needle, message string) []string {
	t.Helper()
	file := filepath.Join(dir, "p.go")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	r := &Result{WorkDir: dir, Rules: []Rule{rule}}
	for off := 0; ; {
		i := strings.Index(src[off:], needle)
		if i < 0 {
			break
		}
		pos := positionAt(file, []byte(src), off+i)
		end := positionAt(file, []byte(src), off+i+len(needle))
		r.Findings = append(r.Findings, Finding{Rule: rule.ID, Pos: pos, End: end, Message: message})
		off += i + len(needle)
	}
	var fps []string
	for _, res := range decodeSARIF(t, r).Runs[0].Results {
		fps = append(fps, res.PartialFingerprints[fingerprintKey])
	}
	return fps
}

func TestFingerprintStable(t *testing.T) {
	dir := t.TempDir()
	needle := `"SELECT " + name`
	base := fingerprintsOf(t, dir, fingerprintSrc, needle, "m")
	if len(base) != 1 || base[0] == "" {
		t.Fatalf("fingerprints = %q", base)
	}

	same := map[string]string{
		"lines inserted above": strings.Replace(fingerprintSrc, "func f", "// A comment.\n\nvar x = 1\n\nfunc f", 1),
		"lines inserted below": fingerprintSrc + "\nfunc g() {}\n",
		"line re-indented":     strings.Replace(fingerprintSrc, "\tdb.Query", "\t\t  db.Query", 1),
	}
	for name, src := range same {
		if got := fingerprintsOf(t, dir, src, needle, "m"); got[0] != base[0] {
			t.Errorf("%s: fingerprint %s, want it unchanged (%s)", name, got[0], base[0])
		}
	}

	changed := strings.Replace(fingerprintSrc, "db.Query(", "db.Exec(", 1)
	if got := fingerprintsOf(t, dir, changed, needle, "m"); got[0] == base[0] {
		t.Error("fingerprint unchanged after the flagged line changed")
	}
	if got := fingerprintsOf(t, t.TempDir(), fingerprintSrc, needle, "m"); got[0] != base[0] {
		t.Error("fingerprint depends on where the work directory is")
	}
}

// TestFingerprintHidesLiterals: for a rule whose findings point at
// secrets, the line hash does not depend on what a string literal says, so
// it cannot be used to try candidates for a hard-coded password; the code
// around it still counts. For other rules the literal's text counts: two
// queries that differ only in it are told apart.
func TestFingerprintHidesLiterals(t *testing.T) {
	dir := t.TempDir()
	secret := Rule{ID: "hardcodedsecret", SecretText: true}
	//microsec:ignore hardcodedsecret -- made-up passwords the test plants
	src := "package p\n\nfunc f() {\n\tlogin(\"admin\", \"Summer2024!\") // the old one\n}\n"
	base := ruleFingerprints(t, secret, dir, src, `"Summer2024!"`, "m")
	//microsec:ignore hardcodedsecret -- made-up passwords the test plants
	other := strings.NewReplacer(`"Summer2024!"`, `"Sx9vQ2mL4r!"`, "the old one", "another comment").Replace(src)
	if got := ruleFingerprints(t, secret, dir, other, `"Sx9vQ2mL4r!"`, "m"); got[0] != base[0] {
		t.Errorf("fingerprint %s changed with the literal's text (%s)", got[0], base[0])
	}
	if got := ruleFingerprints(t, secret, dir, strings.Replace(src, "login(", "logout(", 1), `"Summer2024!"`, "m"); got[0] == base[0] {
		t.Error("fingerprint unchanged after the code around the literal changed")
	}
	query := strings.Replace(fingerprintSrc, `"SELECT "`, `"SELECT password FROM users WHERE name = "`, 1)
	if got := fingerprintsOf(t, dir, query, `"SELECT password FROM users WHERE name = " + name`, "m"); got[0] == fingerprintsOf(t, dir, fingerprintSrc, `"SELECT " + name`, "m")[0] {
		t.Error("two queries that differ in their text share a fingerprint")
	}
}

func TestCodeShape(t *testing.T) {
	for in, want := range map[string]string{
		`db.Query("SELECT " + name)`:             `db . Query ( "" + name )`,
		"x := `-----BEGIN KEY-----\nabc` // key": "x := \"\"",
		`r := 'a'; s := "un\"closed`:             `r := '' ; s := ""`,
		`f(1.5, 0x1F)`:                           `f ( 1.5 , 0x1F )`,
	} {
		if got := CodeShape(in); got != want {
			t.Errorf("CodeShape(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestFingerprintOccurrences checks that identical flagged lines get
// distinct fingerprints, numbered in file order, so that adding a copy
// below keeps those of the lines above.
func TestFingerprintOccurrences(t *testing.T) {
	dir := t.TempDir()
	needle := `"SELECT " + name`
	twice := strings.Replace(fingerprintSrc, "\tdb.Query", "\tdb.Query(\"SELECT \" + name)\n\tdb.Query", 1)
	two := fingerprintsOf(t, dir, twice, needle, "m")
	if len(two) != 2 || two[0] == two[1] {
		t.Fatalf("fingerprints of two identical lines = %q, want two different ones", two)
	}
	thrice := strings.Replace(twice, "}\n", "\tdb.Query(\"SELECT \" + name)\n}\n", 1)
	three := fingerprintsOf(t, dir, thrice, needle, "m")
	if len(three) != 3 || three[0] != two[0] || three[1] != two[1] || three[2] == two[1] {
		t.Errorf("after adding a third copy: %q, want the first two kept from %q", three, two)
	}
}

// TestFingerprintWithoutSource checks the fallback to the message when the
// flagged file cannot be read.
func TestFingerprintWithoutSource(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "gone.go")
	fp := func(line int, message string) string {
		r := &Result{WorkDir: filepath.Dir(missing), Findings: []Finding{{
			Rule: "sqlconcat", Message: message,
			Pos: Position{File: missing, Line: line, Column: 1}, End: Position{File: missing, Line: line, Column: 9},
		}}}
		return decodeSARIF(t, r).Runs[0].Results[0].PartialFingerprints[fingerprintKey]
	}
	if fp(3, "a") != fp(30, "a") {
		t.Error("without the source, the fingerprint depends on the line number")
	}
	if fp(3, "a") == fp(3, "b") {
		t.Error("without the source, the fingerprint ignores the message")
	}
}

// TestFingerprintHidesSecretsInLines: the line hash of a finding does not
// change with a secret on its lines, whichever rule it is of: not when a
// line lies inside a raw string (read as what it is, not as code), nor
// when another rule's finding shares the line with a literal or comment
// that holds a secret. So no guess of the secret can be tested on it.
func TestFingerprintHidesSecretsInLines(t *testing.T) {
	dir := t.TempDir()
	secret := Rule{ID: "hardcodedsecret", SecretText: true}
	cfg := func(password string) string {
		return "package p\n\ntype Config struct{ DSN, APIKey string }\n\nvar cfg = Config{DSN: `host=db user=app\npassword=" +
			password + " dbname=billing`, APIKey: \"k\"}\n"
	}
	a := ruleFingerprints(t, secret, dir, cfg("S3cret"+"Passw0rd"), `"k"`, "m")
	b := ruleFingerprints(t, secret, dir, cfg("Hx7k"+"Lq2Vzw9"), `"k"`, "m")
	if a[0] != b[0] {
		t.Errorf("line hash %s changed with a password in a raw string (%s)", b[0], a[0])
	}

	call := func(password string) string {
		return "package p\n\nfunc f(host string) {\n\trun(\"--proxy=http://deploy:" + password + "@proxy:3128/\" + host) // via " +
			"nats://u:" + password + "@nats:4222\n}\n"
	}
	needle := "run("
	c := ruleFingerprints(t, Rule{ID: "cmdinjection"}, dir, call("Pr0xy"+"Passw0rd"), needle, "m")
	d := ruleFingerprints(t, Rule{ID: "cmdinjection"}, dir, call("Qw3rty"+"U1opZ"), needle, "m")
	if c[0] != d[0] {
		t.Errorf("line hash %s changed with a password in a literal and a comment (%s)", d[0], c[0])
	}
	if e := ruleFingerprints(t, Rule{ID: "cmdinjection"}, dir, strings.Replace(call("Pr0xy"+"Passw0rd"), "run(", "exec(", 1), "exec(", "m"); e[0] == c[0] {
		t.Error("line hash unchanged after the code around the literal changed")
	}
}

// TestSourceKeepsPlainCode: code with no secret is read for fingerprints
// as before (so that baselines and alerts keep matching): its lines
// whole, its shape that of CodeShape.
func TestSourceKeepsPlainCode(t *testing.T) {
	src := "package p\n\n// Query runs q.\nfunc f(db DB, name string) {\n\tdb.Query(\"SELECT \" + name, 'x') /* c */\n\tx := `raw\n  text` + name; _ = x\n}\n"
	s := NewSource([]byte(src))
	lines := strings.Split(strings.TrimSuffix(src, "\n"), "\n")
	for from := 1; from <= len(lines); from++ {
		for to := from; to <= len(lines); to++ {
			text := strings.Join(strings.Fields(strings.Join(lines[from-1:to], "\n")), " ")
			if got, ok := s.Lines(from, to); !ok || got != text {
				t.Errorf("Lines(%d, %d) = %q, %v; want %q", from, to, got, ok, text)
			}
			if from == 7 {
				continue // starts inside the raw string
			}
			if got, ok := s.Shape(from, to); !ok || got != CodeShape(text) {
				t.Errorf("Shape(%d, %d) = %q, %v; want %q", from, to, got, ok, CodeShape(text))
			}
		}
	}
	if got, _ := s.Shape(7, 7); got != `"" + name ; _ = x` {
		t.Errorf("Shape of a line inside a raw string = %q", got)
	}
	if _, ok := s.Lines(9, 9); ok {
		t.Error("Lines found a line after the last")
	}
}

// TestFingerprintMessageHidesSecret: when the file cannot be read, the
// message stands in for the code without the first characters and length
// of the secrets it describes; a message without one hashes as before.
func TestFingerprintMessageHidesSecret(t *testing.T) {
	of := func(msg string) string {
		r := &Result{WorkDir: "/nowhere", Rules: []Rule{{ID: "cmdinjection"}}}
		r.Findings = []Finding{{Rule: "cmdinjection", Pos: Position{File: "/nowhere/gone.go", Line: 3, Column: 2}, Message: msg}}
		return decodeSARIF(t, r).Runs[0].Results[0].PartialFingerprints[fingerprintKey]
	}
	a, b := of(`lead ("--password=\"Hx7…(12 chars)\"")`), of(`lead ("--password=\"Zq2…(14 chars)\"")`)
	if a != b {
		t.Errorf("fingerprints %s and %s differ with the secret alone", a, b)
	}
	if got, want := of(`command in argument 1 of sh ("-c")`), "ae1993fe1f81acf8c63a371ab76ac0aa"; got != want {
		t.Errorf("fingerprint of a message without a secret = %s, want %s as before", got, want)
	}
}
