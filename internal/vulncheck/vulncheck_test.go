package vulncheck

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/microsec-lint/microsec-lint/internal/report"
)

// The fixture modules need golang.org/x/text v0.3.6 in the module cache
// (scripts/test.sh downloads it). The fixture database in testdata/osv
// holds real advisories; GOVERSION in the environment fixes the Go version
// govulncheck checks the standard library against, so results do not
// depend on the toolchain that runs the tests.

// TestCalls: a call of language.Parse through a helper is GO-2021-0113,
// located at the helper's call, with the whole path as the trace.
func TestCalls(t *testing.T) {
	t.Parallel()
	res := runFixture(t, Config{Dir: "testdata/calls", DB: fixtureDB(t), Env: goVersionEnv("go1.26.8")})

	want := []string{
		"GO-2021-0113 error calls:main.go:23:28 example.com/calls" +
			" | reaches golang.org/x/text/language.Parse in golang.org/x/text@v0.3.6:" +
			" out-of-bounds read in golang.org/x/text/language; upgrade golang.org/x/text to v0.3.7 or later" +
			" | example.com/calls.main calls:main.go:15:20" +
			" -> example.com/calls.tagOf calls:main.go:23:28" +
			" -> golang.org/x/text/language.Parse text:language/parse.go:33:6" +
			" | aliases=CVE-2021-38561, GHSA-ppp9-7jff-5vj2 fixedVersion=v0.3.7 module=golang.org/x/text" +
			" reachability=called symbol=golang.org/x/text/language.Parse version=v0.3.6",
	}
	checkFindings(t, res, want)

	if len(res.Rules) != 1 {
		t.Fatalf("rules = %+v, want GO-2021-0113 only", res.Rules)
	}
	r := res.Rules[0]
	wantRule := report.Rule{
		ID:      "GO-2021-0113",
		Title:   "out-of-bounds read in golang.org/x/text/language",
		HelpURI: "https://pkg.go.dev/vuln/GO-2021-0113",
		Level:   report.LevelError,
		Help: "Out-of-bounds read in golang.org/x/text/language.\n\n" +
			"Due to improper index calculation, an incorrectly formatted language tag can cause Parse " +
			"to panic via an out of bounds read. If Parse is used to process untrusted user inputs, " +
			"this may be used as a vector for a denial of service attack.\n\n" +
			"Aliases: CVE-2021-38561, GHSA-ppp9-7jff-5vj2.\n\n" +
			"Affected packages: golang.org/x/text/language.",
	}
	if fmt.Sprint(r) != fmt.Sprint(wantRule) {
		t.Errorf("rule:\n got %+v\nwant %+v", r, wantRule)
	}
	if !strings.HasPrefix(res.DB, "file:///") {
		t.Errorf("DB = %q, want the file URL", res.DB)
	}
}

// TestStdlib: the standard library counts, at the version GOVERSION names.
func TestStdlib(t *testing.T) {
	t.Parallel()
	res := runFixture(t, Config{Dir: "testdata/calls", DB: fixtureDB(t), Env: goVersionEnv("go1.26.0")})

	want := []string{
		"GO-2026-4601 error calls:main.go:18:21 example.com/calls" +
			" | reaches net/url.Parse in the standard library of go1.26.0:" +
			" incorrect parsing of IPv6 host literals in net/url; upgrade Go to go1.26.1 or later" +
			" | example.com/calls.main calls:main.go:18:21" +
			" -> net/url.Parse goroot:src/net/url/url.go" +
			" | aliases=CVE-2026-25679 fixedVersion=go1.26.1 module=stdlib" +
			" reachability=called symbol=net/url.Parse version=go1.26.0",
		"GO-2021-0113 error calls:main.go:23:28 example.com/calls" +
			" | reaches golang.org/x/text/language.Parse in golang.org/x/text@v0.3.6:" +
			" out-of-bounds read in golang.org/x/text/language; upgrade golang.org/x/text to v0.3.7 or later" +
			" | example.com/calls.main calls:main.go:15:20" +
			" -> example.com/calls.tagOf calls:main.go:23:28" +
			" -> golang.org/x/text/language.Parse text:language/parse.go:33:6" +
			" | aliases=CVE-2021-38561, GHSA-ppp9-7jff-5vj2 fixedVersion=v0.3.7 module=golang.org/x/text" +
			" reachability=called symbol=golang.org/x/text/language.Parse version=v0.3.6",
	}
	checkFindings(t, res, want)
	if ids := ruleIDs(res); !slices.Equal(ids, []string{"GO-2021-0113", "GO-2026-4601"}) {
		t.Errorf("rules = %v", ids)
	}
}

// TestImportsOnly: importing a vulnerable package without calling its
// affected functions is no finding by default, a note with ShowAll.
func TestImportsOnly(t *testing.T) {
	t.Parallel()
	res := runFixture(t, Config{Dir: "testdata/imports", DB: fixtureDB(t), Env: goVersionEnv("go1.26.0")})
	checkFindings(t, res, nil)
	if len(res.Rules) != 0 {
		t.Errorf("rules = %v, want none", ruleIDs(res))
	}

	res = runFixture(t, Config{Dir: "testdata/imports", DB: fixtureDB(t), Env: goVersionEnv("go1.26.0"), ShowAll: true})
	want := []string{
		// The go directive stands for the standard library, which the
		// module requires without importing net/url.
		"GO-2026-4601 note imports:go.mod:3:1" +
			" | requires the standard library of go1.26.0 but imports none of its vulnerable packages:" +
			" incorrect parsing of IPv6 host literals in net/url; upgrade Go to go1.26.1 or later" +
			" | aliases=CVE-2026-25679 fixedVersion=go1.26.1 module=stdlib reachability=required version=go1.26.0",
		"GO-2021-0113 note imports:go.mod:5:1" +
			" | imports golang.org/x/text/language of golang.org/x/text@v0.3.6 but calls none of its vulnerable functions:" +
			" out-of-bounds read in golang.org/x/text/language; upgrade golang.org/x/text to v0.3.7 or later" +
			" | aliases=CVE-2021-38561, GHSA-ppp9-7jff-5vj2 fixedVersion=v0.3.7 module=golang.org/x/text" +
			" package=golang.org/x/text/language reachability=imported version=v0.3.6",
		"GO-2022-1059 note imports:go.mod:5:1" +
			" | imports golang.org/x/text/language of golang.org/x/text@v0.3.6 but calls none of its vulnerable functions:" +
			" denial of service via crafted Accept-Language header in golang.org/x/text/language; upgrade golang.org/x/text to v0.3.8 or later" +
			" | aliases=CVE-2022-32149, GHSA-69ch-w2m2-3vjp fixedVersion=v0.3.8 module=golang.org/x/text" +
			" package=golang.org/x/text/language reachability=imported version=v0.3.6",
		"GO-2026-5970 note imports:go.mod:5:1" +
			" | requires golang.org/x/text@v0.3.6 but imports none of its vulnerable packages:" +
			" infinite loop on invalid input in golang.org/x/text; upgrade golang.org/x/text to v0.39.0 or later" +
			" | aliases=CVE-2026-56852 fixedVersion=v0.39.0 module=golang.org/x/text reachability=required version=v0.3.6",
	}
	checkFindings(t, res, want)
	for _, r := range res.Rules {
		if r.Level != report.LevelNote {
			t.Errorf("rule %s has level %s, want note", r.ID, r.Level)
		}
	}
}

// TestTests: with Tests, calls from test functions count.
func TestTests(t *testing.T) {
	t.Parallel()
	res := runFixture(t, Config{Dir: "testdata/imports", DB: fixtureDB(t), Env: goVersionEnv("go1.26.8"), Tests: true})
	got := describeAll(t, res.Findings)
	if len(got) != 1 {
		t.Fatalf("findings:\n%s", strings.Join(got, "\n"))
	}
	// The path runs from the generated test main, whose source lies in
	// the build cache and is left out, through package testing, whose
	// inner functions change between Go releases.
	wantPrefix := "GO-2021-0113 error imports:main_test.go:11:29 example.com/imports" +
		" | reaches golang.org/x/text/language.Parse in golang.org/x/text@v0.3.6:" +
		" out-of-bounds read in golang.org/x/text/language; upgrade golang.org/x/text to v0.3.7 or later" +
		" | example.com/imports.test.main ? -> (*testing.M).Run goroot:src/testing/testing.go -> "
	wantSuffix := " -> example.com/imports.TestParse imports:main_test.go:11:29" +
		" -> golang.org/x/text/language.Parse text:language/parse.go:33:6" +
		" | aliases=CVE-2021-38561, GHSA-ppp9-7jff-5vj2 fixedVersion=v0.3.7 module=golang.org/x/text" +
		" reachability=called symbol=golang.org/x/text/language.Parse version=v0.3.6"
	if !strings.HasPrefix(got[0], wantPrefix) || !strings.HasSuffix(got[0], wantSuffix) {
		t.Errorf("finding:\n got %s\nwant %s...%s", got[0], wantPrefix, wantSuffix)
	}
}

// TestModule reads the real golang.org/x/vulndb module through GOPROXY.
func TestModule(t *testing.T) {
	if testing.Short() {
		t.Skip("downloads golang.org/x/vulndb (about 30 MB) through GOPROXY")
	}
	t.Parallel()
	start := time.Now()
	res := runFixture(t, Config{Dir: "testdata/calls", DB: "module", Env: goVersionEnv("go1.26.8")})
	t.Logf("module database: %s in %v", res.DB, time.Since(start).Round(time.Millisecond))

	if !strings.HasPrefix(res.DB, "golang.org/x/vulndb@v") {
		t.Errorf("DB = %q, want golang.org/x/vulndb@VERSION", res.DB)
	}
	checkFindingsOf(t, res, "GO-2021-0113", []string{
		"GO-2021-0113 error calls:main.go:23:28 example.com/calls" +
			" | reaches golang.org/x/text/language.Parse in golang.org/x/text@v0.3.6:" +
			" out-of-bounds read in golang.org/x/text/language; upgrade golang.org/x/text to v0.3.7 or later" +
			" | example.com/calls.main calls:main.go:15:20" +
			" -> example.com/calls.tagOf calls:main.go:23:28" +
			" -> golang.org/x/text/language.Parse text:language/parse.go:33:6" +
			" | aliases=CVE-2021-38561, GHSA-ppp9-7jff-5vj2 fixedVersion=v0.3.7 module=golang.org/x/text" +
			" reachability=called symbol=golang.org/x/text/language.Parse version=v0.3.6",
	})
	// Imported but not called: not reported by default.
	checkFindingsOf(t, res, "GO-2022-1059", nil)
	for _, f := range res.Findings {
		if f.Level != report.LevelError {
			t.Errorf("finding at level %s without ShowAll: %s %s", f.Level, f.Rule, f.Message)
		}
	}
}

// TestFallback: when the default database does not answer, the module is
// used and one line says so.
func TestFallback(t *testing.T) {
	if testing.Short() {
		t.Skip("downloads golang.org/x/vulndb through GOPROXY")
	}
	t.Parallel()
	dead := closedURL(t)
	var log bytes.Buffer
	r := runner{defaultDB: dead, probeTimeout: 2 * time.Second}
	res, err := r.run(context.Background(), Config{Dir: "testdata/calls", Env: goVersionEnv("go1.26.8"), Log: &log})
	if err != nil {
		t.Fatal(err)
	}
	port := strings.TrimPrefix(dead, "http://127.0.0.1:")
	wantLog := fmt.Sprintf("vulncheck: %s is unreachable (dial tcp 127.0.0.1:%s: connect: connection refused); using %s through GOPROXY\n",
		dead, port, res.DB)
	if log.String() != wantLog {
		t.Errorf("log:\n got %q\nwant %q", log.String(), wantLog)
	}
	if !strings.HasPrefix(res.DB, "golang.org/x/vulndb@v") {
		t.Errorf("DB = %q", res.DB)
	}
	if ids := ruleIDs(res); !slices.Contains(ids, "GO-2021-0113") {
		t.Errorf("rules = %v, want GO-2021-0113 among them", ids)
	}
}

// TestUnreachable: no database at all is one clear line, and nothing is
// scanned.
func TestUnreachable(t *testing.T) {
	t.Parallel()
	dead := closedURL(t)
	port := strings.TrimPrefix(dead, "http://127.0.0.1:")
	refused := fmt.Sprintf("dial tcp 127.0.0.1:%s: connect: connection refused", port)
	offline := append(goVersionEnv("go1.26.8"), "GOPROXY=off")

	notFound := httptest.NewServer(http.NotFoundHandler())
	defer notFound.Close()

	tests := []struct {
		name string
		db   string
		env  []string
		want string
	}{{
		name: "default and module",
		env:  offline,
		want: "vulncheck: no vulnerability database reachable: " + dead + ": " + refused +
			"; module golang.org/x/vulndb: golang.org/x/vulndb@latest: module lookup disabled by GOPROXY=off",
	}, {
		name: "explicit URL, no fall-back",
		db:   dead + "/",
		want: "vulncheck: no vulnerability database reachable: " + dead + ": " + refused,
	}, {
		name: "not a database",
		db:   notFound.URL,
		want: "vulncheck: no vulnerability database reachable: " + notFound.URL + ": " +
			notFound.URL + "/index/modules.json.gz: 404 Not Found",
	}, {
		name: "module offline",
		db:   "module@v0.0.0-20990101000000-000000000000",
		env:  offline,
		want: "vulncheck: no vulnerability database reachable: module golang.org/x/vulndb: " +
			"golang.org/x/vulndb@v0.0.0-20990101000000-000000000000: module lookup disabled by GOPROXY=off",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var log bytes.Buffer
			r := runner{defaultDB: dead, probeTimeout: 2 * time.Second}
			start := time.Now()
			res, err := r.run(context.Background(), Config{Dir: "testdata/calls", DB: tt.db, Env: tt.env, Log: &log})
			if err == nil {
				t.Fatalf("no error; result %+v", res)
			}
			if err.Error() != tt.want {
				t.Errorf("error:\n got %s\nwant %s", err, tt.want)
			}
			if !errors.Is(err, ErrNoDatabase) {
				t.Errorf("error does not wrap ErrNoDatabase")
			}
			if log.Len() != 0 {
				t.Errorf("log: %q", log.String())
			}
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("took %v to fail", d)
			}
		})
	}
}

func TestBadDB(t *testing.T) {
	t.Parallel()
	empty := t.TempDir()
	file := filepath.Join(empty, "x.txt")
	if err := os.WriteFile(file, nil, 0o666); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ db, want string }{
		{"module@", `vulncheck: vulnerability database "module@": no version after @`},
		{"ftp://example.com/db", `vulncheck: vulnerability database "ftp://example.com/db": want an https:// or file:// URL, a directory, module or module@VERSION`},
		{"file://example.com/db", `vulncheck: vulnerability database file://example.com/db: file URL with host "example.com": want file:///dir`},
		{fileURL(empty), "vulncheck: no vulnerability database reachable: " + empty + " has neither index/modules.json nor OSV .json files"},
		{fileURL(file), "vulncheck: no vulnerability database reachable: " + file + " is not a directory"},
		{filepath.Join(empty, "none"), "vulncheck: no vulnerability database reachable: stat " + filepath.Join(empty, "none") + ": no such file or directory"},
	}
	for _, tt := range tests {
		_, err := Run(context.Background(), Config{Dir: "testdata/calls", DB: tt.db})
		if err == nil || err.Error() != tt.want {
			t.Errorf("DB %q:\n got %v\nwant %s", tt.db, err, tt.want)
		}
	}
}

// TestBadOSVDir: a directory of OSV files that govulncheck cannot read is
// named, with the file and what is wrong with it, rather than by
// govulncheck's "creating client: unrecognized vulndb format" alone.
func TestBadOSVDir(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct{ file, content, want string }{
		"not json":   {"x.json", "{bad\n", "x.json is not an OSV entry: invalid character"},
		"no id":      {"x.json", `{"modified": "2023-01-01T00:00:00Z"}`, "x.json is not an OSV entry: it has no id"},
		"wrong name": {"x.json", `{"id": "GO-2099-0001", "modified": "2023-01-01T00:00:00Z"}`, `x.json holds entry GO-2099-0001: an OSV file must be named after its id, GO-2099-0001.json`},
		"bad field":  {"GO-2099-0001.json", `{"id": "GO-2099-0001", "modified": 7}`, `GO-2099-0001.json is not an OSV entry: field "modified": `},
		"bad time":   {"GO-2099-0001.json", `{"id": "GO-2099-0001", "modified": "yesterday"}`, `GO-2099-0001.json is not an OSV entry: field "modified": `},
		"bad nested field": {"GO-2099-0001.json", `{"id": "GO-2099-0001", "affected": [{"package": {"name": 1}}]}`,
			`GO-2099-0001.json is not an OSV entry: field "affected": `},
		"bad review status": {"GO-2099-0001.json", `{"id": "GO-2099-0001", "database_specific": {"review_status": "SURE"}}`,
			`GO-2099-0001.json is not an OSV entry: field "database_specific": `},
		"in a subdirectory": {"sub/GO-2099-0002.json", `{"id": "GO-2099-0002"}`,
			filepath.Join("sub", "GO-2099-0002.json") + ": govulncheck reads only the OSV files at the top of the directory"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, tc.file)), 0o777); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, tc.file), []byte(tc.content), 0o666); err != nil {
				t.Fatal(err)
			}
			_, err := Run(context.Background(), Config{Dir: "testdata/calls", DB: dir, Env: goVersionEnv("go1.26.8")})
			if err == nil || !strings.Contains(err.Error(), "vulnerability database "+dir+": ") || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v\nwant an error naming %s and saying %q", err, dir, tc.want)
			}
		})
	}
}

// TestOpenOSVDir: govulncheck skips directories, those named like an OSV
// file included, and the files that do not end in .json, and takes a
// subdirectory's .json file when the top holds one of the same name (it
// reads that one instead); an entry's unknown fields and null values are
// fine.
func TestOpenOSVDir(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"GO-2099-0001.json": `{"id": "GO-2099-0001", "modified": "2024-01-01T00:00:00Z", "withdrawn": null, "extra": [1],` +
			` "affected": [{"package": {"name": "example.com/m", "ecosystem": "Go"}, "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}]}]}],` +
			` "database_specific": {"review_status": "REVIEWED"}}`,
		"x.json/README":               "a directory named like an OSV file",
		"sub/GO-2099-0001.json":       `{"id": "GO-2099-0001"}`,
		"sub/notes.txt":               "not an OSV file",
		"empty.json.d/placeholder.md": "",
	}
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := openDir(dir, dir); err != nil {
		t.Errorf("openDir: %v", err)
	}
}

// TestOpenDir: an indexed database and a directory path both open.
func TestOpenDir(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "index"), 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "index", "modules.json"), []byte("[]"), 0o666); err != nil {
		t.Fatal(err)
	}
	db, err := openDir(dir, "x")
	if err != nil {
		t.Fatal(err)
	}
	if db.url != fileURL(dir) || !strings.HasPrefix(db.url, "file:///") {
		t.Errorf("url = %q", db.url)
	}
	r := runner{defaultDB: "http://127.0.0.1:1"}
	for _, src := range []string{"testdata/osv", "./testdata/osv", fileURL(mustAbs(t, "testdata/osv"))} {
		db, err := r.openDB(context.Background(), Config{DB: src})
		switch {
		case src == "testdata/osv" && err == nil:
			t.Errorf("%s: a bare relative name is not a database", src)
		case src != "testdata/osv" && err != nil:
			t.Errorf("%s: %v", src, err)
		case err == nil && db.url != fileURL(mustAbs(t, "testdata/osv")):
			t.Errorf("%s: url %s", src, db.url)
		}
	}
}

func TestDisplayVersion(t *testing.T) {
	for in, want := range map[string]string{
		"v1.26.1":      "go1.26.1",
		"v1.26.0":      "go1.26.0",
		"v1.20.0":      "go1.20",
		"v1.20.3":      "go1.20.3",
		"v1.26.0-rc.1": "go1.26rc1",
	} {
		if got := displayVersion("stdlib", in); got != want {
			t.Errorf("displayVersion(%s) = %s, want %s", in, got, want)
		}
	}
	if got := displayVersion("golang.org/x/text", "v0.3.7"); got != "v0.3.7" {
		t.Errorf("module version changed: %s", got)
	}
}

func TestLowerFirst(t *testing.T) {
	for in, want := range map[string]string{
		"Out-of-bounds read":     "out-of-bounds read",
		"HTTP/2 server crash":    "HTTP/2 server crash",
		"XSS in html/template":   "XSS in html/template",
		"A norm.Iter can loop":   "a norm.Iter can loop",
		"":                       "",
		"url.Parse accepts junk": "url.Parse accepts junk",
	} {
		if got := lowerFirst(in); got != want {
			t.Errorf("lowerFirst(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFuncName(t *testing.T) {
	for _, tt := range []struct {
		fr   frame
		want string
	}{
		{frame{Package: "golang.org/x/text/language", Function: "Parse"}, "golang.org/x/text/language.Parse"},
		{frame{Package: "net/http", Receiver: "*Client", Function: "Do"}, "(*net/http.Client).Do"},
		{frame{Package: "golang.org/x/text/language", Receiver: "Tag", Function: "String"}, "(golang.org/x/text/language.Tag).String"},
		{frame{Package: "net/http"}, ""},
	} {
		if got := funcName(&tt.fr); got != tt.want {
			t.Errorf("funcName(%+v) = %q, want %q", tt.fr, got, tt.want)
		}
	}
}

// runFixture runs vulncheck and fails the test on error, timing the run.
func runFixture(t *testing.T, cfg Config) *Result {
	t.Helper()
	start := time.Now()
	res, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: %d findings in %v", cfg.Dir, len(res.Findings), time.Since(start).Round(time.Millisecond))
	return res
}

func fixtureDB(t *testing.T) string { return fileURL(mustAbs(t, "testdata/osv")) }

func goVersionEnv(v string) []string { return append(os.Environ(), "GOVERSION="+v) }

// closedURL returns the URL of a loopback port that nothing listens on.
func closedURL(t *testing.T) string {
	srv := httptest.NewServer(http.NotFoundHandler())
	srv.Close()
	return srv.URL
}

func ruleIDs(res *Result) []string {
	var ids []string
	for _, r := range res.Rules {
		ids = append(ids, r.ID)
	}
	return ids
}

func checkFindings(t *testing.T, res *Result, want []string) {
	t.Helper()
	got := describeAll(t, res.Findings)
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(want, "\n     "))
	}
}

func checkFindingsOf(t *testing.T, res *Result, rule string, want []string) {
	t.Helper()
	var fs []report.Finding
	for _, f := range res.Findings {
		if f.Rule == rule {
			fs = append(fs, f)
		}
	}
	got := describeAll(t, fs)
	if !slices.Equal(got, want) {
		t.Errorf("findings of %s:\n got %s\nwant %s", rule, strings.Join(got, "\n     "), strings.Join(want, "\n     "))
	}
}

// describeAll writes each finding on one line: rule, level, place,
// package, message, trace and properties, with file names shortened to
// fixture:path, text:path (golang.org/x/text in the module cache) and
// goroot:path (line numbers of the standard library are left out, as
// they change between Go releases).
func describeAll(t *testing.T, fs []report.Finding) []string {
	t.Helper()
	env := goEnv(t)
	text := filepath.Join(env["GOMODCACHE"], "golang.org", "x", "text@v0.3.6")
	short := func(p report.Position) string {
		if p.File == "" {
			return "?"
		}
		if rel, ok := strings.CutPrefix(p.File, filepath.Join(env["GOROOT"], "src")+string(filepath.Separator)); ok {
			return "goroot:src/" + filepath.ToSlash(rel)
		}
		if rel, ok := strings.CutPrefix(p.File, text+string(filepath.Separator)); ok {
			return fmt.Sprintf("text:%s:%d:%d", filepath.ToSlash(rel), p.Line, p.Column)
		}
		rel, err := filepath.Rel(mustAbs(t, "testdata"), p.File)
		if err != nil {
			return p.File
		}
		return fmt.Sprintf("%s:%d:%d", strings.Replace(filepath.ToSlash(rel), "/", ":", 1), p.Line, p.Column)
	}

	var out []string
	for _, f := range fs {
		s := fmt.Sprintf("%s %s %s", f.Rule, f.Level, short(f.Pos))
		if f.Package != "" {
			s += " " + f.Package
		}
		s += " | " + f.Message
		if f.End != f.Pos {
			t.Errorf("%s: End %+v differs from Pos %+v", f.Rule, f.End, f.Pos)
		}
		if len(f.Trace) > 0 {
			var frames []string
			for _, fr := range f.Trace {
				frames = append(frames, fr.Function+" "+short(fr.Pos))
			}
			s += " | " + strings.Join(frames, " -> ")
		}
		var props []string
		for k, v := range f.Properties {
			props = append(props, k+"="+v)
		}
		slices.Sort(props)
		s += " | " + strings.Join(props, " ")
		out = append(out, s)
	}
	return out
}

func goEnv(t *testing.T) map[string]string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOROOT", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	return map[string]string{"GOROOT": lines[0], "GOMODCACHE": lines[1]}
}

func mustAbs(t *testing.T, p string) string {
	t.Helper()
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestLoadErrors: failures of the go command are one line too.
func TestLoadErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	_, err := Run(context.Background(), Config{Dir: dir, DB: fixtureDB(t)})
	if want := "vulncheck: " + dir + " is not in a Go module: no go.mod here or above"; err == nil || err.Error() != want {
		t.Errorf("outside a module:\n got %v\nwant %s", err, want)
	}

	_, err = Run(context.Background(), Config{Dir: "testdata/calls", DB: fixtureDB(t), Patterns: []string{"./nothing/..."}})
	if err == nil || !strings.HasPrefix(err.Error(), "vulncheck: loading packages: ") ||
		!strings.Contains(err.Error(), "pattern ./nothing/...") || strings.Contains(err.Error(), "\n") {
		t.Errorf("bad pattern: %v", err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = Run(ctx, Config{Dir: "testdata/calls", DB: fixtureDB(t)})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v, want context.Canceled", err)
	}
}

// TestCancelDuringScan: Run returns when ctx ends, not when govulncheck
// finishes, at whatever stage the scan is. Cancelling govulncheck itself
// while it builds the call graph crashes the test binary (see scanSource).
func TestCancelDuringScan(t *testing.T) {
	t.Parallel()
	for _, after := range []time.Duration{300 * time.Millisecond, time.Second, 2 * time.Second} {
		ctx, cancel := context.WithTimeout(context.Background(), after)
		start := time.Now()
		_, err := Run(ctx, Config{Dir: "testdata/calls", DB: fixtureDB(t)})
		cancel()
		if err == nil {
			continue // the scan beat the deadline
		}
		if !errors.Is(err, context.DeadlineExceeded) || err.Error() != "vulncheck: context deadline exceeded" {
			t.Errorf("after %v: error = %v, want vulncheck: context deadline exceeded", after, err)
		}
		if d := time.Since(start) - after; d > time.Second {
			t.Errorf("after %v: returned %v late", after, d)
		}
	}
}

// TestMergeSymbolsStable checks that the findings of one advisory reached
// from one call, each through another vulnerable function, make one
// finding naming every function, the same whatever order govulncheck
// lists them in: baselines match findings by their message.
func TestMergeSymbolsStable(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte("package main\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ws := &workspace{main: []mainModule{{path: "example.com/app", dir: dir}}}
	call := func(fn string) *finding {
		return &finding{OSV: "GO-2099-0001", FixedVersion: "v0.9.0", Trace: []*frame{
			{Module: "golang.org/x/text", Version: "v0.8.0", Package: "golang.org/x/text/unicode/norm", Receiver: "Form", Function: fn},
			{Module: "example.com/app", Package: "example.com/app", Function: "main", Position: &position{Filename: "main.go", Line: 1, Column: 1}},
		}}
	}
	fns := []string{"String", "Bytes", "QuickSpan", "IsNormalString"}
	var want *Result
	for _, order := range [][]int{{0, 1, 2, 3}, {3, 2, 1, 0}, {2, 0, 3, 1}} {
		st := &stream{osvs: map[string]*osvEntry{}}
		for _, i := range order {
			st.findings = append(st.findings, call(fns[i]))
		}
		got := convert(st, ws, false)
		if len(got.Findings) != 1 {
			t.Fatalf("order %v: %d findings, want 1", order, len(got.Findings))
		}
		msg := got.Findings[0].Message
		for _, fn := range fns {
			if !strings.Contains(msg, "(golang.org/x/text/unicode/norm.Form)."+fn) {
				t.Errorf("order %v: message %q does not name %s", order, msg, fn)
			}
		}
		if want == nil {
			want = got
		} else if !reflect.DeepEqual(got, want) {
			t.Errorf("order %v gives\n%+v\nwhere the first order gave\n%+v", order, got.Findings[0], want.Findings[0])
		}
	}
}
